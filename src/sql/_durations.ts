// Response and resolution times in the warehouse. Percentiles do not merge, so the query groups by
// period itself: each row's local day is put in its period by the time layer's rules written as integer
// arithmetic (weeks counted from their first weekday, n-day buckets from their anchor, months counted
// as year × 12 + month and moved back before a fiscal start day), and each group's statistics come from
// the engine's exact quantile aggregate — every one of the six dialects has one (BigQuery's as an
// analytic function). Business time is measured against a calendar of the schedule's business
// intervals that the library generates for a span and writes into the query: per UTC day, the business
// time before it and the day's intervals, so that the business time up to any instant is a join on its
// day and a sum of clamps, and a duration is the difference of two. Written by hand: no library turns
// a business-hours schedule into SQL.
import { _rangeError, _typeError } from '../core/_assert.ts'
import { _exclude } from '../core/_exclude.ts'
import type { AnyAggregator } from '../core/aggregator.ts'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import type { ExclusionCounts } from '../core/result.ts'
import type { DefinitionFilter } from '../definitions/_types.ts'
import { type _DurationConfig, _NO_DURATIONS, type DurationStats } from '../support/_support.ts'
import { _firstReplyTimeOf } from '../support/firstReplyTime.ts'
import { _resolutionTimeOf } from '../support/resolutionTime.ts'
import { _businessIntervals } from '../time/businessHours.ts'
import {
  _AFTER,
  _BEFORE,
  _dateOf,
  _epochMs,
  _fence,
  _float,
  _int,
  _MAX_TIME,
  _MIN_TIME,
  _OUTSIDE,
  type _Params,
  _quote,
  _text,
  _valuesTable,
  type SqlDialect,
} from './_dialects.ts'
import { _identifier, _table } from './_identifier.ts'
import { _localDay, _rangeFlag } from './_offsets.ts'
import { _noFunctions, _ticketColumns } from './_tickets.ts'
import { _INFINITY, _where } from './_where.ts'

/** What the duration KPIs read of a warehouse spec (its type is the spec's; kept here apart from it). */
interface WarehouseSpec {
  readonly dialect: SqlDialect
  readonly kpi: string
  readonly table: string | readonly string[]
  readonly value?: unknown
  readonly columns?: object
  readonly options?: Readonly<Record<string, unknown>>
  readonly filters?: readonly DefinitionFilter[]
  readonly time?: {
    readonly column: string
    readonly unit: string
    readonly timeZone?: string
    readonly weekStartsOn?: number
    readonly fiscalYearStartMonth?: number
    readonly fiscalYearStartDay?: number
    readonly days?: number
    readonly anchor?: string
    readonly range?: { readonly from: DateInput; readonly to: DateInput }
    readonly asOf?: DateInput
  }
  readonly dimensions?: readonly string[]
  readonly span?: { readonly from: DateInput; readonly to: DateInput }
}

/** The KPIs whose statistics the query computes per group. */
export const _DURATION_KPIS: readonly string[] = ['firstReplyTime', 'resolutionTime']

const DAY = 86_400_000
/** The longest business calendar written into a query: 25 years of days. */
const MAX_SPAN_DAYS = 9_132
/** The quantiles every duration statistic reports. */
const LEVELS = [0.5, 0.9, 0.95] as const
/** The statistics of each list of durations, in column order. */
const STATS = ['n', 'sum', 'min', 'max', 'p50', 'p90', 'p95'] as const

/** What each KPI measures: its exclusion reasons (in column order) and its lists of durations. */
interface Shape {
  readonly reasons: readonly string[]
  /** The reasons its rules count through onInvalid (the others are counted as they are). */
  readonly invalid: readonly string[]
  readonly lists: readonly string[]
}

