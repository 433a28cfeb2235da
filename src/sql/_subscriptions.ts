// Churn, MRR movements and revenue retention in the warehouse. The query builds each customer's (or
// subscription's) paid value over time with window functions — its spans' starts and stops, summed per
// instant, a running total, the instants where it changes — and tallies, per period and key, what the
// KPIs count: how each line changed in each period (its value before and at the end, whether it was
// first paid then, its stops and restarts), the lines active at each period bound and their MRR, the
// cohort's MRR at two instants, and the subscriptions left out by reason. Only those tallies cross the
// wire; each KPI's own result code (the same as in memory) turns them into its output.
//
// Periods are the KPI's: the library computes their bounds in the zone (DST and all) from the options,
// and the query puts an instant in its period by comparing it with them — a search tree of CASE
// expressions, portable to every dialect and log₂(bounds) comparisons per row.
import { _rangeError, _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import type { AnyAggregator } from '../core/aggregator.ts'
import { KpiError } from '../core/KpiError.ts'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import type { ExclusionCounts } from '../core/result.ts'
import type { DefinitionFilter } from '../definitions/_types.ts'
import { _cohortGrid, _cohortTable } from '../lifecycle/_cohortTable.ts'
import { _Movements, _movementOf } from '../lifecycle/_movements.ts'
import { _PER_MONTH, type SubscriptionExclusion } from '../lifecycle/_subscription.ts'
import { _churnRatePlan, _countChurn, type ChurnRateOptions } from '../lifecycle/churnRate.ts'
import { _cohortRetentionPlan, type CohortRetentionOptions } from '../lifecycle/cohortRetention.ts'
import { _mrrMovementsPlan, type MrrMovementsOptions } from '../lifecycle/mrrMovements.ts'
import { _revenueRetentionPlan, type RevenueRetentionOptions } from '../lifecycle/revenueRetention.ts'
import { byKey } from '../time/byKey.ts'
import {
  _epochMs,
  _fence,
  _float,
  _int,
  _MAX_TIME,
  _MIN_TIME,
  type _Params,
  _quote,
  _text,
  _valuesTable,
  type SqlDialect,
} from './_dialects.ts'
import { _identifier, _table } from './_identifier.ts'
import { _where } from './_where.ts'

/** The KPIs over subscription spans. */
export const _SUBSCRIPTION_KPIS: readonly string[] = [
  'churnRate',
  'mrrMovements',
  'revenueRetention',
  'cohortRetention',
]

/** What these KPIs read of a warehouse spec (its type is the spec's; kept here apart from it, as _spec.ts imports this module). */
interface WarehouseSpec {
  readonly dialect: SqlDialect
  readonly kpi: string
  readonly table: string | readonly string[]
  readonly value?: unknown
  readonly columns?: object
  readonly options?: Readonly<Record<string, unknown>>
  readonly filters?: readonly DefinitionFilter[]
  readonly time?: unknown
  readonly dimensions?: readonly string[]
  readonly span?: { readonly from: DateInput; readonly to: DateInput }
}

/** The fields of a subscription a column can be given for. */
const COLUMNS = [
  'customerId',
  'subscriptionId',
  'start',
  'end',
  'cancelledAt',
  'pastDueSince',
  'mrr',
  'amount',
  'billingInterval',
  'quantity',
  'trial',
  'currency',
] as const

type Columns = Partial<Record<(typeof COLUMNS)[number], string>>

/** The output columns: names that never come from the user. */
const OUT = [
  'cx_part',
  'cx_u',
  'cx_f',
  'cx_st',
  'cx_re',
  'cx_cl',
  'cx_n',
  'cx_s0',
  'cx_s1',
  'cx_s2',
  'cx_text',
]

/** A KPI's options read once: what the query needs (bounds, days, cohort instants, policies) and its result. */
function planOf(fn: string, spec: WarehouseSpec) {
  const o = spec.options ?? {}
  for (const [key, x] of Object.entries(o))
    if (typeof x === 'function')
      throw _typeError(fn, `spec.options.${key}`, 'a value (a function cannot run in the warehouse)', x)
  if (o.inputTimeZone !== undefined)
    throw _typeError(
      fn,
      'spec.options.inputTimeZone',
      'no input zone (the columns hold instants)',
      o.inputTimeZone,
    )
  switch (spec.kpi) {
    case 'churnRate': {
      const plan = _churnRatePlan(o as ChurnRateOptions)
      return { kind: 'churn', money: false, plan, config: plan.config, p: plan.p, days: plan.days } as const
    }
    case 'mrrMovements': {
      const plan = _mrrMovementsPlan(o as MrrMovementsOptions)
      if (plan.detail)
        throw _typeError(
          fn,
          'spec.options.detail',
          'no detail (the query returns totals, not a row per customer; list movements in memory)',
          true,
        )
      return { kind: 'mrr', money: true, plan, config: plan.config, p: plan.p, days: null } as const
    }
    case 'cohortRetention': {
      const plan = _cohortRetentionPlan(o as unknown as CohortRetentionOptions)
      if (plan.source !== 'subscriptions')
        throw _typeError(
          fn,
          'spec.options.source',
          "'subscriptions' (cohorts of activity events are computed in memory only)",
          plan.source,
        )
      if (plan.spec.members)
        throw _typeError(
          fn,
          'spec.options.members',
          'no members (the query returns counts, not the customers behind each cell)',
          true,
        )
      const money = plan.spec.basis === 'revenue'
      return { kind: 'cohort', money, plan, config: plan.config, p: null, days: null } as const
    }
    default: {
      const plan = _revenueRetentionPlan(o as RevenueRetentionOptions)
      return {
        kind: 'retention',
        money: true,
        plan,
        config: plan.config,
        p: plan.p,
        days: plan.days,
      } as const
    }
  }
}

/** The checked columns of a subscription spec. */
function columnsOf(fn: string, spec: WarehouseSpec, money: boolean): Columns {
  const given = spec.columns as Record<string, unknown> | undefined
  if (spec.value !== undefined)
    throw _typeError(fn, 'spec.value', 'no value: a subscription KPI reads `spec.columns`', spec.value)
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw _typeError(
      fn,
      'spec.columns',
      'the columns of a subscription: { customerId, start, end, mrr, … }',
      given,
    )
  _knownKeys(fn, 'spec.columns', given, COLUMNS)
  for (const f of ['customerId', 'start'])
    if (given[f] === undefined) throw _typeError(fn, `spec.columns.${f}`, `the column of ${f}`, undefined)
  // Every subscription would be missing its value: say so rather than return nothing.
  if (money && given.mrr === undefined && (given.amount === undefined || given.billingInterval === undefined))
    throw _typeError(
      fn,
      'spec.columns.mrr',
      'the column of each subscription’s MRR in major units, or `amount` and `billingInterval`',
      undefined,
    )
  const out: Columns = {}
  for (const f of COLUMNS)
    if (given[f] !== undefined) out[f] = _identifier(fn, `spec.columns.${f}`, spec.dialect, given[f])
  return out
}

/** Checks a subscription spec: its columns, its options (the KPI's own checks), no `time`. */
export function _checkSubscriptions(fn: string, spec: WarehouseSpec): void {
  if (spec.time !== undefined)
    throw _typeError(
      fn,
      'spec.time',
      'no time: a subscription KPI’s periods are its options’ `period`, `range` or `trailingDays`',
      spec.time,
    )
  const { kind, money } = planOf(fn, spec)
  columnsOf(fn, spec, money)
  if (kind !== 'cohort' && spec.span !== undefined)
    throw _typeError(
      fn,
      'spec.span',
      'no span (only response and resolution times in business hours, and cohort tables, read one)',
      spec.span,
    )
  if (kind === 'cohort' && spec.span !== undefined) spanOf(fn, spec)
}

/**
 * The instants a cohort table's grid is cut from: `spec.span`, the first start and the last end (or
 * start) of the subscriptions counted — what inWarehouse asks the warehouse for first.
 */
function spanOf(fn: string, spec: WarehouseSpec): [number, number] {
  const span = spec.span
  const read = (arg: string, x: unknown): number => {
    const t = parseInstant(x as DateInput)
    if (t === null) throw _typeError(fn, arg, 'an instant', x)
    return t
  }
  if (span === null || typeof span !== 'object' || Array.isArray(span))
    throw _typeError(
      fn,
      'spec.span',
      'the first start and the last end of the subscriptions, { from, to } (inWarehouse asks for them)',
      span,
    )
  _knownKeys(fn, 'spec.span', span, ['from', 'to'])
  const from = read('spec.span.from', span.from)
  const to = read('spec.span.to', span.to)
  if (to < from) throw _rangeError(fn, 'spec.span.to', 'an instant not before `spec.span.from`', span.to)
  return [from, to]
}

/** Whether a spec is a cohort table whose grid the warehouse must be asked for first. */
export function _needsCohortSpan(spec: WarehouseSpec): boolean {
  return spec.kpi === 'cohortRetention' && spec.span === undefined
}

/**
 * The index of the bound interval an instant falls in — the number of bounds not after it, as the
 * library's binary search counts them — as a tree of CASE expressions over the bounds.
 */
function boundIndex(x: string, bounds: readonly number[]): string {
  const tree = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo)
    const j = (lo + hi) >>> 1
    return `CASE WHEN ${x} < ${bounds[j]} THEN ${tree(lo, j)} ELSE ${tree(j + 1, hi)} END`
  }
  return tree(0, bounds.length)
}

