// The RFM summary in the warehouse: the query computes each customer's summary itself — purchase days
// in the zone's calendar, their totals in whole minor units, the first day, the repeat days and the
// holdout days — so that one row per customer crosses the wire, not one per purchase. The summary's
// rules are the library's (rfmSummary): a day is one occasion, the first one is not a repeat, amounts
// are rounded to minor units per transaction (half up, as Math.round) and summed exactly.
import { _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import { _compareIds } from '../core/_order.ts'
import { KpiError } from '../core/KpiError.ts'
import { parseInstant } from '../core/parseInstant.ts'
import type { DefinitionFilter } from '../definitions/_types.ts'
import {
  type RfmCustomer,
  type RfmSummaryOptions,
  type RfmSummaryResult,
  rfmSummaryAggregator,
} from '../economics/rfmSummary.ts'
import {
  _engineDay,
  _epochMs,
  _fence,
  _floorDay,
  _MAX_TIME,
  _MIN_TIME,
  type _Params,
  _quote,
  type SqlDialect,
} from './_dialects.ts'
import { _identifier, _table } from './_identifier.ts'
import { _offsetCase, _offsets } from './_offsets.ts'
import { _where } from './_where.ts'

/** What the RFM summary reads of a warehouse spec (its type is the spec's; kept here apart from it). */
interface WarehouseSpec {
  readonly dialect: SqlDialect
  readonly table: string | readonly string[]
  readonly value?: unknown
  readonly columns?: object
  readonly options?: Readonly<Record<string, unknown>>
  readonly filters?: readonly DefinitionFilter[]
  readonly time?: unknown
  readonly dimensions?: readonly string[]
}

/** The columns of an RFM summary's rows, in order. */
export const _RFM_COLUMNS: readonly string[] = [
  'cx_kind',
  'cx_customer',
  'cx_first',
  'cx_x',
  'cx_last',
  'cx_sum',
  'cx_hx',
  'cx_hsum',
  'cx_n',
]

const DAY = 86_400_000
const SPAN: readonly [number, number] = [Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1)]

/** The checked options, and what the query needs of them: day numbers and the minor unit. */
function options(fn: string, spec: WarehouseSpec) {
  const o = (spec.options ?? {}) as unknown as RfmSummaryOptions
  // The KPI's own checks of its options.
  const agg = rfmSummaryAggregator(o)
  const zone = o.timeZone ?? 'UTC'
  const day = (x: unknown) => {
    const t = parseInstant(x) as number
    const [offset] = _offsets(zone, t, t + 1).offsets
    return Math.floor((t + (offset as number)) / DAY)
  }
  const calibrationEnd = day(o.calibrationEnd)
  const holdoutEnd = o.holdoutEnd === undefined ? null : day(o.holdoutEnd)
  if (o.inputTimeZone !== undefined)
    throw _typeError(
      fn,
      'spec.options.inputTimeZone',
      'no input zone (the column holds instants)',
      o.inputTimeZone,
    )
  return { agg, zone, calibrationEnd, holdoutEnd, minor: 10 ** (o.minorUnits ?? 2) }
}

/** The checked columns of an RFM spec: the customer, the instant and, optionally, the amount. */
function columns(fn: string, spec: WarehouseSpec): { customerId: string; at: string; amount?: string } {
  const given = spec.columns as Record<string, unknown> | undefined
  if (spec.value !== undefined)
    throw _typeError(fn, 'spec.value', 'no value: the RFM summary reads `spec.columns`', spec.value)
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw _typeError(fn, 'spec.columns', 'the columns of a transaction: { customerId, at, amount }', given)
  _knownKeys(fn, 'spec.columns', given, ['customerId', 'at', 'amount'])
  for (const f of ['customerId', 'at'])
    if (given[f] === undefined) throw _typeError(fn, `spec.columns.${f}`, `the column of ${f}`, undefined)
  return given as { customerId: string; at: string; amount?: string }
}

/** Checks an RFM spec: no periods or dimensions (the summary is one table of customers). */
export function _checkRfm(fn: string, spec: WarehouseSpec): void {
  if (spec.time !== undefined)
    throw _typeError(
      fn,
      'spec.time',
      'no periods (the RFM summary has its own calibration period)',
      spec.time,
    )
  if ((spec.dimensions ?? []).length > 0)
    throw _typeError(
      fn,
      'spec.dimensions',
      'no dimensions (the RFM summary is one row per customer)',
      spec.dimensions,
    )
  columns(fn, spec)
  options(fn, spec)
}

/** The value of `x` at the least `key` of the group, in the dialects with such an aggregate; PostgreSQL has none. */
function firstValue(dialect: SqlDialect, x: string, key: string): string | null {
  switch (dialect) {
    case 'duckdb':
      return `arg_min(${x}, ${key})`
    case 'snowflake':
    case 'bigquery':
      return `MIN_BY(${x}, ${key})`
    case 'spark':
      return `min_by(${x}, ${key})`
    case 'clickhouse':
      return `argMin(${x}, ${key})`
    case 'postgres':
      return null
  }
}