function shape(spec: WarehouseSpec, business: boolean, columns: Record<string, string>): Shape {
  if (spec.kpi === 'firstReplyTime')
    return {
      reasons: ['missing', 'invalid', 'unanswered', 'replyBeforeCreation', 'spam', 'merged'],
      invalid: ['missing', 'invalid', 'replyBeforeCreation'],
      lists: business ? ['calendar', 'business'] : ['calendar'],
    }
  return {
    reasons: ['missing', 'invalid', 'unresolved', 'resolvedBeforeCreation', 'spam', 'merged'],
    invalid: ['missing', 'invalid', 'resolvedBeforeCreation'],
    lists: [
      'firstCalendar',
      'fullCalendar',
      ...(business ? ['firstBusiness', 'fullBusiness'] : []),
      ...['requesterWaitMs', 'onHoldMs', 'agentWaitMs'].filter((f) => columns[f] !== undefined),
    ],
  }
}

/** The KPI's options resolved by the KPI itself, and its result from a summary. */
function kpiOf(spec: WarehouseSpec): {
  readonly config: _DurationConfig
  readonly resolution: 'full' | 'first'
  readonly result: (summary: never) => unknown
} {
  const options = spec.options as never
  if (spec.kpi === 'firstReplyTime') {
    const k = _firstReplyTimeOf(options)
    return { config: k.config, resolution: 'full', result: k.result as never }
  }
  const k = _resolutionTimeOf(options)
  return { config: k.config, resolution: k.resolved.resolution, result: k.result as never }
}

/** The quantile `p` of a column in the group, exact: linear (R type 7) or nearest rank. */
function quantile(dialect: SqlDialect, linear: boolean, x: string, p: number): string {
  switch (dialect) {
    case 'duckdb':
      return `${linear ? 'quantile_cont' : 'quantile_disc'}(${x}, ${p})`
    case 'postgres':
    case 'snowflake':
      return `${linear ? 'percentile_cont' : 'percentile_disc'}(${p}) WITHIN GROUP (ORDER BY ${x})`
    case 'spark':
      // The nearest rank as the library reads it (x at rank ⌈p·n⌉), of the sorted group.
      return linear
        ? `percentile(${x}, ${p})`
        : `CASE WHEN count(${x}) = 0 THEN NULL ELSE element_at(array_sort(collect_list(${x})), CAST(greatest(1, ceil(${p} * count(${x}) * 0.999999999)) AS INT)) END`
    case 'clickhouse':
      return linear
        ? `quantileExactInclusive(${p})(${x})`
        : `arrayElement(arraySort(groupArray(${x})), toUInt64(greatest(1, ceil(${p} * count(${x}) * 0.999999999))))`
    case 'bigquery':
      // An analytic function only: computed over the group's partition a level below.
      return `${linear ? 'PERCENTILE_CONT' : 'PERCENTILE_DISC'}(${x}, ${p})`
  }
}

/** A calendar table written into the query: per UTC day, the business ms before it and its intervals. */
function calendarTable(dialect: SqlDialect, alias: string, rows: readonly (readonly number[])[]): string {
  const width = (rows[0] ?? []).length - 1
  const names = [
    'cx_u',
    'cx_ok',
    'cx_b',
    ...Array.from({ length: (width - 2) / 2 }, (_, i) => [`cx_s${i}`, `cx_l${i}`]).flat(),
  ]
  return _valuesTable(dialect, alias, names, rows)
}

/** The instants the business calendar covers: `spec.span`, or the range and a year after it. */
function spanOf(fn: string, spec: WarehouseSpec): [number, number] {
  const given = spec.span
  const range = spec.time?.range
  const read = (arg: string, x: unknown): number => {
    const t = parseInstant(x as DateInput)
    if (t === null) throw _typeError(fn, arg, 'an instant', x)
    return t
  }
  let from: number
  let to: number
  if (given !== undefined) {
    if (given === null || typeof given !== 'object')
      throw _typeError(fn, 'spec.span', 'the instants the business calendar covers: { from, to }', given)
    from = read('spec.span.from', given.from)
    to = read('spec.span.to', given.to)
  } else if (range !== undefined) {
    from = read('spec.time.range.from', range.from) - DAY
    to = read('spec.time.range.to', range.to) + 366 * DAY
  } else
    throw _typeError(
      fn,
      'spec.span',
      'the instants the business calendar covers, { from, to } (needed with a schedule when `spec.time.range` is not given)',
      given,
    )
  const first = Math.floor(from / DAY)
  const last = Math.ceil(to / DAY)
  if (!(last > first) || last - first > MAX_SPAN_DAYS)
    throw _rangeError(fn, 'spec.span', 'a span of a day to 25 years', given ?? range)
  return [first, last]
}

