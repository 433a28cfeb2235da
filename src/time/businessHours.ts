import { TZDate } from '@date-fns/tz'
import { _rangeError, _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import { _timeZone } from './_calendar.ts'

/**
 * A day of the week.
 * @category Time
 */
export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'

/**
 * Opening hours by weekday, as wall-clock `['HH:MM', 'HH:MM']` pairs in the schedule's time zone. A day
 * may have several (a lunch break); an interval whose end is not after its start crosses midnight and is
 * split (`['22:00', '06:00']` on Monday is Monday 22:00–24:00 and Tuesday 00:00–06:00); `'24:00'` ends
 * a day.
 * @category Time
 */
export type WeeklyHours = { readonly [day in Weekday]?: readonly (readonly [string, string])[] }

/**
 * A day (or part of a day) closed for business, in the schedule's time zone.
 * @category Time
 */
export interface Holiday {
  /** The date, `'YYYY-MM-DD'`. */
  readonly date: string
  /** Start of the closure (`'HH:MM'`); the whole day when absent. */
  readonly from?: string
  /** End of the closure (`'HH:MM'`); the whole day when absent. */
  readonly to?: string
  /** A label for messages. */
  readonly name?: string
}

/**
 * Opening hours that take effect on a date (until the next version).
 * @category Time
 */
export interface ScheduleVersion {
  /** First day the version is in force, `'YYYY-MM-DD'` in the schedule's zone. */
  readonly from: string
  /** The weekly hours from that day. */
  readonly hours: WeeklyHours
  /** Holidays while the version is in force. */
  readonly holidays?: readonly Holiday[]
}

/**
 * Business hours as plain data: a time zone, weekly hours, holidays, and optionally later versions.
 * The base `hours` and `holidays` are in force until the first version's `from`.
 * @category Time
 */
export interface Schedule {
  /** A name for messages, e.g. `'Support (New York)'`. */
  readonly name?: string
  /** The IANA time zone of the hours and holidays. */
  readonly timeZone: string
  /** The weekly hours. */
  readonly hours: WeeklyHours
  /** Closed days or parts of days. */
  readonly holidays?: readonly Holiday[]
  /** Later versions of the hours, in date order. */
  readonly versions?: readonly ScheduleVersion[]
}

/** The business intervals of one local week, as instants. */
interface Week {
  readonly start: number
  readonly end: number
  /** Interval starts and ends (epoch ms), sorted, and the business time before each interval. */
  readonly starts: Float64Array
  readonly ends: Float64Array
  readonly before: Float64Array
  readonly total: number
}

/**
 * A validated schedule, ready to measure: made by {@link businessHours}, accepted wherever a schedule is.
 * Keeps the business intervals of the weeks it has measured, so that measuring many tickets costs
 * little more than measuring one.
 * @category Time
 */
export interface BusinessHours {
  /** Always `'businessHours'`. */
  readonly kind: 'businessHours'
  /** The schedule it was made from. */
  readonly schedule: Schedule
  /** Business milliseconds in `[start, end)` (0 when end ≤ start). */
  duration(start: number, end: number): number
  /** The earliest instant t ≥ start with `duration(start, t) === ms`, or `null` when the schedule never opens again. */
  add(start: number, ms: number): number | null
  /** The schedule, which is what `JSON.stringify` and a result's `variant` show. */
  toJSON(): Schedule
}

const DAYS: readonly Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]
const DAY = 86_400_000
const WEEK = 7 * DAY
/** The most local days a schedule keeps as a dense table: about 110 years. */
const MAX_DAYS = 40_000
/** 1970-01-05, the first Monday after the epoch, as a day number. */
const FIRST_MONDAY = 4
const TIME = /^(\d{2}):(\d{2})$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Minutes of day of 'HH:MM' (00:00 … 24:00). */
function minutes(fn: string, path: string, text: unknown): number {
  const m = typeof text === 'string' ? TIME.exec(text) : null
  const value = m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2])
  if (!(value >= 0 && value <= 1440) || (m !== null && Number(m[2]) > 59)) {
    throw _typeError(fn, path, "a time 'HH:MM' from '00:00' to '24:00'", text)
  }
  return value
}

