// Period keys and ranges against the spec's §16.2 vectors, published fiscal-year definitions, and DST
// day lengths read from the IANA database's transitions (stated per case).
import { describe, expect, it } from 'vitest'
import { parsePeriodKey } from './parsePeriodKey.ts'
import { periodKey } from './periodKey.ts'
import { periodRange } from './periodRange.ts'
import { periods } from './periods.ts'

const HOUR = 3_600_000

describe('periodKey', () => {
  it.each([
    ['2005-01-01', '2004-W53'],
    ['2006-01-01', '2005-W52'],
    ['2012-12-31', '2013-W01'],
    ['2014-12-29', '2015-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'],
    ['2026-01-01', '2026-W01'],
  ])('puts %s in ISO week %s (spec §16.2)', (date, week) => {
    expect(periodKey(`${date}T12:00:00Z`, 'week')).toBe(week)
  })

  it('buckets 2024-03-31 23:30 New York time in March there and in April in UTC (spec §16.2)', () => {
    const event = '2024-03-31T23:30:00-04:00'
    expect(periodKey(event, 'month', { timeZone: 'America/New_York' })).toBe('2024-03')
    expect(periodKey(event, 'month')).toBe('2024-04')
    expect(periodKey(event, 'day', { timeZone: 'America/New_York' })).toBe('2024-03-31')
    expect(periodKey(event, 'quarter', { timeZone: 'America/New_York' })).toBe('2024-Q1')
    expect(periodKey(event, 'quarter')).toBe('2024-Q2')
  })

  it('labels US federal fiscal years by the year they end: FY2020 = 1 Oct 2019 – 30 Sep 2020', () => {
    const options = { fiscalYearStartMonth: 10 }
    expect(periodKey('2019-10-01T00:00:00Z', 'fiscal-year', options)).toBe('FY2020')
    expect(periodKey('2020-09-30T23:59:59Z', 'fiscal-year', options)).toBe('FY2020')
    expect(periodKey('2019-09-30T23:59:59Z', 'fiscal-year', options)).toBe('FY2019')
    expect(periodKey('2019-12-15T00:00:00Z', 'fiscal-quarter', options)).toBe('FY2020-Q1')
    expect(periodKey('2020-02-15T00:00:00Z', 'fiscal-quarter', options)).toBe('FY2020-Q2')
    expect(periodKey('2020-09-15T00:00:00Z', 'fiscal-quarter', options)).toBe('FY2020-Q4')
  })

  it('supports a fiscal start day: the UK tax year 2024-25 runs 6 April 2024 – 5 April 2025', () => {
    const options = { fiscalYearStartMonth: 4, fiscalYearStartDay: 6, timeZone: 'Europe/London' }
    expect(periodKey('2025-04-05T22:59:59Z', 'fiscal-year', options)).toBe('FY2025') // 23:59:59 BST on 5 April
    expect(periodKey('2025-04-05T23:00:00Z', 'fiscal-year', options)).toBe('FY2026') // 00:00 BST on 6 April
    expect(periodRange('FY2025', options)).toEqual({
      start: Date.UTC(2024, 3, 5, 23),
      end: Date.UTC(2025, 3, 5, 23),
    })
  })

  it('labels a calendar fiscal year by its own year', () => {
    expect(periodKey('2025-06-01T00:00:00Z', 'fiscal-year')).toBe('FY2025')
    expect(periodKey('2025-06-01T00:00:00Z', 'fiscal-quarter')).toBe('FY2025-Q2')
  })

  it('numbers weeks with weekStartsOn and firstWeekContainsDate (US: Sunday, week of 1 January)', () => {
    // 2024-03-13 is a Wednesday; its Sunday-start week begins 10 March, US week 11 of 2024.
    expect(periodKey('2024-03-13T12:00:00Z', 'week', { weekStartsOn: 0 })).toBe('2024-W11')
    expect(periodRange('2024-W11', { weekStartsOn: 0 }).start).toBe(Date.UTC(2024, 2, 10))
    // 2022-01-01 (a Saturday) is in week 1 of 2022 under the US rule, and in ISO week 2021-W52.
    expect(periodKey('2022-01-01T12:00:00Z', 'week', { weekStartsOn: 0 })).toBe('2022-W01')
    expect(periodKey('2022-01-01T12:00:00Z', 'week', { weekStartsOn: 0, firstWeekContainsDate: 4 })).toBe(
      '2021-W52',
    )
    expect(periodKey('2022-01-01T12:00:00Z', 'week')).toBe('2021-W52')
  })

  it('cuts n-day buckets from an anchor', () => {
    const options = { days: 14, anchor: '2024-01-01' }
    expect(periodKey('2024-01-14T23:59:59Z', 'n-days', options)).toBe('2024-01-01/P14D')
    expect(periodKey('2024-01-15T00:00:00Z', 'n-days', options)).toBe('2024-01-15/P14D')
    expect(periodKey('2023-12-31T00:00:00Z', 'n-days', options)).toBe('2023-12-18/P14D')
  })

  it('refuses unknown units, zones and bad dates with clear errors', () => {
    expect(() => periodKey(0, 'fortnight' as never)).toThrow(
      "periodKey expected `unit` to be one of 'day', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'n-days', got `\"fortnight\"`",
    )
    expect(() => periodKey(0, 'day', { timeZone: 'Mars/Olympus_Mons' })).toThrow(
      new RangeError(
        'periodKey expected `options.timeZone` to be an IANA time zone such as \'America/Sao_Paulo\', got `"Mars/Olympus_Mons"`',
      ),
    )
    expect(() => periodKey('2024-03-01T00:00:00', 'day')).toThrow(TypeError)
    expect(() => periodKey(0, 'n-days', { days: 7 })).toThrow('periodKey expected `options.anchor`')
    expect(() => periodKey(0, 'fiscal-year', { fiscalYearStartMonth: 13 })).toThrow(RangeError)
    expect(() => periodKey(0, 'week', { firstWeekContainsDate: 4 })).toThrow(TypeError)
    expect(() => periodKey(0, 'week', { weekStartsOn: 0, firstWeekContainsDate: 2 as never })).toThrow(
      RangeError,
    )
  })
})