/** The calendar's rows for the UTC days `[first, last)`: day, 1, business ms before it, (start, length)… */
function calendarRows(fn: string, schedule: unknown, first: number, last: number): number[][] {
  const intervals = _businessIntervals(
    schedule as never,
    first * DAY,
    last * DAY,
    fn,
    'spec.options.schedule',
  )
  const days = new Map<number, number[]>()
  let width = 1
  for (const [a, b] of intervals) {
    // Cut at UTC midnights: each piece lies within one UTC day.
    for (let s = a; s < b; ) {
      const u = Math.floor(s / DAY)
      const e = Math.min(b, (u + 1) * DAY)
      const list = days.get(u) ?? []
      list.push(s - u * DAY, e - s)
      days.set(u, list)
      width = Math.max(width, list.length / 2)
      s = e
    }
  }
  const rows: number[][] = []
  let before = 0
  for (let u = first; u < last; u++) {
    const list = days.get(u) ?? []
    const row = [u, 1, before, ...list]
    while (row.length < 3 + 2 * width) row.push(0, 0)
    rows.push(row)
    for (let i = 1; i < list.length; i += 2) before += list[i] as number
  }
  return rows
}

/** The SQL of the period ordinal of a local day number, by the time layer's rules. */
function ordinal(dialect: SqlDialect, day: string, time: NonNullable<WarehouseSpec['time']>): string {
  const floor = (x: string, n: number) => _int(dialect, n === 1 ? `(${x})` : `FLOOR((${x}) / ${n}.0)`)
  switch (time.unit) {
    case 'day':
      return _int(dialect, day)
    case 'week':
      // 1970-01-01 was a Thursday (4); ISO weeks start on Monday.
      return floor(`${day} + ${4 - (time.weekStartsOn ?? 1)}`, 7)
    case 'n-days':
      return floor(`${day} - ${anchorDay(time.anchor as string)}`, time.days as number)
  }
  const d = _dateOf(dialect, day)
  const fiscal = time.unit.startsWith('fiscal')
  const startDay = fiscal ? (time.fiscalYearStartDay ?? 1) : 1
  const startMonth = fiscal ? (time.fiscalYearStartMonth ?? 1) - 1 : 0
  const months =
    time.unit === 'month' ? 1 : time.unit === 'quarter' || time.unit === 'fiscal-quarter' ? 3 : 12
  const part = (p: 'YEAR' | 'MONTH' | 'DAY') =>
    dialect === 'spark'
      ? `${p === 'DAY' ? 'dayofmonth' : p.toLowerCase()}(${d})`
      : dialect === 'clickhouse'
        ? `${p === 'DAY' ? 'toDayOfMonth' : p === 'YEAR' ? 'toYear' : 'toMonth'}(${d})`
        : `EXTRACT(${p} FROM ${d})`
  const absolute = `${part('YEAR')} * 12 + ${part('MONTH')} - ${1 + startMonth}${startDay === 1 ? '' : ` - CASE WHEN ${part('DAY')} < ${startDay} THEN 1 ELSE 0 END`}`
  return floor(absolute, months)
}

function anchorDay(anchor: string): number {
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / DAY
}