/** The SQL of an RFM summary. */
export function _rfmSql(fn: string, spec: WarehouseSpec, params: _Params): string {
  const { dialect } = spec
  const q = (name: string) => _quote(dialect, name)
  const c = columns(fn, spec)
  const o = options(fn, spec)
  const table = _table(fn, 'spec.table', dialect, spec.table)
  const customer = _identifier(fn, 'spec.columns.customerId', dialect, c.customerId)
  const at = _identifier(fn, 'spec.columns.at', dialect, c.at)
  const amount = c.amount === undefined ? '0' : _identifier(fn, 'spec.columns.amount', dialect, c.amount)
  // Placeholders in text order: the zone, then the filters.
  const zone = params.add(o.zone)
  const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
  const lastDay = o.holdoutEnd ?? o.calibrationEnd
  const cal = o.calibrationEnd
  const [ms, ts, a, cust] = [q('cx_ms'), q('cx_ts'), q('cx_a'), q('cx_c')]
  const [from, to] = SPAN
  const offsets = _offsets(o.zone, from, to)
  const day = `CASE WHEN ${ms} < ${from} OR ${ms} >= ${to} THEN ${_engineDay(dialect, ts, zone)} ELSE ${_floorDay(dialect, `${ms} + ${_offsetCase(ms, offsets)}`)} END`
  // Whole minor units, half up as Math.round; beyond what a double holds exactly, invalid.
  const cents = `FLOOR(COALESCE(${a}, 0) * ${o.minor} + 0.5)`
  const rows =
    [
      `SELECT ${customer} AS ${cust}, ${_epochMs(dialect, at)} AS ${ms}, ${at} AS ${ts}, ${amount} AS ${a}`,
      `FROM ${table}`,
      ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
    ].join(' ') + _fence(dialect)
  const [r, d, k, first, local] = [q('cx_r'), q('cx_day'), q('cx_cents'), q('cx_first'), q('cx_local')]
  // The local day, computed once per row (the zone's placeholder written once).
  const located = `SELECT ${cust}, ${ms}, ${a}, ${day} AS ${local} FROM (${rows}) AS ${q('cx_rows')}`
  const reason = [
    'CASE',
    `WHEN ${cust} IS NULL OR ${ms} IS NULL THEN 'missing'`,
    `WHEN NOT (ABS(${cents}) <= 9007199254740991) THEN 'invalid'`,
    `WHEN ${ms} < ${_MIN_TIME} OR ${ms} >= ${_MAX_TIME} THEN 'invalid'`,
    `WHEN ${local} > ${lastDay} THEN 'outOfRange'`,
    `ELSE 'ok' END`,
  ].join(' ')
  // Each transaction with its reason; a left-out one keeps no customer or day, so that the day totals
  // below hold one group per reason besides the customers' days.
  const reasons = `SELECT ${cust}, ${reason} AS ${r}, ${local} AS ${d}, ${cents} AS ${k} FROM (${located}) AS ${q('cx_located')}`
  const tx = `SELECT CASE WHEN ${r} = 'ok' THEN ${cust} END AS ${cust}, ${r}, CASE WHEN ${r} = 'ok' THEN ${d} END AS ${d}, CASE WHEN ${r} = 'ok' THEN ${k} ELSE 0 END AS ${k} FROM (${reasons}) AS ${q('cx_reasons')}`
  const days = `SELECT ${cust}, ${r}, ${d}, SUM(${k}) AS ${k}, COUNT(*) AS ${q('cx_k')} FROM (${tx}) AS ${q('cx_tx')} GROUP BY ${cust}, ${r}, ${d}`
  const onDay = `${d} <= ${cal}`
  const holdout = [
    `SUM(CASE WHEN ${d} > ${cal} THEN 1 ELSE 0 END) AS ${q('cx_hx')}`,
    `SUM(CASE WHEN ${d} > ${cal} THEN ${k} ELSE 0 END) AS ${q('cx_hsum')}`,
  ]
  // The first day's total, where the engine has an aggregate for "the value at the least key": the
  // customer's figures are then sums over their days less the first one's, without a window function.
  const atFirst = firstValue(dialect, k, d)
  const customers =
    atFirst === null
      ? [
          `SELECT 'customer' AS ${q('cx_kind')}, ${cust} AS ${q('cx_customer')}, ${first} AS ${q('cx_first')}`,
          `SUM(CASE WHEN ${d} > ${first} AND ${onDay} THEN 1 ELSE 0 END) AS ${q('cx_x')}`,
          `MAX(CASE WHEN ${onDay} THEN ${d} END) AS ${q('cx_last')}`,
          `SUM(CASE WHEN ${d} > ${first} AND ${onDay} THEN ${k} ELSE 0 END) AS ${q('cx_sum')}`,
          ...holdout,
          `SUM(${q('cx_k')}) AS ${q('cx_n')} FROM (SELECT ${cust}, ${d}, ${k}, ${q('cx_k')}, MIN(${d}) OVER (PARTITION BY ${cust}) AS ${first} FROM cx_days WHERE ${r} = 'ok') AS ${q('cx_firsts')} GROUP BY ${cust}, ${first}`,
        ].join(', ')
      : [
          `SELECT 'customer' AS ${q('cx_kind')}, ${cust} AS ${q('cx_customer')}, MIN(${d}) AS ${q('cx_first')}`,
          // Days up to the end of calibration, less the first (when it is one of them).
          `SUM(CASE WHEN ${onDay} THEN 1 ELSE 0 END) - CASE WHEN MIN(${d}) <= ${cal} THEN 1 ELSE 0 END AS ${q('cx_x')}`,
          `MAX(CASE WHEN ${onDay} THEN ${d} END) AS ${q('cx_last')}`,
          `SUM(CASE WHEN ${onDay} THEN ${k} ELSE 0 END) - CASE WHEN MIN(${d}) <= ${cal} THEN ${atFirst} ELSE 0 END AS ${q('cx_sum')}`,
          ...holdout,
          `SUM(${q('cx_k')}) AS ${q('cx_n')} FROM cx_days WHERE ${r} = 'ok' GROUP BY ${cust}`,
        ].join(', ')
  const excluded = `SELECT ${r}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ${q('cx_k')} FROM cx_days WHERE ${r} <> 'ok'`
  return `WITH cx_days AS (${days}) ${customers} UNION ALL ${excluded}`
}

