import { _instantArgument } from '../core/_instant.ts'
import type { DateInput } from '../core/parseInstant.ts'
import { _businessHoursOf, type BusinessHours, type Schedule } from './businessHours.ts'

/**
 * The business time between two instants, in milliseconds: how much of `[start, end)` falls inside the
 * schedule's opening hours, in its time zone, outside its holidays, under the version in force on each
 * day. Computed on instants, so it is DST-correct (09:00–17:00 in New York is 8 hours on every weekday,
 * including the days the clocks change). Time entirely outside hours gives 0; a ticket created before
 * opening starts counting at opening; `end` before `start` gives 0.
 *
 * Whole weeks are added from each week's total, so long spans cost no more than short ones. Pass a
 * schedule made with {@link businessHours} when measuring many spans.
 *
 * Source: spec §12.2 (Zendesk schedules; the interval intersection of fivetran/dbt_zendesk).
 *
 * @example
 * ```ts
 * // Friday 16:00 to Monday 10:00 in New York, hours Monday–Friday 09:00–17:00: 1 h + 1 h
 * businessDuration('2024-03-08T16:00:00-05:00', '2024-03-11T10:00:00-04:00', support) //=> 7_200_000
 * ```
 * @category Time
 */
export function businessDuration(
  start: DateInput,
  end: DateInput,
  schedule: Schedule | BusinessHours,
): number {
  const hours = _businessHoursOf(schedule)
  return hours.duration(
    _instantArgument('businessDuration', 'start', start),
    _instantArgument('businessDuration', 'end', end),
  )
}