/** A window over a line, in order of time: ClickHouse's offset functions need the whole frame named. */
function offset(dialect: SqlDialect, lag: boolean, x: string, over: string): string {
  if (dialect === 'clickhouse')
    return lag
      ? `lagInFrame(${x}, 1, 0) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`
      : `leadInFrame(toNullable(${x}), 1, NULL) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`
  return lag ? `LAG(${x}, 1, 0) OVER (${over})` : `LEAD(${x}) OVER (${over})`
}

/** The SQL of a subscription KPI, and the columns of its rows. */
export function _subscriptionSql(
  fn: string,
  spec: WarehouseSpec,
  params: _Params,
  spanOnly = false,
): { sql: string; columns: string[] } {
  const { dialect } = spec
  const q = (name: string) => _quote(dialect, name)
  const { kind, money, config, p, days, plan } = planOf(fn, spec)
  const c = columnsOf(fn, spec, money)
  const table = _table(fn, 'spec.table', dialect, spec.table)
  const dims = (spec.dimensions ?? []).map((d, i) => _identifier(fn, `spec.dimensions[${i}]`, dialect, d))
  const keys = dims.map((_, i) => q(`cx_key${i}`))
  const int = (x: string) => _int(dialect, x)
  // ClickHouse's types are not nullable unless said so.
  const nul = dialect === 'clickhouse' ? 'CAST(NULL AS Nullable(Int64))' : int('NULL')
  const noText = dialect === 'clickhouse' ? 'CAST(NULL AS Nullable(String))' : _text(dialect, 'NULL')
  const ms = (column: string | undefined) => (column === undefined ? nul : int(_epochMs(dialect, column)))
  const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
  const entity = kind === 'churn' && plan.variant.entity === 'subscription'
  const [C, S, E, X, P, M, T, K] = [
    'cx_c',
    'cx_sub',
    'cx_start',
    'cx_end',
    'cx_cancel',
    'cx_mrr',
    'cx_trial',
    'cx_due',
  ].map(q) as [string, string, string, string, string, string, string, string]
  const [CUR, A, Q, I] = ['cx_cur', 'cx_a', 'cx_qt', 'cx_iv'].map(q) as [string, string, string, string]
  const floatType =
    dialect === 'postgres' ? 'double precision' : dialect === 'bigquery' ? 'FLOAT64' : 'DOUBLE'
  const double = (column: string | undefined) =>
    column === undefined
      ? dialect === 'clickhouse'
        ? 'CAST(NULL AS Nullable(Float64))'
        : `CAST(NULL AS ${floatType})`
      : `CAST(${column} AS ${floatType})`
  const rows = [
    `SELECT ${[
      ...dims.map((d, i) => `${d} AS ${keys[i]}`),
      `${c.customerId} AS ${C}`,
      `${c.subscriptionId ?? 'NULL'} AS ${S}`,
      `${ms(c.start)} AS ${E}`,
      `${ms(c.end)} AS ${X}`,
      `${ms(c.cancelledAt)} AS ${P}`,
      `${ms(c.pastDueSince)} AS ${K}`,
      `${double(c.mrr)} AS ${M}`,
      `${double(c.amount)} AS ${A}`,
      `${double(c.quantity)} AS ${Q}`,
      `${c.billingInterval === undefined ? noText : _text(dialect, c.billingInterval)} AS ${I}`,
      `${c.trial ?? 'NULL'} AS ${T}`,
      `${c.currency === undefined ? noText : _text(dialect, c.currency)} AS ${CUR}`,
    ].join(', ')}`,
    `FROM ${table}`,
    ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
  ].join(' ')
  // The monthly value in 1/360 of a minor unit, as the library reads it: an MRR rounded as Math.round
  // does (floor of x + ½), or a price in whole minor units × quantity × the interval's months in 360ths.
  const MAX = '9007199254740991'
  // In the library's order of operations: (mrr × minor) × 360, in doubles.
  const fromMrr = `floor(${M} * ${config.minor} * 360 + 0.5)`
  const scaled = `${A} * ${config.minor}`
  const price = `floor(${scaled} + 0.5)`
  const perMonth = `CASE ${I} ${Object.entries(_PER_MONTH)
    .map(([unit, n]) => `WHEN '${unit}' THEN ${n}`)
    .join(' ')} END`
  const fromPrice = `${price} * coalesce(${Q}, 1) * ${perMonth}`
  const unknown = money ? "'missing'" : 'NULL'
  // NaN and infinities fail every test below in every engine (PostgreSQL's NaN is above all numbers).
  const valueWhy = [
    `CASE WHEN ${M} IS NOT NULL THEN (CASE WHEN ${M} >= 0 AND ${fromMrr} <= ${MAX} THEN NULL ELSE 'invalid' END)`,
    `WHEN ${A} IS NULL THEN ${unknown}`,
    `WHEN NOT (${A} >= 0 AND abs(${scaled} - ${price}) <= 0.000001 * greatest(1, abs(${scaled}))) THEN 'invalid'`,
    `WHEN ${Q} IS NOT NULL AND NOT (${Q} >= 0 AND ${Q} < 1000000000000000 AND ${Q} = floor(${Q})) THEN 'invalid'`,
    `WHEN ${I} IS NULL THEN ${unknown}`,
    `WHEN ${perMonth} IS NULL OR ${fromPrice} > ${MAX} THEN 'invalid'`,
    'ELSE NULL END',
  ].join(' ')
  const value = `CASE WHEN (${valueWhy}) IS NOT NULL THEN 0 WHEN ${M} IS NOT NULL THEN ${int(fromMrr)} WHEN ${A} IS NULL OR ${I} IS NULL THEN 1 ELSE ${int(fromPrice)} END`
  const out = (x: string) => `(${x} IS NOT NULL AND (${x} < ${_MIN_TIME} OR ${x} >= ${_MAX_TIME}))`
  const asOf = config.asOf === Number.POSITIVE_INFINITY ? null : params.add(config.asOf)
  const why = [
    'CASE',
    `WHEN ${C} IS NULL OR ${_text(dialect, C)} = '' THEN 'missing'`,
    `WHEN ${E} IS NULL THEN 'missing'`,
    `WHEN ${[E, X, P, K].map(out).join(' OR ')} THEN 'invalid'`,
    `WHEN ${X} IS NOT NULL AND ${X} < ${E} THEN 'invalid'`,
    `WHEN (${valueWhy}) IS NOT NULL THEN ${valueWhy}`,
    ...(asOf === null ? [] : [`WHEN ${E} >= ${asOf} THEN 'pending'`]),
    ...(c.trial === undefined ? [] : [`WHEN ${T} THEN 'trial'`]),
    `WHEN (${value}) = 0 THEN 'free'`,
    'END',
  ].join(' ')
  // When the span stops counting, by the options: the earliest of its end, its cancellation (not before
  // its start) and the end of its grace days; NULL while it has not (or not by asOf). Parameters are
  // added in the order the text names them (Snowflake binds `?` by position).
  const grace =
    config.graceMs === null
      ? null
      : `greatest(${K} + ${Number.isInteger(config.graceMs) ? params.add(config.graceMs) : _float(dialect, params, config.graceMs)}, ${E})`
  const earlier = (stop: string, at: string) =>
    `CASE WHEN ${at} IS NULL THEN ${stop} WHEN ${stop} IS NULL OR ${at} < ${stop} THEN ${at} ELSE ${stop} END`
  let stop = X
  if (config.recognition === 'cancellation') stop = earlier(stop, q('cx_q'))
  if (grace !== null) stop = earlier(stop, q('cx_g'))
  const known =
    config.asOf === Number.POSITIVE_INFINITY
      ? stop
      : `CASE WHEN ${stop} > ${params.add(config.asOf)} THEN NULL ELSE ${stop} END`
  const line = entity ? [C, S, q('cx_z')] : [C]
  const part = [...keys, ...line].join(', ')
  const over = `PARTITION BY ${part} ORDER BY ${q('cx_at')}`
  const [at, d, v, w, i, next, u] = ['cx_at', 'cx_d', 'cx_v', 'cx_w', 'cx_i', 'cx_next', 'cx_u'].map(q) as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  const carried = [...keys, ...line].join(', ')
  const ctes: [string, string][] = [
    ['cx_rows', rows + _fence(dialect)],
    [
      'cx_checked',
      `SELECT ${[...keys, C, S, E, X, CUR].join(', ')}, ${why} AS ${q('cx_why')}, ${value} AS ${v}, CASE WHEN ${P} IS NOT NULL THEN greatest(${P}, ${E}) END AS ${q('cx_q')}${grace === null ? '' : `, CASE WHEN ${K} IS NOT NULL THEN ${grace} END AS ${q('cx_g')}`}${entity ? `, CASE WHEN ${S} IS NULL THEN ${E} END AS ${q('cx_z')}` : ''} FROM cx_rows`,
    ],
    ['cx_known', `SELECT *, ${known} AS ${q('cx_stop')} FROM cx_checked`],
    [
      'cx_events',
      `SELECT ${carried}, ${E} AS ${at}, ${v} AS ${d} FROM cx_known WHERE ${q('cx_why')} IS NULL AND (${q('cx_stop')} IS NULL OR ${q('cx_stop')} > ${E}) UNION ALL SELECT ${carried}, ${q('cx_stop')}, -${v} FROM cx_known WHERE ${q('cx_why')} IS NULL AND ${q('cx_stop')} > ${E}`,
    ],
    [
      'cx_steps',
      `SELECT ${carried}, ${at}, SUM(SUM(${d})) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${v} FROM cx_events GROUP BY ${carried}, ${at}`,
    ],
    ['cx_changed', `SELECT ${carried}, ${at}, ${v}, ${offset(dialect, true, v, over)} AS ${w} FROM cx_steps`],
    [
      'cx_points',
      `SELECT ${carried}, ${at}, ${v}, ${w}, row_number() OVER (${over}) AS ${i}, ${offset(dialect, false, at, over)} AS ${next} FROM cx_changed WHERE ${v} <> ${w}`,
    ],
  ]
  const selects: string[] = []
  /** One part of the output: its name, and its columns by name (the others NULL). */
  const output = (name: string, from: string, cells: Record<string, string>, rest: string) => {
    const list = OUT.slice(1).map((o) => `${cells[o] ?? (o === 'cx_text' ? noText : nul)} AS ${q(o)}`)
    selects.push(`SELECT '${name}' AS ${q('cx_part')}, ${[...keys, ...list].join(', ')} FROM ${from} ${rest}`)
  }
  const counted = `${q('cx_why')} IS NULL`
  output(
    'excluded',
    'cx_checked',
    { cx_n: int('COUNT(*)'), cx_text: q('cx_why') },
    `WHERE NOT (${counted}) GROUP BY ${[...keys, q('cx_why')].join(', ')}`,
  )
  output(
    'counted',
    'cx_checked',
    { cx_n: int('COUNT(*)') },
    `WHERE ${counted}${keys.length === 0 ? '' : ` GROUP BY ${keys.join(', ')}`}`,
  )
  if (money && c.currency !== undefined)
    output(
      'currency',
      'cx_checked',
      { cx_n: int('COUNT(*)'), cx_text: CUR },
      `WHERE ${counted} AND ${CUR} IS NOT NULL GROUP BY ${[...keys, CUR].join(', ')}`,
    )

  /**
   * A cohort table's tallies over the grid cut from `spec.span`: each line's cohorts (its first period,
   * or every period it was active at the end of), their sizes and bases, and per cohort and column what
   * the criterion counts; and each key's first and last instants, which cut its own grid.
   */
  const cohortParts = () => {
    if (kind !== 'cohort') return
    const table = plan.spec
    const [from, to] = spanOf(fn, spec)
    const grid = _cohortGrid(table, from, to)
    const G = Math.max(grid.length, 2)
    const bounds = grid.length >= 2 ? grid : [from, from + 1]
    const revenue = table.basis === 'revenue'
    const [ua, un, lo, hi, st, base, j, cc] = [
      'cx_ua',
      'cx_un',
      'cx_lo',
      'cx_hi',
      'cx_c0',
      'cx_base',
      'cx_j',
      'cx_cohort',
    ].map(q) as [string, string, string, string, string, string, string, string]
    const whole = `PARTITION BY ${part} ORDER BY ${at} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING`
    ctes.push([
      'cx_gridded',
      `SELECT ${carried}, ${at}, ${v}, ${i}, ${boundIndex(at, bounds)} AS ${ua}, CASE WHEN ${next} IS NULL THEN ${G} ELSE ${boundIndex(next, bounds)} END AS ${un} FROM cx_points`,
    ])
    // Paying at the end of grid period j: active just before its end; a line's cohort is its first period.
    ctes.push([
      'cx_runs',
      `SELECT ${carried}, ${i}, ${v}, ${ua} - 1 AS ${lo}, ${un} - 2 AS ${hi}, MIN(${ua}) OVER (PARTITION BY ${part}) - 1 AS ${st}, ${revenue ? `first_value(${v}) OVER (${whole})` : '1'} AS ${base} FROM cx_gridded`,
    ])
    const r = q('cx_r')
    // The runs a line was paying at the end of periods lo…hi for, with their weight.
    ctes.push([
      'cx_kept',
      `SELECT ${[...keys, C, lo, hi, st, base].join(', ')}, ${revenue ? v : '1'} AS ${q('cx_w')} FROM cx_runs WHERE ${v} > 0 AND ${lo} >= 0 AND ${hi} >= ${lo}`,
    ])
    const firsts = `SELECT ${[...keys, C].join(', ')}, ${st} AS ${cc}, ${base} FROM cx_runs WHERE ${i} = 1`
    // Recurring cohorts: the first period, and every later one the line was paying at the end of.
    ctes.push([
      'cx_cohorts',
      table.cohorting === 'first'
        ? firsts
        : `${firsts} UNION ALL SELECT ${[...keys, C].map((x) => `${r}.${x}`).join(', ')}, ${q('cx_grid')}.${j}, ${r}.${base} FROM cx_kept AS ${r} CROSS JOIN ${_valuesTable(
            dialect,
            'cx_grid',
            ['cx_j'],
            Array.from({ length: G - 1 }, (_, k) => [k]),
          )} WHERE ${q('cx_grid')}.${j} BETWEEN greatest(${r}.${lo}, ${r}.${st} + 1) AND ${r}.${hi}`,
    ])
    output(
      'size',
      'cx_cohorts',
      { cx_u: int(cc), cx_n: int('COUNT(*)'), cx_s0: int(`SUM(${base})`) },
      `GROUP BY ${[...keys, cc].join(', ')}`,
    )
    // Recurring cohorts: each cohort of a line with the runs that reach it (NULL keys match NULL keys).
    const [h, a] = [q('cx_h'), q('cx_run')]
    const same = keys.map((k) => `(${h}.${k} = ${a}.${k} OR (${h}.${k} IS NULL AND ${a}.${k} IS NULL))`)
    const hk = [...keys, C].map((x) => `${h}.${x}`)
    // First cohorts: each run reaches its line's only cohort, no join needed.
    ctes.push([
      'cx_reach',
      table.cohorting === 'first'
        ? `SELECT ${[...keys, C].join(', ')}, ${st} AS ${cc}, ${lo}, ${hi}, ${q('cx_w')} FROM cx_kept`
        : `SELECT ${hk.join(', ')}, ${h}.${cc} AS ${cc}, ${a}.${lo} AS ${lo}, ${a}.${hi} AS ${hi}, ${a}.${q('cx_w')} AS ${q('cx_w')} FROM cx_cohorts AS ${h} JOIN cx_kept AS ${a} ON ${h}.${C} = ${a}.${C} WHERE ${[...same, `${a}.${hi} >= ${h}.${cc}`].join(' AND ')}`,
    ])
    const lineCohort = [...keys, C, cc].join(', ')
    const [k0, k1] = [q('cx_k0'), q('cx_k1')]
    if (table.criterion === 'n-period') {
      // Columns lo − c … hi − c of cohort c (the library clips them to the table's columns).
      ctes.push([
        'cx_cells',
        `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${cc}, greatest(${lo} - ${cc}, 0) AS ${k0}, ${hi} - ${cc} AS ${k1}, ${q('cx_w')} FROM cx_reach`,
      ])
      output(
        'cell',
        'cx_cells',
        { cx_u: int(cc), cx_cl: int(k0), cx_st: int(k1), cx_s0: int(`SUM(${q('cx_w')})`) },
        `GROUP BY ${[...keys, cc, k0, k1].join(', ')}`,
      )
    } else if (table.criterion === 'unbounded') {
      // Active in period k or later: columns 0 … the last period paid from the cohort on.
      ctes.push([
        'cx_cells',
        `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${cc}, MAX(${hi}) - ${cc} AS ${k1} FROM cx_reach GROUP BY ${lineCohort}`,
      ])
      output(
        'cell',
        'cx_cells',
        { cx_u: int(cc), cx_cl: '0', cx_st: int(k1), cx_s0: int('COUNT(*)') },
        `GROUP BY ${[...keys, cc, k1].join(', ')}`,
      )
    } else {
      const brackets = _valuesTable(
        dialect,
        'cx_brackets',
        ['cx_k', 'cx_from', 'cx_to'],
        table.brackets.map(([x, y], k) => [k, x, y]),
      )
      const [rr, bt] = [q('cx_rr'), q('cx_brackets')]
      const bk = `${bt}.${q('cx_k')}`
      // A bracket of a cohort holds the line when one of its runs overlaps the bracket's periods.
      ctes.push([
        'cx_cells',
        `SELECT ${[...keys, C, cc].map((x) => `${rr}.${x}`).join(', ')}, ${bk} AS ${k0} FROM cx_reach AS ${rr} CROSS JOIN ${brackets} WHERE ${rr}.${lo} <= ${rr}.${cc} + ${bt}.${q('cx_to')} AND ${rr}.${hi} >= ${rr}.${cc} + ${bt}.${q('cx_from')} GROUP BY ${[...keys, C, cc].map((x) => `${rr}.${x}`).join(', ')}, ${bk}`,
      ])
      output(
        'cell',
        'cx_cells',
        { cx_u: int(cc), cx_cl: int(k0), cx_st: int(k0), cx_s0: int('COUNT(*)') },
        `GROUP BY ${[...keys, cc, k0].join(', ')}`,
      )
    }
    // Each key's first start and last end (or start): its own grid is cut from them, as in memory.
    const stopOf = q('cx_stop')
    output(
      'span',
      'cx_known',
      {
        cx_s0: int(`MIN(${E})`),
        cx_s1: int(`MAX(CASE WHEN ${stopOf} IS NULL THEN ${E} ELSE ${stopOf} END)`),
      },
      `WHERE ${q('cx_why')} IS NULL AND (${stopOf} IS NULL OR ${stopOf} > ${E})${keys.length === 0 ? '' : ` GROUP BY ${keys.join(', ')}`}`,
    )
  }

  /** How lines changed in each interval of `bounds`, and the lines active at each bound. */
  const changes = (suffix: string, bounds: readonly number[], levels: boolean, histogram: boolean) => {
    const m = bounds.length - 1
    const grouped = `PARTITION BY ${part}, ${u} ORDER BY ${at}`
    ctes.push([
      `cx_placed${suffix}`,
      `SELECT ${carried}, ${at}, ${v}, ${w}, ${i}, ${boundIndex(at, bounds)} AS ${u} FROM cx_points`,
    ])
    ctes.push([
      `cx_marked${suffix}`,
      `SELECT ${carried}, ${at}, ${v}, ${w}, ${i}, ${u}, row_number() OVER (${grouped}) AS ${q('cx_ra')}, row_number() OVER (${grouped} DESC) AS ${q('cx_rd')} FROM cx_placed${suffix}`,
    ])
    ctes.push([
      `cx_changes${suffix}`,
      `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${u}, MAX(CASE WHEN ${q('cx_ra')} = 1 THEN ${w} ELSE 0 END) AS ${q('cx_v0')}, MAX(CASE WHEN ${q('cx_rd')} = 1 THEN ${v} ELSE 0 END) AS ${q('cx_v1')}, SUM(CASE WHEN ${w} > 0 AND ${v} = 0 THEN 1 ELSE 0 END) AS ${q('cx_st')}, SUM(CASE WHEN ${w} = 0 AND ${v} > 0 AND ${i} > 1 THEN 1 ELSE 0 END) AS ${q('cx_re')}, MAX(CASE WHEN ${i} = 1 THEN 1 ELSE 0 END) AS ${q('cx_f')} FROM cx_marked${suffix} WHERE ${u} BETWEEN 1 AND ${m} GROUP BY ${part}, ${u}`,
    ])
    if (histogram) {
      const [v0, v1] = [q('cx_v0'), q('cx_v1')]
      const cls = `CASE WHEN ${v0} = 0 THEN (CASE WHEN ${v1} = 0 THEN 0 ELSE 1 END) WHEN ${v1} = 0 THEN 2 WHEN ${v1} > ${v0} THEN 3 WHEN ${v1} < ${v0} THEN 4 ELSE 5 END`
      const cols = [...keys, u, q('cx_f'), q('cx_st'), q('cx_re')]
      ctes.push([
        `cx_classes${suffix}`,
        `SELECT ${cols.join(', ')}, ${cls} AS ${q('cx_cl')}, ${v1} - ${v0} AS ${q('cx_dv')} FROM cx_changes${suffix}`,
      ])
      output(
        `changes${suffix}`,
        `cx_classes${suffix}`,
        {
          cx_u: int(u),
          cx_f: int(q('cx_f')),
          cx_st: int(q('cx_st')),
          cx_re: int(q('cx_re')),
          cx_cl: int(q('cx_cl')),
          cx_n: int('COUNT(*)'),
          cx_s0: int(`SUM(${q('cx_dv')})`),
        },
        `GROUP BY ${[...cols, q('cx_cl')].join(', ')}`,
      )
    }
    if (levels) {
      // Active on [t, next): at the bounds b with t < b ≤ next, a difference array over bound indices.
      const hi = `CASE WHEN ${next} IS NULL THEN ${bounds.length} ELSE ${boundIndex(next, bounds)} END`
      ctes.push([
        `cx_spans${suffix}`,
        `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${boundIndex(at, bounds)} AS ${q('cx_lo')}, ${hi} AS ${q('cx_hi')}, ${v} FROM cx_points WHERE ${v} > 0`,
      ])
      ctes.push([
        `cx_ends${suffix}`,
        `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${q('cx_lo')} AS ${u}, 1 AS ${q('cx_dn')}, ${v} AS ${q('cx_dv')} FROM cx_spans${suffix} WHERE ${q('cx_lo')} < ${q('cx_hi')} UNION ALL SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${q('cx_hi')}, -1, -${v} FROM cx_spans${suffix} WHERE ${q('cx_lo')} < ${q('cx_hi')}`,
      ])
      output(
        `levels${suffix}`,
        `cx_ends${suffix}`,
        { cx_u: int(u), cx_n: int(`SUM(${q('cx_dn')})`), cx_s0: int(`SUM(${q('cx_dv')})`) },
        `GROUP BY ${[...keys, u].join(', ')}`,
      )
    }
  }
  if (spanOnly) {
    // A cohort table's first question: the instants its grid is cut from.
    const stop = q('cx_stop')
    const sql = `WITH ${ctes.map(([name, body]) => `${name} AS (${body})`).join(', ')} SELECT ${int(`MIN(${E})`)} AS ${q('cx_from')}, ${int(`MAX(CASE WHEN ${stop} IS NULL THEN ${E} ELSE ${stop} END)`)} AS ${q('cx_to')} FROM cx_known WHERE ${q('cx_why')} IS NULL AND (${stop} IS NULL OR ${stop} > ${E})`
    return { sql, columns: ['cx_from', 'cx_to'] }
  }
  if (kind === 'cohort') cohortParts()
  else changes('', p.bounds, true, true)
  if (days !== null) changes('_day', days, true, kind === 'retention')
  if (kind === 'churn' && days !== null) {
    // The churn events the policies count in each period are its last ones: per day, how many.
    const grouped = `PARTITION BY ${part}, ${u}`
    const full = `${grouped} ORDER BY ${at} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING`
    const isStop = `CASE WHEN ${w} > 0 AND ${v} = 0 THEN 1 ELSE 0 END`
    ctes.push([
      'cx_stops',
      `SELECT ${carried}, ${at}, ${isStop} AS ${q('cx_stop')}, SUM(${isStop}) OVER (${grouped}) AS ${q('cx_gs')}, SUM(CASE WHEN ${w} = 0 AND ${v} > 0 AND ${i} > 1 THEN 1 ELSE 0 END) OVER (${grouped}) AS ${q('cx_gr')}, MAX(CASE WHEN ${i} = 1 THEN 1 ELSE 0 END) OVER (${grouped}) AS ${q('cx_gf')}, first_value(${w}) OVER (${full}) AS ${q('cx_g0')}, last_value(${v}) OVER (${full}) AS ${q('cx_g1')}, SUM(${isStop}) OVER (${grouped} ORDER BY ${at} DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${q('cx_sr')} FROM cx_marked WHERE ${u} BETWEEN 1 AND ${p.bounds.length - 1}`,
    ])
    const [g0, g1, gs, gr, gf] = ['cx_g0', 'cx_g1', 'cx_gs', 'cx_gr', 'cx_gf'].map(q) as [
      string,
      string,
      string,
      string,
      string,
    ]
    // The policies of _countChurn, as SQL: pairs of a stop and a return dropped, then a join and churn.
    let stops = gs
    if (plan.variant.churnedAndReactivated === 'exclude')
      stops = `(${gs} - CASE WHEN ${g0} > 0 THEN ${gr} ELSE greatest(0, ${gf} + ${gr} - 1) END)`
    if (plan.variant.joinedAndChurned === 'exclude')
      stops = `(${stops} - CASE WHEN ${g0} = 0 AND ${g1} = 0 AND ${stops} > 0 THEN 1 ELSE 0 END)`
    ctes.push([
      'cx_counted',
      `SELECT ${keys.length === 0 ? '' : `${keys.join(', ')}, `}${boundIndex(at, days)} AS ${u} FROM cx_stops WHERE ${q('cx_stop')} = 1 AND ${q('cx_sr')} <= ${stops}`,
    ])
    output(
      'stops',
      'cx_counted',
      { cx_u: int(u), cx_n: int('COUNT(*)') },
      `GROUP BY ${[...keys, u].join(', ')}`,
    )
  }
  if (kind === 'retention') {
    // Each line's value just before each cohort instant and each period's end: the span covering it.
    const starts = plan.cohortStarts
    const instants = _valuesTable(
      dialect,
      'cx_instants',
      ['cx_k', 'cx_a', 'cx_b'],
      p.periods.map((period, k) => [k, starts[k] as number, period.end]),
    )
    const covers = (x: string) =>
      `${q('cx_pt')}.${at} < ${x} AND (${q('cx_pt')}.${next} IS NULL OR ${q('cx_pt')}.${next} >= ${x})`
    const [a, b] = [`${q('cx_instants')}.${q('cx_a')}`, `${q('cx_instants')}.${q('cx_b')}`]
    const pointCols = [...keys, ...line].map((x) => `${q('cx_pt')}.${x}`).join(', ')
    ctes.push([
      'cx_cover',
      `SELECT ${pointCols}, ${q('cx_instants')}.${q('cx_k')} AS ${q('cx_k')}, SUM(CASE WHEN ${covers(a)} THEN ${q('cx_pt')}.${v} ELSE 0 END) AS ${q('cx_v0')}, SUM(CASE WHEN ${covers(b)} THEN ${q('cx_pt')}.${v} ELSE 0 END) AS ${q('cx_v1')} FROM cx_points AS ${q('cx_pt')} CROSS JOIN ${instants} WHERE ${q('cx_pt')}.${v} > 0 AND ((${covers(a)}) OR (${covers(b)})) GROUP BY ${pointCols}, ${q('cx_instants')}.${q('cx_k')}`,
    ])
    const [v0, v1] = [q('cx_v0'), q('cx_v1')]
    output(
      'cohort',
      'cx_cover',
      {
        cx_u: int(q('cx_k')),
        cx_n: int('COUNT(*)'),
        cx_s0: int(`SUM(${v0})`),
        cx_s1: int(`SUM(${v1})`),
        cx_s2: int(`SUM(least(${v0}, ${v1}))`),
      },
      `WHERE ${v0} > 0 GROUP BY ${[...keys, q('cx_k')].join(', ')}`,
    )
  }
  // The query's own names (never a user's) are written bare: every dialect reads them so.
  const sql = `WITH ${ctes.map(([name, body]) => `${name} AS (${body})`).join(', ')} ${selects.join(' UNION ALL ')}`
  return { sql, columns: ['cx_part', ...keys.map((_, k) => `cx_key${k}`), ...OUT.slice(1)] }
}