/** The first local day of the period of an ordinal, `'YYYY-MM-DD'` (the inverse of the SQL's `ordinal`). */
export function _periodDate(time: NonNullable<WarehouseSpec['time']>, ord: number): string {
  const text = (t: number) => new Date(t).toISOString().slice(0, 10)
  switch (time.unit) {
    case 'day':
      return text(ord * DAY)
    case 'week':
      return text((7 * ord - 4 + (time.weekStartsOn ?? 1)) * DAY)
    case 'n-days':
      return text((anchorDay(time.anchor as string) + ord * (time.days as number)) * DAY)
  }
  const fiscal = time.unit.startsWith('fiscal')
  const months =
    time.unit === 'month' ? 1 : time.unit === 'quarter' || time.unit === 'fiscal-quarter' ? 3 : 12
  const first = ord * months + (fiscal ? (time.fiscalYearStartMonth ?? 1) - 1 : 0)
  return text(
    Date.UTC(
      Math.floor(first / 12),
      first - 12 * Math.floor(first / 12),
      fiscal ? (time.fiscalYearStartDay ?? 1) : 1,
    ),
  )
}

/**
 * The SQL of a response or resolution time: one row per period and key with the tickets' count, the
 * count of each reason tickets were left out, and the statistics of each list of durations.
 */
