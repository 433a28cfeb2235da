import { describe, expect, it } from 'vitest'
import { _instantReader, parseInstant } from './parseInstant.ts'

// Expected epoch values are written as Date.UTC(...) of the same wall time shifted by the offset by hand.
describe('parseInstant', () => {
  it('reads ISO 8601 strings with Z or an offset', () => {
    expect(parseInstant('2024-03-31T23:30:00-04:00')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T03:30:00Z')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T09:15+05:45')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-04-01T03:30:00.123456Z')).toBe(Date.UTC(2024, 3, 1, 3, 30, 0, 123))
    expect(parseInstant('2024-04-01 03:30:00+0000')).toBe(Date.UTC(2024, 3, 1, 3, 30))
    expect(parseInstant('2024-02-29T00:00:00z')).toBe(Date.UTC(2024, 1, 29))
  })
  it('reads instants from 1900-01-01T00:00Z up to 2200-01-01T00:00Z, and nothing outside', () => {
    expect(parseInstant('1900-01-01T00:00:00Z')).toBe(Date.UTC(1900, 0, 1))
    expect(parseInstant('1900-01-01T00:30:00+01:00')).toBeNull()
    expect(parseInstant('2199-12-31T23:59:59.999Z')).toBe(Date.UTC(2200, 0, 1) - 1)
    expect(parseInstant('2200-01-01T00:00:00Z')).toBeNull()
    // Not read as 1950, as Date.UTC would read a two-digit year: refused like any year before 1900.
    expect(parseInstant('0050-06-01T00:00:00Z')).toBeNull()
    expect(parseInstant(Date.UTC(1899, 11, 31))).toBeNull()
    expect(parseInstant(8.64e15)).toBeNull()
    expect(parseInstant(new Date(Date.UTC(2300, 0, 1)))).toBeNull()
    expect(parseInstant('1999-12-31 23:00', { inputTimeZone: 'America/New_York' })).toBe(
      Date.UTC(2000, 0, 1, 4),
    )
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

describe('parseInstant with inputTimeZone', () => {
  // Expected instants from Python's zoneinfo (PEP 495): `fold=0` and `fold=1` of each wall-clock time,
  // with the IANA data of the runtime. In a gap fold 0 is the later instant and fold 1 the earlier one;
  // in an overlap fold 0 is the earlier one.
  const cases: [string, string, 'gap' | 'overlap' | 'none', number, number][] = [
    ['America/Sao_Paulo', '2018-11-04 00:30', 'gap', 1541302200000, 1541298600000],
    ['America/Sao_Paulo', '2019-02-16 23:30', 'overlap', 1550367000000, 1550370600000],
    ['Australia/Lord_Howe', '2024-04-07T01:45', 'overlap', 1712414700000, 1712416500000],
    ['Australia/Lord_Howe', '2024-10-06T02:15', 'gap', 1728143100000, 1728141300000],
    ['Europe/Berlin', '2024-03-31 02:30:00', 'gap', 1711848600000, 1711845000000],
    ['Europe/Berlin', '2024-10-27 02:30:00.000', 'overlap', 1729989000000, 1729992600000],
    ['Asia/Kolkata', '2024-01-05 10:00', 'none', 1704429000000, 1704429000000],
  ]
  it.each(cases)('%s %s (%s)', (inputTimeZone, wall, kind, fold0, fold1) => {
    const read = (disambiguation?: 'reject' | 'compatible' | 'earlier' | 'later') =>
      parseInstant(wall, disambiguation === undefined ? { inputTimeZone } : { inputTimeZone, disambiguation })
    const [earlier, later] = kind === 'gap' ? [fold1, fold0] : [fold0, fold1]
    expect(read()).toBe(kind === 'none' ? fold0 : null)
    expect(read('reject')).toBe(kind === 'none' ? fold0 : null)
    expect(read('earlier')).toBe(earlier)
    expect(read('later')).toBe(later)
    // Date and most databases: the later instant in a gap, the earlier in an overlap (fold 0).
    expect(read('compatible')).toBe(fold0)
    // Without a zone the same string is invalid, never guessed.
    expect(parseInstant(wall)).toBeNull()
  })

  it.each(cases)(
    '%s %s (%s) reads the same through a KPI reader, which caches offsets by hour',
    (inputTimeZone, wall) => {
      for (const disambiguation of ['reject', 'compatible', 'earlier', 'later'] as const) {
        const read = _instantReader('test', { inputTimeZone, disambiguation })
        // Twice: the second read comes from the cache of the hour.
        expect(read(wall)).toBe(parseInstant(wall, { inputTimeZone, disambiguation }))
        expect(read(wall)).toBe(parseInstant(wall, { inputTimeZone, disambiguation }))
        // An hour of the same day far from the change is read from the cache too.
        const noon = `${wall.slice(0, 10)} 12:00`
        expect(read(noon)).toBe(parseInstant(noon, { inputTimeZone, disambiguation }))
      }
    },
  )

  it('reads a date alone as its midnight in the zone, and keeps an explicit offset', () => {
    expect(parseInstant('2024-01-05', { inputTimeZone: 'Asia/Tokyo' })).toBe(
      Date.parse('2024-01-05T00:00:00+09:00'),
    )
    expect(parseInstant('2024-01-05')).toBeNull()
    expect(parseInstant('2024-01-05T10:00:00Z', { inputTimeZone: 'Asia/Tokyo' })).toBe(
      Date.parse('2024-01-05T10:00:00Z'),
    )
    expect(parseInstant('2024-02-30 10:00', { inputTimeZone: 'Asia/Tokyo' })).toBeNull()
  })

  it('refuses an unknown zone, policy or option key', () => {
    expect(() => parseInstant('2024-01-05', { inputTimeZone: 'Mars/Olympus' })).toThrow(
      /parseInstant expected `options.inputTimeZone` to be an IANA time zone/,
    )
    expect(() =>
      parseInstant('2024-01-05', { inputTimeZone: 'UTC', disambiguation: 'first' as never }),
    ).toThrow(RangeError)
    expect(() => parseInstant('2024-01-05', { timeZone: 'UTC' } as never)).toThrow(
      /only the keys `inputTimeZone` and `disambiguation`, got `"timeZone"`/,
    )
  })
})