/** An integer cell as drivers return it (number, bigint, decimal text), exact, or a TypeError. */
function integer(fn: string, arg: string, x: unknown): number {
  const n = typeof x === 'bigint' ? Number(x) : typeof x === 'string' && /^-?\d+$/.test(x) ? Number(x) : x
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw _typeError(fn, arg, 'an exact integer', x)
  return n
}

/** A movement by the class the query gives a line's change (0 and 5: none). */
const MOVEMENT: readonly [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 2],
  [2, 1],
  [1, 1],
]

/** The output of a subscription KPI from its query's rows (cells in `columns` order). */
export function _subscriptionResult(fn: string, spec: WarehouseSpec, table: readonly unknown[][]): unknown {
  const { kind, config, p, days, plan } = planOf(fn, spec)
  const dims = (spec.dimensions ?? []).length
  const cell = (row: readonly unknown[], name: string): unknown => row[OUT.indexOf(name) + dims]
  const int = (row: readonly unknown[], r: number, name: string) =>
    integer(fn, `rows[${r}].${name}`, cell(row, name))
  type Row = { readonly row: readonly unknown[]; readonly r: number; readonly key: string }
  const build = (rows: readonly Row[]): unknown => {
    const excluded: ExclusionCounts<SubscriptionExclusion> = {
      missing: 0,
      invalid: 0,
      trial: 0,
      free: 0,
      pending: 0,
    }
    let n = 0
    const currencies = new Set<string>()
    for (const { row, r } of rows) {
      const part = row[0]
      if (part === 'excluded') {
        const reason = String(cell(row, 'cx_text')) as keyof typeof excluded
        if (!Object.hasOwn(excluded, reason)) throw _typeError(fn, `rows[${r}].cx_text`, 'a reason', reason)
        excluded[reason] += int(row, r, 'cx_n')
      } else if (part === 'counted') n += int(row, r, 'cx_n')
      else if (part === 'currency') currencies.add(String(cell(row, 'cx_text')))
    }
    const expected = config.currency
    const other = [...currencies].find((x) => expected !== null && x !== expected)
    if (other !== undefined || (expected === null && currencies.size > 1)) {
      const [a, b] = expected === null ? [...currencies].sort() : [other as string, expected]
      throw new KpiError(
        'incompatible-input',
        `${spec.kpi}: subscriptions are in ${a} but the computation is in ${b}; convert first`,
        { kpi: spec.kpi, value: a },
      )
    }
    const currency = n === 0 ? null : (expected ?? [...currencies][0] ?? null)
    /** Prefix sums of a difference array over bound indices: the count and value just before each bound. */
    const levels = (part: string, length: number) => {
      const dn = new Array<number>(length + 1).fill(0)
      const dv = new Array<number>(length + 1).fill(0)
      for (const { row, r } of rows)
        if (row[0] === part) {
          const j = int(row, r, 'cx_u')
          dn[j] = (dn[j] as number) + int(row, r, 'cx_n')
          dv[j] = (dv[j] as number) + int(row, r, 'cx_s0')
        }
      const count = new Array<number>(length).fill(0)
      const value = new Array<number>(length).fill(0)
      for (let j = 0, a = 0, s = 0; j < length; j++) {
        a += dn[j] as number
        s += dv[j] as number
        count[j] = a
        value[j] = s
      }
      return { count, value }
    }
    /** Each row of a changes part: its period, the line's class, and how many lines. */
    const eachChange = (
      part: string,
      visit: (
        k: number,
        cls: number,
        first: boolean,
        stops: number,
        restarts: number,
        times: number,
        sum: number,
      ) => void,
    ) => {
      for (const { row, r } of rows)
        if (row[0] === part)
          visit(
            int(row, r, 'cx_u') - 1,
            int(row, r, 'cx_cl'),
            int(row, r, 'cx_f') === 1,
            int(row, r, 'cx_st'),
            int(row, r, 'cx_re'),
            int(row, r, 'cx_n'),
            int(row, r, 'cx_s0'),
          )
    }
    const movements = (part: string, bounds: readonly number[]) => {
      const out = new _Movements(bounds)
      eachChange(part, (k, cls, first, _s, _r, times, sum) => {
        const [v0, v1] = MOVEMENT[cls] as [number, number]
        const movement = _movementOf(v0, v1, first)
        if (movement !== null) out.count(k, movement, Math.abs(sum), times)
      })
      return out
    }
    if (kind === 'cohort') {
      // The key's own grid, from its first and last instants, and where it starts in the query's.
      let first = Number.POSITIVE_INFINITY
      let last = Number.NEGATIVE_INFINITY
      // Without any subscription counted, the span of no rows is a row of NULLs.
      for (const { row, r } of rows)
        if (row[0] === 'span' && cell(row, 'cx_s0') !== null) {
          first = Math.min(first, int(row, r, 'cx_s0'))
          last = Math.max(last, int(row, r, 'cx_s1'))
        }
      const [from, to] = spanOf(fn, spec)
      const whole = _cohortGrid(plan.spec, from, to)
      const grid = _cohortGrid(plan.spec, first, last)
      const offset = grid.length === 0 ? 0 : whole.indexOf(grid[0] as number)
      if (offset < 0 || offset + grid.length > whole.length)
        throw _rangeError(
          fn,
          'spec.span',
          `a span that covers the subscriptions (they run from ${new Date(first).toISOString()} to ${new Date(last).toISOString()})`,
          spec.span,
        )
      const t = _cohortTable(plan.spec, grid)
      for (const { row, r } of rows) {
        const part = row[0]
        if (part !== 'size' && part !== 'cell') continue
        const c = int(row, r, 'cx_u') - offset
        if (part === 'size') t.cohort(c, int(row, r, 'cx_n'), int(row, r, 'cx_s0'))
        else t.cells(c, int(row, r, 'cx_cl'), int(row, r, 'cx_st'), int(row, r, 'cx_s0'))
      }
      return t.finish({ excluded: { ...excluded, otherEvent: 0 } })
    }
    if (kind === 'churn') {
      const t = plan.tally(n, excluded)
      t.atBound = levels('levels', p.bounds.length).count
      eachChange('changes', (k, cls, first, stops, restarts, times) =>
        _countChurn(t, plan.variant, k, cls >= 2, first, cls === 0 || cls === 2, stops, restarts, times),
      )
      if (days !== null) {
        t.dayActive = levels('levels_day', days.length).count
        const churnedOn = new Array<number>(days.length).fill(0)
        for (const { row, r } of rows)
          if (row[0] === 'stops') {
            const j = int(row, r, 'cx_u') - 1
            churnedOn[j] = (churnedOn[j] as number) + int(row, r, 'cx_n')
          }
        t.churnedOn = churnedOn
      }
      return plan.result(t)
    }
    if (kind === 'mrr') {
      const at = levels('levels', p.bounds.length)
      return plan.result(
        {
          n,
          excluded,
          currency,
          atCount: at.count,
          atValue: at.value,
          movements: movements('changes', p.bounds),
        },
        null,
      )
    }
    const t = plan.tally({ n, excluded, currency })
    t.atValue = levels('levels', p.bounds.length).value
    t.movements = movements('changes', p.bounds)
    if (days !== null) {
      t.dayValue = levels('levels_day', days.length).value
      t.dayMovements = movements('changes_day', days)
    }
    for (const { row, r } of rows)
      if (row[0] === 'cohort') {
        const k = int(row, r, 'cx_u')
        t.members[k] = (t.members[k] as number) + int(row, r, 'cx_n')
        t.base[k] = (t.base[k] as number) + int(row, r, 'cx_s0')
        t.kept[k] = (t.kept[k] as number) + int(row, r, 'cx_s1')
        t.capped[k] = (t.capped[k] as number) + int(row, r, 'cx_s2')
      }
    return plan.result(t)
  }
  const all = table.map((row, r): Row => {
    if (typeof row[0] !== 'string') throw _typeError(fn, `rows[${r}].cx_part`, 'a part of the query', row[0])
    const key = row
      .slice(1, 1 + dims)
      .map((x) => String((typeof x === 'bigint' ? String(x) : x) ?? ''))
      .join(' / ')
    return { row, r, key }
  })
  if (dims === 0) return build(all)
  // By key, as byKey builds its result: the rows of each key make that key's tally.
  const perKey: AnyAggregator = {
    kpi: spec.kpi,
    init: () => [] as Row[],
    add: (rows: Row[], row: Row) => {
      rows.push(row)
      return rows
    },
    merge: (a: Row[], b: Row[]) => a.concat(b),
    result: (rows: Row[]) => build(rows),
  }
  const agg = byKey(perKey, (row: Row) => row.key) as AnyAggregator
  let state = agg.init()
  all.forEach((row, r) => {
    state = agg.add(state, row, r)
  })
  return agg.result(state)
}

/** The span of a cohort table's subscriptions from the rows of its first query; a day at 1970 when there are none. */
export function _cohortSpanOfRows(fn: string, rows: Iterable<unknown>): { from: number; to: number } {
  const [row] = [...rows]
  const cells = Array.isArray(row)
    ? row
    : [(row as Record<string, unknown>)?.cx_from, (row as Record<string, unknown>)?.cx_to]
  if (cells[0] === null || cells[0] === undefined) return { from: 0, to: 0 }
  return { from: integer(fn, 'rows[0].cx_from', cells[0]), to: integer(fn, 'rows[0].cx_to', cells[1]) }
}