/** Day number (days since 1970-01-01) of 'YYYY-MM-DD', validated. */
function dayNumber(fn: string, path: string, text: unknown): number {
  const m = typeof text === 'string' ? DATE.exec(text) : null
  if (m !== null) {
    const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
    if (new Date(t).toISOString().slice(0, 10) === text) return t / DAY
  }
  throw _typeError(fn, path, "a date 'YYYY-MM-DD'", text)
}

/** One version, compiled: intervals as [start, end) minutes of the week (Monday 00:00 = 0), and holidays by day. */
interface Compiled {
  readonly fromDay: number
  readonly week: readonly (readonly [number, number])[]
  readonly holidays: ReadonlyMap<number, readonly (readonly [number, number])[]>
}

function compileVersion(
  fn: string,
  label: string,
  path: string,
  hours: WeeklyHours,
  holidays: readonly Holiday[] | undefined,
  fromDay: number,
  untilDay: number,
): Compiled {
  if (hours === null || typeof hours !== 'object')
    throw _typeError(fn, `${path}.hours`, 'weekly hours by weekday', hours)
  const pieces: [number, number, string][] = []
  for (const key of Object.keys(hours)) {
    const d = DAYS.indexOf(key as Weekday)
    if (d < 0) throw _rangeError(fn, `${path}.hours`, `weekdays ${DAYS.join(', ')}${label}`, key)
    const list = hours[key as Weekday] ?? []
    if (!Array.isArray(list))
      throw _typeError(fn, `${path}.hours.${key}`, "an array of ['HH:MM', 'HH:MM'] pairs", list)
    list.forEach((pair, i) => {
      const where = `${path}.hours.${key}[${i}]`
      if (!Array.isArray(pair) || pair.length !== 2)
        throw _typeError(fn, where, "a pair ['HH:MM', 'HH:MM']", pair)
      const from = minutes(fn, `${where}[0]`, pair[0])
      const to = minutes(fn, `${where}[1]`, pair[1])
      if (from === to) throw _rangeError(fn, where, `an interval of some length${label}`, pair)
      const base = d * 1440
      // An interval that ends before it starts crosses midnight: split it at 24:00.
      if (to > from) pieces.push([base + from, base + to, where])
      else {
        if (from < 1440) pieces.push([base + from, base + 1440, where])
        if (to > 0) {
          const next = ((d + 1) % 7) * 1440
          pieces.push([next, next + to, where])
        }
      }
    })
  }
  pieces.sort((a, b) => a[0] - b[0])
  for (let i = 1; i < pieces.length; i++) {
    const [start, , where] = pieces[i] as [number, number, string]
    const [, end, other] = pieces[i - 1] as [number, number, string]
    if (start < end) throw _rangeError(fn, where, `an interval that does not overlap ${other}${label}`, hours)
  }
  const closed = new Map<number, [number, number][]>()
  ;(holidays ?? []).forEach((holiday, i) => {
    const where = `${path}.holidays[${i}]`
    if (holiday === null || typeof holiday !== 'object')
      throw _typeError(fn, where, '{ date, from?, to? }', holiday)
    _knownKeys(fn, where, holiday, ['date', 'from', 'to', 'name'])
    const day = dayNumber(fn, `${where}.date`, holiday.date)
    if (day < fromDay || day >= untilDay) {
      throw _rangeError(fn, `${where}.date`, `a date while its hours are in force${label}`, holiday.date)
    }
    const from = holiday.from === undefined ? 0 : minutes(fn, `${where}.from`, holiday.from)
    const to = holiday.to === undefined ? 1440 : minutes(fn, `${where}.to`, holiday.to)
    if (!(to > from)) throw _rangeError(fn, where, `a closure that ends after it starts${label}`, holiday)
    const list = closed.get(day) ?? []
    list.push([from, to])
    closed.set(day, list)
  })
  return { fromDay, week: pieces.map(([a, b]) => [a, b] as const), holidays: closed }
}