export function _durationSql(
  fn: string,
  spec: WarehouseSpec,
  params: _Params,
  bounds: { readonly lower: number | null; readonly upper: number | null },
): { readonly sql: string; readonly columns: readonly string[] } {
  const { dialect } = spec
  _noFunctions(fn, spec)
  const q = (name: string) => _quote(dialect, name)
  const { config, resolution } = kpiOf(spec)
  const rt = spec.kpi === 'resolutionTime'
  const columns = _ticketColumns(fn, spec, dialect, ['createdAt', rt ? 'solvedAt' : 'firstReplyAt'])
  const business = config.hours !== null
  const { reasons, lists } = shape(spec, business, columns)
  if (!business && spec.span !== undefined)
    throw _typeError(
      fn,
      'spec.span',
      'no span (only business hours read one, with `spec.options.schedule`)',
      spec.span,
    )
  const table = _table(fn, 'spec.table', dialect, spec.table)
  const dims = (spec.dimensions ?? []).map((c, i) => _identifier(fn, `spec.dimensions[${i}]`, dialect, c))
  const keys = dims.map((_, i) => q(`cx_key${i}`))
  const time = spec.time
  const linear = config.percentile === 'linear'

  // Level 1, the rows: epoch ms of each instant, the class of the ticket, the waits.
  const created = columns.createdAt as string
  const done = columns[rt ? 'solvedAt' : 'firstReplyAt'] as string
  const firstSolved = rt ? columns.firstSolvedAt : undefined
  const ms = (c: string) => _epochMs(dialect, c)
  const out = (c: string) => `${ms(c)} < ${_MIN_TIME} OR ${ms(c)} >= ${_MAX_TIME}`
  const flag = (f: string) => (columns[f] === undefined ? [] : [`WHEN ${columns[f]} IS TRUE THEN '${f}'`])
  const first = firstSolved === undefined ? ms(done) : `COALESCE(${ms(firstSolved)}, ${ms(done)})`
  const classOf = [
    'CASE',
    ...flag('spam'),
    ...flag('merged'),
    `WHEN ${created} IS NULL THEN 'missing'`,
    `WHEN ${out(created)} THEN 'invalid'`,
    `WHEN ${done} IS NULL THEN '${rt ? 'unresolved' : 'unanswered'}'`,
    `WHEN ${out(done)} THEN 'invalid'`,
    ...(firstSolved === undefined
      ? []
      : [`WHEN ${firstSolved} IS NOT NULL AND (${out(firstSolved)}) THEN 'invalid'`]),
    rt
      ? `WHEN ${first} < ${ms(created)} OR ${ms(done)} < ${first} THEN 'resolvedBeforeCreation'`
      : `WHEN ${ms(done)} < ${ms(created)} THEN 'replyBeforeCreation'`,
    `ELSE 'ok' END`,
  ].join(' ')
  const waits = ['requesterWaitMs', 'onHoldMs', 'agentWaitMs'].filter((f) => lists.includes(f))
  const level1 = [
    ...(time === undefined
      ? []
      : (() => {
          const column = _identifier(fn, 'spec.time.column', dialect, time.column)
          return [`${ms(column)} AS ${q('cx_ms')}`, `${column} AS ${q('cx_ts')}`]
        })()),
    ...dims.map((c, i) => `${c} AS ${keys[i]}`),
    `${ms(created)} AS ${q('cx_c')}`,
    `${ms(done)} AS ${q('cx_r')}`,
    `${first} AS ${q('cx_f')}`,
    `${classOf} AS ${q('cx_class')}`,
    ...waits.map((f, i) => `${columns[f]} AS ${q(`cx_w${i}`)}`),
  ]

  // Level 2, per row: whether it is in the range, its local day, its durations.
  const level2: string[] = []
  if (time !== undefined) {
    // In text order (Snowflake binds `?` by position): the bounds, then the zone.
    const flag = _rangeFlag(q('cx_ms'), params, bounds)
    const zone = params.add(time.timeZone ?? 'UTC')
    level2.push(
      `${flag} AS ${q('cx_out')}`,
      `${_localDay(dialect, q('cx_ms'), q('cx_ts'), zone, time)} AS ${q('cx_day')}`,
    )
  }
  // Business time up to an instant: the business ms before its UTC day and the clamps of the day's intervals.
  let joins = ''
  let covered = ''
  const upTo: Record<string, string> = {}
  if (business) {
    const [firstDay, lastDay] = spanOf(fn, spec)
    const rows = calendarRows(fn, spec.options?.schedule, firstDay, lastDay)
    const width = ((rows[0] ?? []).length - 3) / 2
    const ends = rt && firstSolved !== undefined ? ['cx_c', 'cx_f', 'cx_r'] : ['cx_c', 'cx_r']
    const parts: string[] = []
    const checks: string[] = []
    ends.forEach((end, i) => {
      const alias = `cx_cal${i}`
      const c = (n: string) => `${q(alias)}.${q(n)}`
      const utcDay = _int(dialect, `FLOOR(${q('cx_rows')}.${q(end)} / 86400000.0)`)
      parts.push(` LEFT JOIN ${calendarTable(dialect, alias, rows)} ON ${c('cx_u')} = ${utcDay}`)
      // ClickHouse fills a row that did not join with zeros, the others with NULLs.
      checks.push(`COALESCE(${c('cx_ok')}, 0) = 1`)
      const into = `${q('cx_rows')}.${q(end)} - ${_int(dialect, c('cx_u'))} * 86400000`
      upTo[end] = `(${c('cx_b')}${Array.from(
        { length: width },
        (_, k) => ` + LEAST(GREATEST(${into} - ${c(`cx_s${k}`)}, 0), ${c(`cx_l${k}`)})`,
      ).join('')})`
    })
    if (firstSolved === undefined) upTo.cx_f = upTo.cx_r as string
    joins = parts.join('')
    covered = checks.join(' AND ')
  }
  const cls = `${q('cx_rows')}.${q('cx_class')}`
  const klass = business
    ? `CASE WHEN ${cls} = 'ok' AND NOT (${covered}) THEN 'uncovered' ELSE ${cls} END`
    : cls
  const ok = business ? `${cls} = 'ok' AND ${covered}` : `${cls} = 'ok'`
  const when = (x: string) => `CASE WHEN ${ok} THEN ${x} END`
  const r = (n: string) => `${q('cx_rows')}.${q(n)}`
  const listSql: Record<string, string> = {
    calendar: `${r('cx_r')} - ${r('cx_c')}`,
    business: `${upTo.cx_r} - ${upTo.cx_c}`,
    firstCalendar: `${r('cx_f')} - ${r('cx_c')}`,
    fullCalendar: `${r('cx_r')} - ${r('cx_c')}`,
    firstBusiness: `${upTo.cx_f} - ${upTo.cx_c}`,
    fullBusiness: `${upTo.cx_r} - ${upTo.cx_c}`,
  }
  // A wait is read when it is a duration (not NaN, not infinite), as in memory.
  waits.forEach((f, i) => {
    listSql[f] =
      `CASE WHEN ${r(`cx_w${i}`)} > -${_INFINITY[dialect]} AND ${r(`cx_w${i}`)} < ${_INFINITY[dialect]} THEN ${r(`cx_w${i}`)} END`
  })
  level2.push(
    ...keys.map((k) => `${q('cx_rows')}.${k} AS ${k}`),
    `${klass} AS ${q('cx_class')}`,
    ...lists.map((l, i) => `${when(listSql[l] as string)} AS ${q(`cx_d${i}`)}`),
  )
  // Within the target, on the basis of `value`.
  if (config.target !== null) {
    const basis =
      spec.kpi === 'firstReplyTime'
        ? business
          ? 'business'
          : 'calendar'
        : `${resolution}${business ? 'Business' : 'Calendar'}`
    level2.push(
      `CASE WHEN ${ok} AND ${listSql[basis]} <= ${_float(dialect, params, config.target)} THEN 1 ELSE 0 END AS ${q('cx_in')}`,
    )
  }
  const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
  const rowsSql = [
    `SELECT ${level1.join(', ')} FROM ${table}`,
    ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
  ].join(' ')
  const level2Sql = `SELECT ${level2.join(', ')} FROM (${rowsSql}${_fence(dialect)}) AS ${q('cx_rows')}${joins}`

  // Level 3: the period of each row in the range (its ordinal; the library reads it back as a date).
  const carried = [
    ...keys,
    q('cx_class'),
    ...lists.map((_, i) => q(`cx_d${i}`)),
    ...(config.target === null ? [] : [q('cx_in')]),
  ]
  const period =
    time === undefined
      ? `NULL`
      : `CASE WHEN ${q('cx_out')} = 2 THEN '${_OUTSIDE}' WHEN ${q('cx_out')} = -1 THEN '${_BEFORE}' WHEN ${q('cx_out')} = 1 THEN '${_AFTER}' WHEN ${q('cx_day')} IS NULL THEN NULL ELSE ${_text(dialect, ordinal(dialect, q('cx_day'), time))} END`
  let level3 = `SELECT ${period} AS ${q('cx_date')}, ${carried.join(', ')} FROM (${level2Sql}${_fence(dialect)}) AS ${q('cx_t')}`
  const groups = [q('cx_date'), ...keys]
  const stat = (i: number, s: (typeof STATS)[number]): string => {
    const x = q(`cx_d${i}`)
    switch (s) {
      case 'n':
        return `COUNT(${x})`
      case 'sum':
        return `SUM(${x})`
      case 'min':
        return `MIN(${x})`
      case 'max':
        return `MAX(${x})`
      default: {
        const p = LEVELS[STATS.indexOf(s) - 4] as number
        return dialect === 'bigquery' ? `ANY_VALUE(${q(`cx_q${i}_${s}`)})` : quantile(dialect, linear, x, p)
      }
    }
  }
  if (dialect === 'bigquery') {
    const partition = `OVER (PARTITION BY ${groups.join(', ')})`
    const windows = lists.flatMap((_, i) =>
      LEVELS.map(
        (p, k) =>
          `${quantile(dialect, linear, q(`cx_d${i}`), p)} ${partition} AS ${q(`cx_q${i}_${STATS[4 + k]}`)}`,
      ),
    )
    level3 = `SELECT *, ${windows.join(', ')} FROM (${level3}) AS ${q('cx_w')}`
  }
  const aggregates = [
    `COUNT(*) AS ${q('cx_count')}`,
    ...[...reasons, ...(business ? ['uncovered'] : [])].map(
      (reason) => `SUM(CASE WHEN ${q('cx_class')} = '${reason}' THEN 1 ELSE 0 END) AS ${q(`cx_${reason}`)}`,
    ),
    ...lists.flatMap((_, i) => STATS.map((s) => `${stat(i, s)} AS ${q(`cx_${s}_${i}`)}`)),
    ...(config.target === null ? [] : [`SUM(${q('cx_in')}) AS ${q('cx_within')}`]),
  ]
  const grouped = time === undefined ? keys : groups
  const sql = `SELECT ${[time === undefined ? `NULL AS ${q('cx_date')}` : q('cx_date'), ...keys, ...aggregates.slice(1), aggregates[0]].join(', ')} FROM (${level3}) AS ${q('cx_p')}${
    grouped.length === 0
      ? ''
      : ` GROUP BY ${grouped.map((g) => [q('cx_date'), ...keys].indexOf(g) + 1).join(', ')}`
  }`
  const names = [
    'cx_date',
    ...keys.map((_, i) => `cx_key${i}`),
    ...[...reasons, ...(business ? ['uncovered'] : [])].map((reason) => `cx_${reason}`),
    ...lists.flatMap((_, i) => STATS.map((s) => `cx_${s}_${i}`)),
    ...(config.target === null ? [] : ['cx_within']),
    'cx_count',
  ]
  return { sql, columns: names }
}

