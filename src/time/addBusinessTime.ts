import { _number } from '../core/_assert.ts'
import { _instantArgument } from '../core/_instant.ts'
import type { DateInput } from '../core/parseInstant.ts'
import { _businessHoursOf, type BusinessHours, type Schedule } from './businessHours.ts'

/**
 * The instant at which `ms` milliseconds of business time have passed since `start` — when an SLA
 * target falls due: the earliest t with `businessDuration(start, t) = ms`. A ticket created on Friday
 * evening with an 8-hour target is due at Monday's closing time. `ms` of 0 gives `start`. Returns
 * epoch milliseconds, or `null` for a schedule that does not open again within ten years.
 *
 * Source: spec §12.2.
 *
 * @example
 * ```ts
 * addBusinessTime('2024-03-08T16:00:00-05:00', 2 * 3_600_000, support) // Monday 10:00 New York
 * ```
 * @category Time
 */
export function addBusinessTime(
  start: DateInput,
  ms: number,
  schedule: Schedule | BusinessHours,
): number | null {
  const hours = _businessHoursOf(schedule)
  return hours.add(
    _instantArgument('addBusinessTime', 'start', start),
    _number('addBusinessTime', 'ms', ms, 0),
  )
}