/**
 * Validates a schedule and prepares it for measuring (see {@link businessDuration} and
 * {@link addBusinessTime}). Make it once and reuse it: it keeps the business intervals of every week it
 * has measured.
 *
 * Problems are errors that name the schedule and the entry: an unknown zone (`RangeError`), a time that
 * is not `'HH:MM'`, an interval of zero length, overlapping intervals (after midnight splits), a
 * holiday outside the dates its hours are in force, versions out of date order.
 *
 * Written by hand: no maintained package computes business hours on instants with zones, holidays and
 * versions.
 *
 * @example
 * ```ts
 * const support = businessHours({
 *   name: 'Support (New York)',
 *   timeZone: 'America/New_York',
 *   hours: { monday: [['09:00', '17:00']], tuesday: [['09:00', '17:00']], wednesday: [['09:00', '17:00']],
 *            thursday: [['09:00', '17:00']], friday: [['09:00', '17:00']] },
 *   holidays: [{ date: '2024-07-04', name: 'Independence Day' }],
 * })
 * ```
 * @category Time
 */
export function businessHours(schedule: Schedule): BusinessHours {
  return compile(schedule, 'businessHours', 'schedule')
}

/** businessHours, with problems named as an argument or option of `fn` (`options.schedule`). */
function compile(schedule: Schedule, fn: string, arg: string): BusinessHours {
  return prepare(schedule, fn, arg).hours
}

/**
 * The business intervals of a schedule within `[from, to)`, clipped to it, in time order: what a
 * warehouse query joins to measure business time.
 */
export function _businessIntervals(
  schedule: Schedule | BusinessHours,
  from: number,
  to: number,
  fn: string,
  arg: string,
): [number, number][] {
  const plain =
    (schedule as BusinessHours)?.kind === 'businessHours' ? (schedule as BusinessHours).schedule : schedule
  const { week, weekOf } = prepare(plain as Schedule, fn, arg)
  const out: [number, number][] = []
  if (!(to > from)) return out
  for (let k = weekOf(from), last = weekOf(to - 1); k <= last; k++) {
    const w = week(k)
    for (let i = 0; i < w.starts.length; i++) {
      const a = Math.max(from, w.starts[i] as number)
      const b = Math.min(to, w.ends[i] as number)
      if (b > a) out.push([a, b])
    }
  }
  return out
}

