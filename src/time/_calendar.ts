import { TZDate, tz } from '@date-fns/tz'
import {
  addDays,
  addMonths,
  addWeeks,
  getISOWeek,
  getISOWeekYear,
  getWeek,
  getWeekYear,
  startOfDay,
  startOfISOWeek,
  startOfISOWeekYear,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfWeekYear,
  startOfYear,
} from 'date-fns'
import { _integer, _oneOf, _options, _rangeError, _typeError } from '../core/_assert.ts'
import type { _Docs } from '../core/_documented.ts'
import type { _Check } from '../core/_resolve.ts'
import type { DateInput } from '../core/parseInstant.ts'

/**
 * A kind of calendar period.
 * - `'day'`, `'month'`, `'quarter'`, `'year'`: calendar periods in the time zone.
 * - `'week'`: ISO weeks (Monday to Sunday, week 1 contains 4 January) unless `weekStartsOn` is given.
 * - `'fiscal-year'`, `'fiscal-quarter'`: from `fiscalYearStartMonth` / `fiscalYearStartDay`, labelled
 *   by the calendar year in which the fiscal year ends (`FY2020` = 1 Oct 2019 – 30 Sep 2020 for a
 *   year starting in October).
 * - `'n-days'`: consecutive buckets of `days` days, aligned on `anchor`.
 * @category Time
 */
export type PeriodUnit =
  | 'day'
  | 'week'
  | 'month'
  | 'quarter'
  | 'year'
  | 'fiscal-quarter'
  | 'fiscal-year'
  | 'n-days'

/**
 * How periods are laid on the time line.
 * @category Time
 */
export interface CalendarOptions {
  /**
   * The IANA time zone in which days, weeks, months… begin, e.g. `'America/Sao_Paulo'`.
   * @defaultValue 'UTC'
   */
  readonly timeZone?: string
  /**
   * First day of the week, 0 (Sunday) to 6 (Saturday). When absent, weeks are ISO 8601 weeks.
   * @defaultValue ISO weeks
   */
  readonly weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6
  /**
   * With `weekStartsOn`: the day of January that is always in week 1 — 1 (the week containing
   * 1 January, the US convention) or 4 (the ISO rule).
   * @defaultValue 1
   */
  readonly firstWeekContainsDate?: 1 | 4
  /**
   * Month (1–12) in which the fiscal year starts.
   * @defaultValue 1
   */
  readonly fiscalYearStartMonth?: number
  /**
   * Day of the month (1–28) on which the fiscal year starts, e.g. 6 for the UK tax year (6 April).
   * @defaultValue 1
   */
  readonly fiscalYearStartDay?: number
  /** For `'n-days'`: the length of a bucket in days (required for that unit). */
  readonly days?: number
  /** For `'n-days'`: a date on which a bucket starts, `'YYYY-MM-DD'` in the time zone (required for that unit). */
  readonly anchor?: string
}

/**
 * A half-open range of time, `[from, to)`.
 * @category Time
 */
export interface DateRange {
  /** First instant of the range. */
  readonly from: DateInput
  /** First instant after the range. */
  readonly to: DateInput
}

/** A calendar: the functions every period operation is built from. All instants are epoch ms. */
export interface _Calendar {
  readonly unit: PeriodUnit
  readonly timeZone: string
  /** Start of the period containing `t`. */
  startOf(t: number): number
  /** Start of the period after the one starting at `start`. */
  next(start: number): number
  /** The key of the period starting at `start`. */
  key(start: number): string
  /** The start of the period with this key, or null when the key is not one of this calendar's. */
  parse(key: string): number | null
}

/** The option rules of {@link CalendarOptions}; the calendar checks the values itself. */
export const _CALENDAR_RULES: {
  readonly [K in
    | 'timeZone'
    | 'weekStartsOn'
    | 'firstWeekContainsDate'
    | 'fiscalYearStartMonth'
    | 'fiscalYearStartDay'
    | 'days'
    | 'anchor']: _Check
} = {
  timeZone: { type: 'string' },
  weekStartsOn: {
    type: 'number',
    integer: true,
    min: 0,
    max: 6,
  },
  firstWeekContainsDate: {
    type: 'custom',
  },
  fiscalYearStartMonth: { type: 'custom' },
  fiscalYearStartDay: { type: 'custom' },
  days: { type: 'custom' },
  anchor: { type: 'custom' },
}

/** The keys of {@link CalendarOptions}. */
export const _CALENDAR_KEYS: readonly string[] = [
  'timeZone',
  'weekStartsOn',
  'firstWeekContainsDate',
  'fiscalYearStartMonth',
  'fiscalYearStartDay',
  'days',
  'anchor',
]