const num = (x: unknown): number =>
  typeof x === 'bigint' ? Number(x) : typeof x === 'string' ? Number(x) : (x as number)

/** The RFM summary of the query's rows: one per customer, and one per reason transactions were left out. */
export function _rfmResult(fn: string, spec: WarehouseSpec, rows: readonly unknown[][]): RfmSummaryResult {
  const o = options(fn, spec)
  const empty = o.agg.result(o.agg.init())
  const unitDays = empty.unitDays
  const excluded: Record<string, number> = { ...empty.excluded }
  const customers: RfmCustomer[] = []
  let n = 0
  let late = 0
  // Each first day's text once: customers share days.
  const dates = new Map<number, string>()
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown[]
    const kind = row[0]
    const count = row[8]
    const k = num(count)
    if (!Number.isSafeInteger(k) || k < 0) throw _typeError(fn, `rows[${i}].cx_n`, 'a count of rows', count)
    if (kind !== 'customer') {
      if (kind !== 'missing' && kind !== 'invalid' && kind !== 'outOfRange')
        throw _typeError(fn, `rows[${i}].cx_kind`, "'customer' or a reason", kind)
      // As in memory under onInvalid: 'throw', a transaction left out as missing or invalid throws.
      if (k > 0 && (spec.options?.onInvalid ?? 'exclude') === 'throw' && kind !== 'outOfRange')
        throw new KpiError(
          'invalid-observation',
          `rfmSummary: ${k} transactions in the warehouse are ${kind}`,
          {
            kpi: 'rfmSummary',
            index: i,
            value: k,
            reason: kind,
          },
        )
      excluded[kind] = (excluded[kind] ?? 0) + k
      continue
    }
    n += k
    const f = num(row[2])
    if (f > o.calibrationEnd) {
      late++
      continue
    }
    const repeats = num(row[3])
    let firstPurchase = dates.get(f)
    if (firstPurchase === undefined) {
      firstPurchase = new Date(f * DAY).toISOString().slice(0, 10)
      dates.set(f, firstPurchase)
    }
    const customerId = String(row[1])
    const frequency = repeats
    const recency = repeats === 0 ? 0 : (num(row[4]) - f) / unitDays
    const T = (o.calibrationEnd - f) / unitDays
    const monetaryValue = repeats === 0 ? 0 : num(row[5]) / repeats / o.minor
    if (o.holdoutEnd === null)
      customers.push({ customerId, frequency, recency, T, monetaryValue, firstPurchase })
    else {
      const holdout = num(row[6])
      customers.push({
        customerId,
        frequency,
        recency,
        T,
        monetaryValue,
        firstPurchase,
        holdoutFrequency: holdout,
        holdoutMonetaryValue: holdout === 0 ? 0 : num(row[7]) / holdout / o.minor,
      })
    }
  }
  customers.sort((p, q) => _compareIds(p.customerId, q.customerId))
  return {
    ...empty,
    customers,
    n,
    excluded: excluded as RfmSummaryResult['excluded'],
    firstAfterCalibration: late,
  }
}