describe('periodRange', () => {
  it('is half-open and round-trips with periodKey', () => {
    const range = periodRange('2024-03', { timeZone: 'America/Sao_Paulo' })
    expect(range).toEqual({ start: Date.UTC(2024, 2, 1, 3), end: Date.UTC(2024, 3, 1, 3) })
    expect(periodKey(range.start, 'month', { timeZone: 'America/Sao_Paulo' })).toBe('2024-03')
    expect(periodKey(range.end - 1, 'month', { timeZone: 'America/Sao_Paulo' })).toBe('2024-03')
    expect(periodKey(range.end, 'month', { timeZone: 'America/Sao_Paulo' })).toBe('2024-04')
  })

  // US rules: clocks go forward at 02:00 on the second Sunday of March, back at 02:00 on the first
  // Sunday of November. São Paulo: DST began at 00:00 on 4 Nov 2018 (so that midnight never happened)
  // and ended at 00:00 on 17 Feb 2019 (clocks back to 23:00 on the 16th).
  it.each([
    ['2024-03-10', 'America/New_York', 23],
    ['2024-11-03', 'America/New_York', 25],
    ['2024-03-31', 'Europe/London', 23],
    ['2024-10-27', 'Europe/London', 25],
    ['2018-11-04', 'America/Sao_Paulo', 23],
    ['2019-02-16', 'America/Sao_Paulo', 25],
    ['2024-04-07', 'Australia/Lord_Howe', 24.5],
    ['2024-06-15', 'Asia/Kathmandu', 24],
  ])('%s lasts the right number of hours in %s (%d)', (day, timeZone, hours) => {
    const { start, end } = periodRange(day, { timeZone })
    expect((end - start) / HOUR).toBe(hours)
  })

  it('starts the São Paulo day of 4 Nov 2018 at 01:00, the end of the midnight gap', () => {
    expect(periodRange('2018-11-04', { timeZone: 'America/Sao_Paulo' }).start).toBe(Date.UTC(2018, 10, 4, 3))
  })

  it('skips 30 December 2011 in Apia, which did not happen (the date line moved)', () => {
    expect(() => periodRange('2011-12-30', { timeZone: 'Pacific/Apia' })).toThrow(RangeError)
    const dec29 = periodRange('2011-12-29', { timeZone: 'Pacific/Apia' })
    expect(dec29.end).toBe(periodRange('2011-12-31', { timeZone: 'Pacific/Apia' }).start)
  })

  it('refuses keys of periods that do not exist', () => {
    expect(() => periodRange('2023-02-29')).toThrow('periodRange expected `key` to be a period that exists')
    expect(() => periodRange('2021-W53')).toThrow(RangeError)
    expect(() => periodRange('2020-W53')).not.toThrow()
    expect(() => periodRange('2024-13')).toThrow(RangeError)
    expect(() => periodRange('March')).toThrow(RangeError)
  })

  it('reads n-day keys on their own', () => {
    expect(periodRange('2024-03-01/P7D')).toEqual({ start: Date.UTC(2024, 2, 1), end: Date.UTC(2024, 2, 8) })
  })
})

describe('periods', () => {
  it('lists every period overlapping [from, to)', () => {
    expect(periods('2024-01-15T00:00:00Z', '2024-07-01T00:00:00Z', 'quarter')).toEqual(['2024-Q1', '2024-Q2'])
    expect(periods('2024-12-30T00:00:00Z', '2025-01-02T00:00:00Z', 'day')).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
    ])
    expect(periods('2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z', 'day')).toEqual([])
  })
  it('passes over the day Apia skipped', () => {
    // 2012-01-01T10:00Z is midnight of 2 January in Apia (+14:00), so the range ends with 1 January.
    expect(
      periods('2011-12-29T12:00:00Z', '2012-01-01T10:00:00Z', 'day', { timeZone: 'Pacific/Apia' }),
    ).toEqual(['2011-12-29', '2011-12-31', '2012-01-01'])
  })
})

describe('parsePeriodKey', () => {
  it.each([
    ['2024-03-15', { unit: 'day', year: 2024, month: 3, day: 15 }],
    ['2024-W09', { unit: 'week', year: 2024, week: 9 }],
    ['2024-03', { unit: 'month', year: 2024, month: 3 }],
    ['2024-Q1', { unit: 'quarter', year: 2024, quarter: 1 }],
    ['2024', { unit: 'year', year: 2024 }],
    ['FY2025', { unit: 'fiscal-year', year: 2025 }],
    ['FY2025-Q2', { unit: 'fiscal-quarter', year: 2025, quarter: 2 }],
    ['2024-03-01/P14D', { unit: 'n-days', year: 2024, month: 3, day: 1, days: 14 }],
  ])('reads %s', (key, parsed) => {
    expect(parsePeriodKey(key)).toEqual(parsed)
  })
  it('refuses other strings and non-strings', () => {
    expect(() => parsePeriodKey('2024-Q5')).toThrow(RangeError)
    expect(() => parsePeriodKey(2024 as never)).toThrow(TypeError)
  })
})
