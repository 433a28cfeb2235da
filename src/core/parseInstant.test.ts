import { describe, expect, it } from 'vitest'
import { parseInstant } from './parseInstant.ts'

// Expected epoch values are written as Date.UTC(...) of the same wall time shifted by the offset by hand.
describe('parseInstant', () => {
  it('reads ISO 8601 strings with Z or an offset', () => {
    expect(parseInstant('2024-03-31T23:30:00-04:00')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T03:30:00Z')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T09:15+05:45')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T03:30:00.123456Z')).toBe(Date.UTC(2024, 3, 1, 3, 30, 0, 123))
    expect(parseInstant('2024-04-01 03:30:00+0000')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-02-29T00:00:00z')).toBe(Date.UTC(2024, 1, 29))
    expect(parseInstant('0050-06-01T00:00:00Z')).toBe(new Date('0050-06-01T00:00:00Z').getTime())
  })
  it('passes through finite epoch milliseconds and valid Dates', () => {
    expect(parseInstant(0)).toBe(0)
    expect(parseInstant(1711942200000)).toBe(1711942200000)
    expect(parseInstant(new Date(1711942200000))).toBe(1711942200000)
  })
  it.each([
    ['no offset (ambiguous)', '2024-03-31T23:30:00'],
    ['a date without a time', '2024-03-31'],
    ['an impossible date', '2023-02-29T00:00:00Z'],
    ['31 April', '2024-04-31T00:00:00Z'],
    ['month 13', '2024-13-01T00:00:00Z'],
    ['hour 24', '2024-01-01T24:00:00Z'],
    ['second 60', '2024-01-01T23:59:60Z'],
    ['offset hour 24', '2024-01-01T00:00:00+24:00'],
    ['free text', 'yesterday'],
    ['an empty string', ''],
  ])('rejects %s', (_, text) => {
    expect(parseInstant(text)).toBeNull()
  })
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['beyond the Date range', 8.64e15 + 1],
    ['an invalid Date', new Date(Number.NaN)],
    ['null', null],
    ['undefined', undefined],
    ['an object', { at: 1 }],
  ])('rejects %s', (_, value) => {
    expect(parseInstant(value)).toBeNull()
  })
})
