import { _rangeError, _typeError } from './_assert.ts'
import { _fromWallClock, _wallClockOptions, type Disambiguation } from './_wallClock.ts'

/**
 * What the library accepts as a point in time: a `Date`, epoch milliseconds, or an ISO 8601 string
 * with a UTC offset or `Z`.
 * @category Core
 */
export type DateInput = Date | number | string

// Written by hand rather than with date-fns `parseISO`: that function reads a string without an offset
// as local time, which would make results depend on the machine's zone. Here such a string is invalid.
// Extended format only: YYYY-MM-DDThh:mm[:ss[.fraction]](Z|±hh[:mm]|±hhmm); a space may stand for `T`.
// Without the offset (or without the time) a string is read only in a declared `inputTimeZone`.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/

// The supported span of instants: from 1900-01-01T00:00Z up to (not including) 2200-01-01T00:00Z.
// Customer data lives well inside it, and it bounds what a computation over dates can cost: a series of
// days or a business-hours span between two instants of it is at most 110,000 days long.
const MIN_TIME = -2_208_988_800_000
const MAX_TIME = 7_258_118_400_000
const supported = (t: number): boolean => t >= MIN_TIME && t < MAX_TIME

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Options of {@link parseInstant}.
 * @category Core
 */
export interface ParseInstantOptions {
  /**
   * The IANA zone in which to read timestamps written without an offset (`'2024-01-05 10:00:00'`, or a
   * date alone, read as its midnight), as exports from spreadsheets and many databases give them.
   * Without it such strings are invalid, never guessed. Strings with an offset keep theirs.
   */
  readonly inputTimeZone?: string
  /**
   * A wall-clock time that the zone skips (DST gap) or repeats (overlap): see {@link Disambiguation}.
   * @defaultValue 'reject'
   */
  readonly disambiguation?: Disambiguation
}

/**
 * Reads a {@link DateInput} as epoch milliseconds, strictly: a string without an offset or `Z`, an
 * impossible calendar date (`2023-02-29`), an out-of-range field, an invalid `Date`, a non-finite
 * number, or an instant outside the supported span — 1900-01-01T00:00Z up to 2200-01-01T00:00Z — gives
 * `null`, never a guess. KPIs count such observations as `excluded.invalid`, and refuse such options.
 *
 * With `inputTimeZone`, a string without an offset is read as the wall-clock time of that zone; one
 * that the zone skips or repeats at a DST change follows `disambiguation` (`null` by default).
 * Fractions of a millisecond are truncated toward the past.
 *
 * @example
 * ```ts
 * parseInstant('2024-03-31T23:30:00-04:00') //=> 1711942200000
 * parseInstant('2024-03-31T23:30:00')       //=> null (no offset: ambiguous)
 * parseInstant('2024-03-31 23:30:00', { inputTimeZone: 'America/New_York' }) //=> 1711942200000
 * parseInstant('2024-03-10 02:30', { inputTimeZone: 'America/New_York' })    //=> null (skipped by DST)
 * parseInstant('2024-03-10 02:30', { inputTimeZone: 'America/New_York', disambiguation: 'later' })
 * //=> 1710055800000 (03:30 EDT)
 * parseInstant(new Date(Number.NaN))        //=> null
 * parseInstant('1850-01-01T00:00:00Z')      //=> null (before 1900: outside the supported span)
 * ```
 * @category Core
 */
export function parseInstant(input: unknown, options?: ParseInstantOptions): number | null {
  if (options === undefined) return _parse(input, null, 'reject')
  const fn = 'parseInstant'
  if (options === null || typeof options !== 'object') throw _typeError(fn, 'options', 'an object', options)
  // Two keys: checked here rather than by the option resolver, which would triple this function's size.
  for (const key in options)
    if (key !== 'inputTimeZone' && key !== 'disambiguation')
      throw _rangeError(
        fn,
        'options',
        'an object with only the keys `inputTimeZone` and `disambiguation`',
        key,
      )
  const { zone, policy } = _wallClockOptions(fn, options.inputTimeZone, options.disambiguation)
  return _parse(input, zone, policy)
}

/** {@link parseInstant} with checked options: offset-less strings are read in `zone` when it is not null. */
export function _parse(
  input: unknown,
  zone: string | null,
  policy: Disambiguation,
  hours?: Map<number, number | null>,
): number | null {
  if (typeof input === 'number') return supported(input) ? input : null
  if (input instanceof Date) {
    const time = input.getTime()
    return supported(time) ? time : null
  }
  if (typeof input !== 'string') return null
  const m = ISO.exec(input)
  if (m === null) return null
  const local = m[8] === undefined && m[9] === undefined
  if (local && zone === null) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = m[4] === undefined ? 0 : Number(m[4])
  const minute = m[5] === undefined ? 0 : Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  const millisecond = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-9)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  let offsetMinutes = 0
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10])
    const offsetMins = m[11] === undefined ? 0 : Number(m[11])
    if (offsetHours > 23 || offsetMins > 59) return null
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
  // Date.UTC maps years 0–99 to 1900–1999; fix the year explicitly.
  const wall = year < 100 ? new Date(utc).setUTCFullYear(year) : utc
  if (local) {
    const time = _fromWallClock(wall, zone as string, policy, hours)
    return time === null || !supported(time) ? null : time
  }
  const time = wall - offsetMinutes * 60_000
  return supported(time) ? time : null
}

/**
 * A reader of data timestamps for a KPI with `inputTimeZone` and `disambiguation` options: plain
 * {@link parseInstant} without a zone.
 */
export function _instantReader(
  fn: string,
  options: { readonly inputTimeZone?: unknown; readonly disambiguation?: unknown },
): (input: unknown) => number | null {
  const { zone, policy } = _wallClockOptions(fn, options.inputTimeZone, options.disambiguation)
  if (zone === null) return (input) => _parse(input, null, 'reject')
  // Offsets by wall-clock hour, so that a KPI over many rows asks the zone once per hour of data.
  const hours = new Map<number, number | null>()
  return (input) => _parse(input, zone, policy, hours)
}
