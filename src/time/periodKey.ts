import { _options } from '../core/_assert.ts'
import { _instantArgument } from '../core/_instant.ts'
import type { DateInput } from '../core/parseInstant.ts'
import { _CALENDAR_KEYS, _calendar, type CalendarOptions, type PeriodUnit } from './_calendar.ts'

/**
 * The key of the period of `unit` that contains `date`, in the options' time zone: `'2024-03-15'`
 * (day), `'2024-W09'` (ISO week, or local week with `weekStartsOn`), `'2024-03'` (month), `'2024-Q1'`,
 * `'2024'`, `'FY2025'`, `'FY2025-Q2'` (fiscal, labelled by the year in which the fiscal year ends),
 * `'2024-03-01/P14D'` (n-day bucket).
 *
 * Periods are half-open, `[start, end)`, and begin at local midnight of the time zone (or at the end
 * of a DST gap that swallows midnight).
 *
 * @example
 * ```ts
 * periodKey('2024-03-31T23:30:00-04:00', 'month', { timeZone: 'America/New_York' }) //=> '2024-03'
 * periodKey('2024-03-31T23:30:00-04:00', 'month')                                   //=> '2024-04' (UTC)
 * periodKey('2020-09-30T12:00:00Z', 'fiscal-year', { fiscalYearStartMonth: 10 })     //=> 'FY2020'
 * ```
 * @category Time
 */
export function periodKey(date: DateInput, unit: PeriodUnit, options?: CalendarOptions): string {
  _options('periodKey', options, _CALENDAR_KEYS)
  const calendar = _calendar('periodKey', unit, options)
  return calendar.key(calendar.startOf(_instantArgument('periodKey', 'date', date)))
}