/** Whether a spec measures business hours with neither a span nor a range to lay its calendar over. */
export function _needsSpan(spec: WarehouseSpec): boolean {
  return (
    _DURATION_KPIS.includes(spec.kpi) &&
    spec.options?.schedule !== undefined &&
    spec.span === undefined &&
    spec.time?.range === undefined
  )
}

/**
 * The SQL of the span a spec's tickets take, `cx_from` and `cx_to` in epoch ms (the first instant and
 * the last, among those the library reads), for the calendar of a spec that gives none.
 */
export function _spanSql(
  fn: string,
  spec: WarehouseSpec,
  params: _Params,
): { readonly sql: string; readonly columns: readonly string[] } {
  const { dialect } = spec
  const rt = spec.kpi === 'resolutionTime'
  const columns = _ticketColumns(fn, spec, dialect, ['createdAt', rt ? 'solvedAt' : 'firstReplyAt'])
  const q = (name: string) => _quote(dialect, name)
  const instants = ['createdAt', 'firstReplyAt', 'firstSolvedAt', 'solvedAt']
    .filter(
      (f) =>
        columns[f] !== undefined && (rt ? f !== 'firstReplyAt' : f === 'createdAt' || f === 'firstReplyAt'),
    )
    .map((f) => _epochMs(dialect, columns[f] as string))
  const kept = (x: string) => `CASE WHEN ${x} >= ${_MIN_TIME} AND ${x} < ${_MAX_TIME} THEN ${x} END`
  const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
  // Each column's own MIN and MAX: LEAST and GREATEST over NULLs differ between engines.
  const bounds = instants.flatMap((x, i) => [
    `MIN(${kept(x)}) AS ${q(`cx_from${i}`)}`,
    `MAX(${kept(x)}) AS ${q(`cx_to${i}`)}`,
  ])
  const sql = [
    `SELECT ${bounds.join(', ')}`,
    `FROM ${_table(fn, 'spec.table', dialect, spec.table)}`,
    ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
  ].join(' ')
  return { sql, columns: instants.flatMap((_, i) => [`cx_from${i}`, `cx_to${i}`]) }
}