export const _UNITS: readonly PeriodUnit[] = [
  'day',
  'week',
  'month',
  'quarter',
  'year',
  'fiscal-quarter',
  'fiscal-year',
  'n-days',
]

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Validates an IANA time zone name and returns it. */
export function _timeZone(fn: string, value: unknown, arg = 'options.timeZone'): string {
  const expected = "an IANA time zone such as 'America/Sao_Paulo'"
  if (typeof value !== 'string') throw _typeError(fn, arg, expected, value)
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
  } catch {
    throw _rangeError(fn, arg, expected, value)
  }
  return value
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Reads 'YYYY-MM-DD' into [year, monthIndex, day], or null. */
function civilDate(text: string): [number, number, number] | null {
  const m = DATE.exec(text)
  if (m === null) return null
  const year = Number(m[1])
  const month = Number(m[2]) - 1
  const day = Number(m[3])
  const check = new Date(Date.UTC(year, month, day))
  return check.getUTCMonth() === month && check.getUTCDate() === day ? [year, month, day] : null
}

/** Builds the calendar of `unit` with validated options. */
export function _calendar(fn: string, unit: unknown, options: CalendarOptions | undefined): _Calendar {
  const u = _oneOf(fn, 'unit', unit, _UNITS)
  const o = _options(fn, options)
  const timeZone = o.timeZone === undefined ? 'UTC' : _timeZone(fn, o.timeZone)
  const ctx = { in: tz(timeZone) }
  const at = (t: number): TZDate => new TZDate(t, timeZone)
  const wall = (year: number, month: number, day: number): TZDate => new TZDate(year, month, day, timeZone)
  // A period start computed from wall-clock fields: the first instant of that local day (a day whose
  // midnight falls in a DST gap starts at the end of the gap).
  const dayStart = (year: number, month: number, day: number): number =>
    startOfDay(wall(year, month, day), ctx).getTime()

  if (u === 'day') {
    return {
      unit: u,
      timeZone,
      startOf: (t) => startOfDay(at(t), ctx).getTime(),
      next: (s) => startOfDay(addDays(at(s), 1, ctx), ctx).getTime(),
      key: (s) => {
        const d = at(s)
        return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
      },
      parse: (key) => {
        const c = civilDate(key)
        return c === null ? null : dayStart(...c)
      },
    }
  }

  if (u === 'month' || u === 'quarter' || u === 'year') {
    const months = u === 'month' ? 1 : u === 'quarter' ? 3 : 12
    const start = u === 'month' ? startOfMonth : u === 'quarter' ? startOfQuarter : startOfYear
    const pattern = u === 'month' ? /^(\d{4})-(\d{2})$/ : u === 'quarter' ? /^(\d{4})-Q([1-4])$/ : /^(\d{4})$/
    return {
      unit: u,
      timeZone,
      startOf: (t) => start(at(t), ctx).getTime(),
      next: (s) => start(addMonths(at(s), months, ctx), ctx).getTime(),
      key: (s) => {
        const d = at(s)
        const year = pad(d.getFullYear(), 4)
        if (u === 'month') return `${year}-${pad(d.getMonth() + 1)}`
        if (u === 'quarter') return `${year}-Q${Math.floor(d.getMonth() / 3) + 1}`
        return year
      },
      parse: (key) => {
        const m = pattern.exec(key)
        if (m === null) return null
        const year = Number(m[1])
        const index = m[2] === undefined ? 0 : Number(m[2]) - 1
        if (u === 'month' && (index < 0 || index > 11)) return null
        return dayStart(year, u === 'quarter' ? index * 3 : index, 1)
      },
    }
  }

  if (u === 'week') {
    if (o.weekStartsOn === undefined) {
      if (o.firstWeekContainsDate !== undefined) {
        throw _typeError(
          fn,
          'options.firstWeekContainsDate',
          'given only together with `weekStartsOn`',
          o.firstWeekContainsDate,
        )
      }
      return {
        unit: u,
        timeZone,
        startOf: (t) => startOfISOWeek(at(t), ctx).getTime(),
        next: (s) => startOfISOWeek(addWeeks(at(s), 1, ctx), ctx).getTime(),
        key: (s) => `${pad(getISOWeekYear(at(s), ctx), 4)}-W${pad(getISOWeek(at(s), ctx))}`,
        parse: (key) => {
          const m = /^(\d{4})-W(\d{2})$/.exec(key)
          if (m === null) return null
          const first = startOfISOWeekYear(wall(Number(m[1]), 0, 4), ctx)
          const start = startOfISOWeek(addWeeks(first, Number(m[2]) - 1, ctx), ctx)
          return getISOWeekYear(start, ctx) === Number(m[1]) && Number(m[2]) >= 1 ? start.getTime() : null
        },
      }
    }
    const weekStartsOn = _integer(fn, 'options.weekStartsOn', o.weekStartsOn, 0, 6) as
      | 0
      | 1
      | 2
      | 3
      | 4
      | 5
      | 6
    const firstWeekContainsDate: 1 | 4 =
      o.firstWeekContainsDate === undefined || o.firstWeekContainsDate === 1
        ? 1
        : o.firstWeekContainsDate === 4
          ? 4
          : (() => {
              throw _rangeError(
                fn,
                'options.firstWeekContainsDate',
                '1 (US rule) or 4 (ISO rule)',
                o.firstWeekContainsDate,
              )
            })()
    const week = { ...ctx, weekStartsOn, firstWeekContainsDate }
    return {
      unit: u,
      timeZone,
      startOf: (t) => startOfWeek(at(t), week).getTime(),
      next: (s) => startOfWeek(addWeeks(at(s), 1, ctx), week).getTime(),
      key: (s) => `${pad(getWeekYear(at(s), week), 4)}-W${pad(getWeek(at(s), week))}`,
      parse: (key) => {
        const m = /^(\d{4})-W(\d{2})$/.exec(key)
        if (m === null) return null
        const first = startOfWeekYear(wall(Number(m[1]), 0, firstWeekContainsDate), week)
        const start = startOfWeek(addWeeks(first, Number(m[2]) - 1, ctx), week)
        return getWeekYear(start, week) === Number(m[1]) && Number(m[2]) >= 1 ? start.getTime() : null
      },
    }
  }

  if (u === 'fiscal-year' || u === 'fiscal-quarter') {
    const startMonth =
      (o.fiscalYearStartMonth === undefined
        ? 1
        : _integer(fn, 'options.fiscalYearStartMonth', o.fiscalYearStartMonth, 1, 12)) - 1
    const startDay =
      o.fiscalYearStartDay === undefined
        ? 1
        : _integer(fn, 'options.fiscalYearStartDay', o.fiscalYearStartDay, 1, 28)
    const months = u === 'fiscal-year' ? 12 : 3
    // The fiscal year is labelled by the calendar year of its last day.
    const labelOffset = startMonth === 0 && startDay === 1 ? 0 : 1
    // Months are counted absolutely (year × 12 + month); a date before the start day belongs to the
    // month before. The period starts `since % months` months back, where `since` counts months from
    // the fiscal year's start.
    const fiscalStart = (t: number): { year: number; month: number } => {
      const d = at(t)
      const absolute = d.getFullYear() * 12 + d.getMonth() - (d.getDate() < startDay ? 1 : 0)
      const since = (((absolute - startMonth) % 12) + 12) % 12
      const first = absolute - (since % months)
      return { year: Math.floor(first / 12), month: first - Math.floor(first / 12) * 12 }
    }
    const startOf = (t: number): number => {
      const f = fiscalStart(t)
      return dayStart(f.year, f.month, startDay)
    }
    const shift = (s: number, by: number): number => {
      const d = at(s)
      return dayStart(d.getFullYear(), d.getMonth() + by, startDay)
    }
    return {
      unit: u,
      timeZone,
      startOf,
      next: (s) => shift(s, months),
      key: (s) => {
        const d = at(s)
        const since = (((d.getMonth() - startMonth) % 12) + 12) % 12
        const fiscalYearStartYear = d.getMonth() >= startMonth ? d.getFullYear() : d.getFullYear() - 1
        const label = `FY${pad(fiscalYearStartYear + labelOffset, 4)}`
        return u === 'fiscal-year' ? label : `${label}-Q${Math.floor(since / 3) + 1}`
      },
      parse: (key) => {
        const m = (u === 'fiscal-year' ? /^FY(\d{4})$/ : /^FY(\d{4})-Q([1-4])$/).exec(key)
        if (m === null) return null
        const quarter = m[2] === undefined ? 0 : Number(m[2]) - 1
        return dayStart(Number(m[1]) - labelOffset, startMonth + quarter * 3, startDay)
      },
    }
  }

  // n-days
  const days = _integer(fn, 'options.days', o.days, 1, 100_000)
  const anchorText = o.anchor
  const anchor = typeof anchorText === 'string' ? civilDate(anchorText) : null
  if (anchor === null)
    throw _typeError(fn, 'options.anchor', "a date 'YYYY-MM-DD' on which a bucket starts", anchorText)
  const anchorDay = Date.UTC(...anchor) / 86_400_000
  const civilDay = (t: number): number => {
    const d = at(t)
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000
  }
  const fromDay = (day: number): number => {
    const d = new Date(day * 86_400_000)
    return dayStart(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  }
  return {
    unit: u,
    timeZone,
    startOf: (t) => fromDay(anchorDay + Math.floor((civilDay(t) - anchorDay) / days) * days),
    next: (s) => fromDay(civilDay(s) + days),
    key: (s) => {
      const d = at(s)
      return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}/P${days}D`
    },
    parse: (key) => {
      const [date, duration] = key.split('/')
      const c = date === undefined ? null : civilDate(date)
      if (c === null || duration !== `P${days}D`) return null
      const day = Date.UTC(...c) / 86_400_000
      return (day - anchorDay) % days === 0 ? fromDay(day) : null
    },
  }
}

/** One line on each calendar option, for the descriptors. */
export const _CALENDAR_DOCS: _Docs = {
  timeZone: 'The IANA time zone in which periods begin (default UTC).',
  weekStartsOn: 'First day of the week, 0 (Sunday) to 6; without it weeks are ISO 8601 weeks.',
  firstWeekContainsDate: 'With weekStartsOn: the day of January always in week 1 (1 or 4).',
  fiscalYearStartMonth: 'Month (1–12) in which the fiscal year starts.',
  fiscalYearStartDay: 'Day of the month (1–28) on which the fiscal year starts.',
  days: "For 'n-days': the length of a bucket in days.",
  anchor: "For 'n-days': a date on which a bucket starts, 'YYYY-MM-DD'.",
}
