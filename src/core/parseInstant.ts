/**
 * What the library accepts as a point in time: a `Date`, epoch milliseconds, or an ISO 8601 string
 * with a UTC offset or `Z`.
 * @category Core
 */
export type DateInput = Date | number | string

// Written by hand rather than with date-fns `parseISO`: that function reads a string without an offset
// as local time, which would make results depend on the machine's zone. Here such a string is invalid.
// Extended format only: YYYY-MM-DDThh:mm[:ss[.fraction]](Z|±hh[:mm]|±hhmm); a space may stand for `T`.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/

const MAX_TIME = 8.64e15

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * Reads a {@link DateInput} as epoch milliseconds, strictly: a string without an offset or `Z`, an
 * impossible calendar date (`2023-02-29`), an out-of-range field, an invalid `Date` or a non-finite
 * number gives `null` — never a guess. KPIs count such observations as `excluded.invalid`.
 *
 * Fractions of a millisecond are truncated toward the past.
 *
 * @example
 * ```ts
 * parseInstant('2024-03-31T23:30:00-04:00') //=> 1711942200000
 * parseInstant('2024-03-31T23:30:00')       //=> null (no offset: ambiguous)
 * parseInstant(new Date(Number.NaN))        //=> null
 * ```
 * @category Core
 */
export function parseInstant(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) && Math.abs(input) <= MAX_TIME ? input : null
  if (input instanceof Date) {
    const time = input.getTime()
    return Number.isNaN(time) ? null : time
  }
  if (typeof input !== 'string') return null
  const m = ISO.exec(input)
  if (m === null) return null
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  const hour = Number(m[4])
  const minute = Number(m[5])
  const second = m[6] === undefined ? 0 : Number(m[6])
  const millisecond = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-9)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  let offsetMinutes = 0
  if (m[8] === undefined) {
    const offsetHours = Number(m[10])
    const offsetMins = m[11] === undefined ? 0 : Number(m[11])
    if (offsetHours > 23 || offsetMins > 59) return null
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins)
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
  // Date.UTC maps years 0–99 to 1900–1999; fix the year explicitly.
  const time = year < 100 ? new Date(utc).setUTCFullYear(year) : utc
  return time - offsetMinutes * 60_000
}