/** The span of the rows of a span query: the earliest instant and the latest, plus a millisecond. */
export function _spanOfRows(fn: string, rows: Iterable<unknown>): { from: number; to: number } {
  let from = Number.POSITIVE_INFINITY
  let to = Number.NEGATIVE_INFINITY
  for (const row of rows) {
    const cells = Array.isArray(row) ? row : Object.values((row ?? {}) as object)
    cells.forEach((x, i) => {
      const t = numberOf(fn, `rows[0][${i}]`, x)
      if (t === null) return
      if (i % 2 === 0) from = Math.min(from, t)
      else to = Math.max(to, t + 1)
    })
  }
  return from < to ? { from, to } : { from: 0, to: DAY }
}

/** A number as drivers return it: a `bigint`, decimal text (PostgreSQL's numeric and bigint), a number. */
function numberOf(fn: string, arg: string, x: unknown): number | null {
  if (x === null || x === undefined) return null
  const n = typeof x === 'bigint' ? Number(x) : typeof x === 'string' ? Number(x) : x
  if (typeof n !== 'number' || !Number.isFinite(n) || (typeof x === 'string' && x.trim() === ''))
    throw _typeError(fn, arg, 'a number', x)
  return n
}

/**
 * The aggregator that reads the query's rows of a duration KPI: one row per period and key, whose
 * statistics become the KPI's result through the KPI's own result.
 */