/** A schedule compiled: its business hours, and its weeks of business intervals. */
function prepare(
  schedule: Schedule,
  fn: string,
  arg: string,
): {
  readonly hours: BusinessHours
  readonly week: (k: number) => Week
  readonly weekOf: (t: number) => number
} {
  if (schedule === null || typeof schedule !== 'object')
    throw _typeError(fn, arg, 'a schedule object', schedule)
  _knownKeys(fn, arg, schedule, ['name', 'timeZone', 'hours', 'holidays', 'versions'])
  for (const [i, v] of (Array.isArray(schedule.versions) ? schedule.versions : []).entries())
    if (v !== null && typeof v === 'object')
      _knownKeys(fn, `${arg}.versions[${i}]`, v, ['from', 'hours', 'holidays'])
  const label = schedule.name === undefined ? '' : ` (schedule ${JSON.stringify(schedule.name)})`
  const timeZone = _timeZone(fn, schedule.timeZone, `${arg}.timeZone`)
  const versions = schedule.versions ?? []
  if (!Array.isArray(versions)) throw _typeError(fn, `${arg}.versions`, 'an array of versions', versions)
  const starts = versions.map((v, i) => dayNumber(fn, `${arg}.versions[${i}].from`, v?.from))
  starts.forEach((day, i) => {
    if (i > 0 && day <= (starts[i - 1] as number)) {
      throw _rangeError(
        fn,
        `${arg}.versions[${i}].from`,
        `a date after the previous version's${label}`,
        versions[i]?.from,
      )
    }
  })
  const compiled: Compiled[] = [
    compileVersion(
      fn,
      label,
      arg,
      schedule.hours,
      schedule.holidays,
      Number.NEGATIVE_INFINITY,
      starts[0] ?? Number.POSITIVE_INFINITY,
    ),
    ...versions.map((v, i) =>
      compileVersion(
        fn,
        label,
        `${arg}.versions[${i}]`,
        v.hours,
        v.holidays,
        starts[i] as number,
        starts[i + 1] ?? Number.POSITIVE_INFINITY,
      ),
    ),
  ]
  const versionOn = (day: number): Compiled => {
    let chosen = compiled[0] as Compiled
    for (const version of compiled) if (version.fromDay <= day) chosen = version
    return chosen
  }
  const wall = (day: number, minute: number): number => {
    const date = new Date((day + Math.floor(minute / 1440)) * DAY)
    const m = minute % 1440
    return new TZDate(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      Math.floor(m / 60),
      m % 60,
      timeZone,
    ).getTime()
  }

  const weeks = new Map<number, Week>()
  const week = (k: number): Week => {
    let w = weeks.get(k)
    if (w !== undefined) return w
    const monday = FIRST_MONDAY + 7 * k
    const starts: number[] = []
    const ends: number[] = []
    for (let d = 0; d < 7; d++) {
      const day = monday + d
      const version = versionOn(day)
      const closures = version.holidays.get(day) ?? []
      for (const [a, b] of version.week) {
        if (b <= d * 1440 || a >= (d + 1) * 1440) continue
        // Cut the day's interval by the day's closures.
        let pieces: [number, number][] = [[a - d * 1440, b - d * 1440]]
        for (const [ca, cb] of closures) {
          pieces = pieces.flatMap(([pa, pb]): [number, number][] => {
            if (cb <= pa || ca >= pb) return [[pa, pb]]
            const out: [number, number][] = []
            if (ca > pa) out.push([pa, ca])
            if (cb < pb) out.push([cb, pb])
            return out
          })
        }
        for (const [pa, pb] of pieces) {
          const s = wall(day, pa)
          const e = wall(day, pb)
          if (e > s) {
            starts.push(s)
            ends.push(e)
          }
        }
      }
    }
    const before = new Float64Array(starts.length)
    let total = 0
    starts.forEach((s, i) => {
      before[i] = total
      total += (ends[i] as number) - s
    })
    w = {
      start: wall(monday, 0),
      end: wall(monday + 7, 0),
      starts: Float64Array.from(starts),
      ends: Float64Array.from(ends),
      before,
      total,
    }
    if (weeks.size > 10_000) weeks.clear()
    weeks.set(k, w)
    return w
  }
  // The local week containing instant t: the last one used, else guessed from the instant's UTC week
  // (a zone's offset is under a day, so the guess is at most one week off) and moved.
  let lastWeek: number | null = null
  const weekOf = (t: number): number => {
    if (lastWeek !== null) {
      const w = week(lastWeek)
      if (t >= w.start && t < w.end) return lastWeek
    }
    let k = Math.floor((t - FIRST_MONDAY * DAY) / WEEK)
    while (t < week(k).start) k--
    while (t >= week(k).end) k++
    lastWeek = k
    return k
  }
  /** Business time in week w before instant t. */
  const upTo = (w: Week, t: number): number => {
    let low = 0
    let high = w.starts.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((w.starts[middle] as number) <= t) low = middle + 1
      else high = middle
    }
    const i = low - 1
    if (i < 0) return 0
    return (w.before[i] as number) + Math.min(t, w.ends[i] as number) - (w.starts[i] as number)
  }

  // A dense table of the local days measured so far — each day's first instant, the business time
  // before it (from the table's first day) and its intervals — so that the business time up to an
  // instant is a lookup and a clamp or two. It grows geometrically, by whole weeks, as instants outside
  // it come, up to MAX_DAYS days; instants beyond are measured week by week.
  let first = 0
  let count = 0
  let dayStarts = new Float64Array(1)
  let dayBefore = new Float64Array(1)
  let dayIndex = new Int32Array(1)
  let opens = new Float64Array(0)
  let closes = new Float64Array(0)
  const build = (lo: number, hi: number): void => {
    const k0 = Math.floor((lo - FIRST_MONDAY) / 7)
    const k1 = Math.floor((hi - 1 - FIRST_MONDAY) / 7)
    const days = (k1 - k0 + 1) * 7
    const starts = new Float64Array(days + 1)
    const before = new Float64Array(days + 1)
    const index = new Int32Array(days + 1)
    const a: number[] = []
    const b: number[] = []
    let total = 0
    for (let k = k0; k <= k1; k++) {
      const w = week(k)
      const monday = FIRST_MONDAY + 7 * k
      const base = (k - k0) * 7
      for (let d = 0; d < 7; d++) starts[base + d] = d === 0 ? w.start : wall(monday + d, 0)
      starts[base + 7] = w.end
      let i = 0
      for (let d = 0; d < 7; d++) {
        before[base + d] = total
        index[base + d] = a.length
        const next = starts[base + d + 1] as number
        for (; i < w.starts.length && (w.starts[i] as number) < next; i++) {
          a.push(w.starts[i] as number)
          b.push(w.ends[i] as number)
          total += (w.ends[i] as number) - (w.starts[i] as number)
        }
      }
    }
    before[days] = total
    index[days] = a.length
    first = FIRST_MONDAY + 7 * k0
    count = days
    dayStarts = starts
    dayBefore = before
    dayIndex = index
    opens = Float64Array.from(a)
    closes = Float64Array.from(b)
  }
  /** Whether the table holds instant t, once grown to it if it can be. */
  const covers = (t: number): boolean => {
    if (count > 0 && t >= (dayStarts[0] as number) && t < (dayStarts[count] as number)) return true
    // A zone's offset is under a day: the local day of t is within a day of its UTC day.
    const u = Math.floor(t / DAY)
    let lo = u - 1
    let hi = u + 2
    if (count > 0) {
      lo = Math.min(lo, first, u < first ? first - count : first)
      hi = Math.max(hi, first + count, u >= first + count ? first + 2 * count : first + count)
    } else {
      lo -= 28
      hi += 28
    }
    if (hi - lo > MAX_DAYS) return false
    build(lo, hi)
    return true
  }
  /** Business time before instant t, from the table's first day (t within the table). */
  const tableBefore = (t: number): number => {
    const starts = dayStarts
    // t is at or after the table's first instant: truncation is the floor.
    let i = ((t - (starts[0] as number)) / DAY) | 0
    if (i >= count) i = count - 1
    while (i > 0 && (starts[i] as number) > t) i--
    while ((starts[i + 1] as number) <= t) i++
    const index = dayIndex
    let total = dayBefore[i] as number
    for (let j = index[i] as number, last = index[i + 1] as number; j < last; j++) {
      const o = opens[j] as number
      if (t <= o) break
      const c = closes[j] as number
      total += Math.min(t, c) - o
    }
    return total
  }

  const hours: BusinessHours = {
    kind: 'businessHours',
    schedule,
    toJSON: () => schedule,
    duration: (start, end) => {
      if (!(end > start)) return 0
      if (!Number.isFinite(start) || !Number.isFinite(end))
        throw _rangeError(
          'businessHours',
          Number.isFinite(start) ? 'end' : 'start',
          'a finite instant (epoch ms)',
          Number.isFinite(start) ? end : start,
        )
      // Within the table (the common case): two lookups; else grown to them, when it can be.
      if (
        (count > 0 && start >= (dayStarts[0] as number) && end < (dayStarts[count] as number)) ||
        (covers(start) && covers(end))
      )
        return tableBefore(end) - tableBefore(start)
      const a = weekOf(start)
      const b = weekOf(end)
      const first = week(a)
      if (a === b) return upTo(first, end) - upTo(first, start)
      let total = first.total - upTo(first, start)
      for (let k = a + 1; k < b; k++) total += week(k).total
      return total + upTo(week(b), end)
    },
    add: (start, ms) => {
      if (!(ms > 0)) return start
      if (!Number.isFinite(start) || !Number.isFinite(ms))
        throw _rangeError(
          'businessHours',
          Number.isFinite(start) ? 'ms' : 'start',
          'a finite number',
          Number.isFinite(start) ? ms : start,
        )
      let k = weekOf(start)
      let remaining = ms
      let w = week(k)
      let from = upTo(w, start)
      // A schedule with no hours for ten years is a schedule that never opens.
      for (let idle = 0; idle < 522; ) {
        if (w.total - from >= remaining) {
          const target = from + remaining
          // The interval in which the business time reaches `target`: the earliest instant with it.
          let i = 0
          while ((w.before[i] as number) + (w.ends[i] as number) - (w.starts[i] as number) < target) i++
          return (w.starts[i] as number) + target - (w.before[i] as number)
        }
        remaining -= w.total - from
        idle = w.total === 0 ? idle + 1 : 0
        k++
        w = week(k)
        from = 0
      }
      return null
    },
  }
  return { hours, week, weekOf }
}

/** A schedule prepared for measuring: the one given, or one made from the plain schedule. */
export function _businessHoursOf(
  schedule: Schedule | BusinessHours,
  fn = 'businessHours',
  arg = 'schedule',
): BusinessHours {
  return (schedule as BusinessHours)?.kind === 'businessHours'
    ? (schedule as BusinessHours)
    : compile(schedule as Schedule, fn, arg)
}
