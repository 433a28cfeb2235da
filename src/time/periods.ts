import { _options, _rangeError } from '../core/_assert.ts'
import { _instantArgument } from '../core/_instant.ts'
import type { DateInput } from '../core/parseInstant.ts'
import { _CALENDAR_KEYS, _calendar, type CalendarOptions, type PeriodUnit } from './_calendar.ts'

/** The most periods one call may list. */
const LIMIT = 1_000_000

/**
 * The keys of every period of `unit` that overlaps the half-open range `[from, to)`, in order — the
 * rows of a report, including periods without data. At most 1,000,000 periods.
 *
 * @example
 * ```ts
 * periods('2024-01-01T00:00:00Z', '2024-07-01T00:00:00Z', 'quarter') //=> ['2024-Q1', '2024-Q2']
 * ```
 * @category Time
 */
export function periods(
  from: DateInput,
  to: DateInput,
  unit: PeriodUnit,
  options?: CalendarOptions,
): string[] {
  const fn = 'periods'
  _options(fn, options, _CALENDAR_KEYS)
  const calendar = _calendar(fn, unit, options)
  const start = _instantArgument(fn, 'from', from)
  const end = _instantArgument(fn, 'to', to)
  const keys: string[] = []
  for (let s = calendar.startOf(start); s < end; s = calendar.next(s)) {
    if (keys.length === LIMIT) throw _rangeError(fn, 'to', `at most ${LIMIT} periods after \`from\``, to)
    keys.push(calendar.key(s))
  }
  return keys
}