export function _durationAggregator(spec: WarehouseSpec): AnyAggregator {
  const fn = 'warehouseResult'
  const { config, result } = kpiOf(spec)
  const business = config.hours !== null
  const columns = (spec.columns ?? {}) as Record<string, string>
  const { reasons, invalid, lists } = shape(spec, business, columns)
  const counted = [...reasons, ...(business ? ['uncovered'] : [])]
  const statsAt = (v: readonly unknown[], i: number): DurationStats => {
    const at = (k: number) =>
      numberOf(fn, `rows[].cx_${STATS[k]}_${i}`, v[counted.length + i * STATS.length + k])
    const n = at(0) ?? 0
    if (n === 0) return { ..._NO_DURATIONS }
    const sum = at(1) as number
    return { n, meanMs: sum / n, medianMs: at(4), p90Ms: at(5), p95Ms: at(6), minMs: at(2), maxMs: at(3) }
  }
  interface State {
    v: readonly unknown[] | null
  }
  return {
    kpi: spec.kpi,
    init: (): State => ({ v: null }),
    add: (state: State, item: { v: readonly unknown[] }, index: number) => {
      if (state.v !== null)
        throw _typeError(
          fn,
          `rows[${index}]`,
          'one row per period and key (percentiles do not merge)',
          item.v,
        )
      const excluded: Record<string, number> = {}
      counted.forEach((reason, k) => {
        excluded[reason] = numberOf(fn, `rows[${index}].cx_${reason}`, item.v[k]) ?? 0
      })
      if (config.onInvalid === 'throw')
        for (const reason of invalid)
          if ((excluded[reason] as number) > 0)
            _exclude({}, reason, 'throw', spec.kpi, index, `${excluded[reason]} tickets`)
      return { v: item.v }
    },
    merge: (a: State, b: State) => {
      if (a.v !== null && b.v !== null)
        throw _typeError(fn, 'rows', 'one row per period and key (percentiles do not merge)', b.v)
      return a.v === null ? b : a
    },
    result: (state: State) => {
      const v = state.v ?? []
      const excluded: Record<string, number> = {}
      counted.forEach((reason, k) => {
        excluded[reason] = numberOf(fn, `rows[].cx_${reason}`, v[k]) ?? 0
      })
      const uncovered = excluded.uncovered ?? 0
      if (uncovered > 0)
        throw _rangeError(
          fn,
          'spec.span',
          `a business calendar that covers every ticket's instants (${uncovered} fall outside it)`,
          spec.span ?? spec.time?.range,
        )
      delete excluded.uncovered
      const list = (name: string): DurationStats | null => {
        const i = lists.indexOf(name)
        return i < 0 ? null : statsAt(v, i)
      }
      const within =
        config.target === null
          ? 0
          : (numberOf(fn, 'rows[].cx_within', v[counted.length + lists.length * STATS.length]) ?? 0)
      const wait = (name: string): DurationStats | null => {
        const s = list(name)
        return s === null || s.n === 0 ? null : s
      }
      return result(
        (spec.kpi === 'firstReplyTime'
          ? { calendar: list('calendar'), business: list('business'), within, excluded }
          : {
              first: { calendar: list('firstCalendar'), business: list('firstBusiness') },
              full: { calendar: list('fullCalendar'), business: list('fullBusiness') },
              requesterWait: wait('requesterWaitMs'),
              onHold: wait('onHoldMs'),
              agentWait: wait('agentWaitMs'),
              within,
              excluded: excluded as ExclusionCounts<string>,
            }) as never,
      )
    },
  } as AnyAggregator
}
