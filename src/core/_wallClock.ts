// Offset-less timestamps read in a declared zone. The offset of a zone at an instant comes from
// @date-fns/tz; choosing between the two instants of a repeated wall-clock time, or what to do with one
// that a DST gap skips, follows Temporal's `disambiguation` option.
// The subpath, not the package root: the root also loads TZDate, which patches Date.prototype.
import { tzOffset } from '@date-fns/tz/tzOffset'
import { _rangeError } from './_assert.ts'

/**
 * What to do with a wall-clock time that a zone skips (a DST gap) or repeats (an overlap), as Temporal's
 * `disambiguation`: `'reject'` it (counted invalid; the default — never guessed), take the `'earlier'` or
 * the `'later'` of the two instants, or be `'compatible'` with `Date` and most databases (the later one
 * in a gap, the earlier one in an overlap).
 * @category Core
 */
export type Disambiguation = 'reject' | 'compatible' | 'earlier' | 'later'

const DAY = 86_400_000
const HOUR = 3_600_000

/** Whether `zone` is an IANA zone (or an offset) that this runtime knows. */
export function _isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * The instant at which the clocks of `zone` show `wall` (the wall-clock fields as if they were UTC, in
 * ms), or `null` when `policy` is `'reject'` and the time is skipped or repeated.
 */
export function _fromWallClock(
  wall: number,
  zone: string,
  policy: Disambiguation,
  hours?: Map<number, number | null>,
): number | null {
  const offset = (t: number): number => tzOffset(zone, new Date(t)) * 60_000
  if (hours !== undefined) {
    // The offset of a wall-clock hour with no change of offset within a day either side of it: one
    // lookup serves every timestamp of that hour (null when the hour is near a change).
    const hour = Math.floor(wall / HOUR)
    let steady = hours.get(hour)
    if (steady === undefined) {
      const first = offset(hour * HOUR - DAY)
      steady = first === offset(hour * HOUR + HOUR + DAY) ? first : null
      hours.set(hour, steady)
    }
    if (steady !== null) return wall - steady
  }
  const before = offset(wall - DAY)
  const after = offset(wall + DAY)
  const early = wall - before
  const late = wall - after
  const earlyHolds = offset(early) === before
  const lateHolds = offset(late) === after
  if (earlyHolds && lateHolds && early !== late) {
    // Repeated (clocks went back): two instants show this time.
    if (policy === 'reject') return null
    return policy === 'later' ? Math.max(early, late) : Math.min(early, late)
  }
  if (earlyHolds) return early
  if (lateHolds) return late
  // Skipped (clocks went forward): `late` reads the time with the offset after the gap (an instant
  // before it), `early` with the offset before it (an instant after it).
  if (policy === 'reject') return null
  return policy === 'earlier' ? late : early
}

/** Checks `inputTimeZone` and `disambiguation` options and returns them. */
export function _wallClockOptions(
  fn: string,
  zone: unknown,
  policy: unknown,
): { zone: string | null; policy: Disambiguation } {
  if (zone !== undefined && !_isTimeZone(zone))
    throw _rangeError(fn, 'options.inputTimeZone', "an IANA time zone such as 'America/Sao_Paulo'", zone)
  if (
    policy !== undefined &&
    policy !== 'reject' &&
    policy !== 'compatible' &&
    policy !== 'earlier' &&
    policy !== 'later'
  )
    throw _rangeError(
      fn,
      'options.disambiguation',
      "one of 'reject', 'compatible', 'earlier', 'later'",
      policy,
    )
  return { zone: zone === undefined ? null : zone, policy: policy ?? 'reject' }
}
