import { _options, _rangeError } from '../core/_assert.ts'
import { _CALENDAR_KEYS, _calendar, type CalendarOptions } from './_calendar.ts'
import { parsePeriodKey } from './parsePeriodKey.ts'

/**
 * Where a period lies on the time line: `[start, end)` in epoch milliseconds.
 * @category Time
 */
export interface PeriodRange {
  /** First instant of the period. */
  readonly start: number
  /** First instant after the period. */
  readonly end: number
}

/**
 * The half-open range `[start, end)` of the period with `key`, in the options' time zone. The unit is
 * read from the key; week keys follow `weekStartsOn`, fiscal keys `fiscalYearStartMonth` and
 * `fiscalYearStartDay`. Durations are real: a spring-forward day lasts 23 hours, a fall-back day 25.
 * A key of no known form, or of a period that does not exist (`'2023-02-29'`, `'2021-W53'`), is a
 * `RangeError`.
 *
 * @example
 * ```ts
 * periodRange('2024-03-10', { timeZone: 'America/New_York' })
 * //=> { start: 1710046800000, end: 1710129600000 } (23 hours)
 * ```
 * @category Time
 */
export function periodRange(key: string, options?: CalendarOptions): PeriodRange {
  _options('periodRange', options, _CALENDAR_KEYS)
  const parsed = parsePeriodKey(key)
  const calendar = _calendar(
    'periodRange',
    parsed.unit,
    parsed.unit === 'n-days'
      ? { ...options, days: parsed.days as number, anchor: key.slice(0, 10) }
      : options,
  )
  const start = calendar.parse(key)
  if (start === null || calendar.key(start) !== key) {
    throw _rangeError('periodRange', 'key', 'a period that exists in the calendar', key)
  }
  return { start, end: calendar.next(start) }
}
