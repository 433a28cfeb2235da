import { _typeError } from '../core/_assert.ts'
import { _CODECS, type _Codec } from './_codecs.ts'
import {
  _AFTER,
  _BEFORE,
  _dayText,
  _epochMs,
  _fence,
  _OUTSIDE,
  _Params,
  _quote,
  type SqlDialect,
} from './_dialects.ts'
import { _DURATION_KPIS, _durationSql } from './_durations.ts'
import { _identifier, _table } from './_identifier.ts'
import { _localDay, _rangeFlag } from './_offsets.ts'
import { _RFM_COLUMNS, _rfmSql } from './_rfm.ts'
import { _bounds, _checkSpec, type WarehouseKpis, type WarehouseSpec } from './_spec.ts'
import { _SUBSCRIPTION_KPIS, _subscriptionSql } from './_subscriptions.ts'
import { _where } from './_where.ts'

/**
 * A query that computes a KPI's states in the warehouse: its SQL, its bound parameters (positional,
 * and by name for the dialects that name them), and the spec that reads its rows back.
 * @category Warehouse
 */
export interface WarehouseQuery<S extends WarehouseSpec = WarehouseSpec> {
  /** The dialect the SQL is written in. */
  readonly dialect: SqlDialect
  /** The SQL text. No value is spliced into it: every value is a parameter. */
  readonly sql: string
  /** The parameters, in placeholder order (`$1`, `?`, `@p1`, `{p1:String}`, `:p1`). */
  readonly params: readonly unknown[]
  /** The parameters by name (`p1`, `p2`…), for BigQuery, ClickHouse and Spark; `null` for the others. */
  readonly namedParams: Readonly<Record<string, unknown>> | null
  /** The columns of each row, in order: the local date, each dimension, the value (ACSI's three), the count. */
  readonly columns: readonly string[]
  /** The spec it was written from. */
  readonly spec: S
}

/** The output columns: their names never come from the user, so that rows are read by name. */
const B = 'cx_date'
const V = 'cx_value'
const N = 'cx_count'

/**
 * The SQL that computes a KPI's states inside the warehouse — NPS, CSAT, CES, ACSI, the response
 * rate, first-contact resolution, SLA attainment, first reply and resolution times, survival, the RFM
 * summary, churn, MRR movements, revenue retention or a cohort table — optionally filtered, windowed by
 * period in a time
 * zone and broken down by columns. The query returns a histogram: one row per local date (or local
 * month), key and distinct cells (a score; for a ticket, what the KPI's rules read), with its count;
 * {@link warehouseResult} turns those rows into the aggregator's states — the library's own parsing,
 * exclusions (a score off the scale is counted, never filtered away) and period rules applied to them —
 * and into the result, identical to folding the rows in memory. Only the histogram crosses the wire.
 * The RFM summary is computed by the query itself: one row per customer (its first day, repeat days and
 * their total, holdout days), and one per reason transactions were left out. So are the statistics of
 * first reply and resolution times, whose percentiles do not merge: one row per period and key, with
 * the engine's exact quantiles, each ticket's class counted, and business time measured against a
 * calendar of the schedule's intervals over `spec.span` that the query joins. The subscription KPIs'
 * queries rebuild each customer's paid value over time with window functions and return, per period
 * and key, the tallies their results are built from (see the warehouse guide).
 *
 * Time: each instant's local day in the zone is integer arithmetic on its epoch milliseconds, with the
 * zone's offsets over 1970–2100 (or the range) taken from the runtime's time-zone data — the data the
 * time layer reads — and written into the query; outside that span the engine's own functions
 * (`AT TIME ZONE`, `timezone()`, `DATE(ts, zone)`, `CONVERT_TIMEZONE`, `toDate(ts, zone)`,
 * `from_utc_timestamp`). The library then puts each date in its period, so ISO weeks, `weekStartsOn`
 * and fiscal years are exactly those of `byPeriod`. Names are checked and quoted per dialect, values bound as
 * parameters: a name from a definition file cannot inject SQL.
 *
 * @example
 * ```ts
 * const q = warehouseQuery({ dialect: 'postgres', kpi: 'nps', table: 'responses', value: 'score' })
 * q.sql //=> 'SELECT NULL AS "cx_date", "score" AS "cx_value", COUNT(*) AS "cx_count" FROM "responses" GROUP BY 2'
 * ```
 * @category Warehouse
 */
export function warehouseQuery<const K extends keyof WarehouseKpis, const S extends WarehouseSpec<K>>(
  spec: S & WarehouseSpec<K>,
): WarehouseQuery<S> {
  const fn = 'warehouseQuery'
  const computed = _checkSpec(fn, spec) === null
  const { dialect } = spec
  const params = new _Params(dialect)
  if (computed && spec.kpi === 'rfmSummary') {
    const sql = _rfmSql(fn, spec, params)
    return { dialect, sql, params: params.values, namedParams: params.named(), columns: _RFM_COLUMNS, spec }
  }
  if (_SUBSCRIPTION_KPIS.includes(spec.kpi)) {
    const { sql, columns } = _subscriptionSql(fn, spec, params)
    return { dialect, sql, params: params.values, namedParams: params.named(), columns, spec }
  }
  if (_DURATION_KPIS.includes(spec.kpi)) {
    const bounds = spec.time === undefined ? { lower: null, upper: null } : _bounds(spec.time)
    const { sql, columns } = _durationSql(fn, spec, params, bounds)
    return { dialect, sql, params: params.values, namedParams: params.named(), columns, spec }
  }
  const q = (name: string) => _quote(dialect, name)
  const table = _table(fn, 'spec.table', dialect, spec.table)
  const selected = (dimensions: readonly (readonly [string, string])[]) =>
    [...dimensions, ...values].map(([c, k]) => `${c} AS ${k}`).join(', ')
  const dims = (spec.dimensions ?? []).map((c, i) => _identifier(fn, `spec.dimensions[${i}]`, dialect, c))
  const time = spec.time
  const keys = dims.map((c, i) => [c, q(`cx_key${i}`)] as const)
  let sql: string
  // The KPI's cells, their values bound after the zone and bounds (placeholders in text order).
  let valueNames: string[] = []
  let values: (readonly [string, string])[] = []
  const cells = () => {
    const sqls = (_CODECS[spec.kpi] as _Codec).cells(fn, spec, dialect, params)
    valueNames = sqls.length === 1 ? [V] : sqls.map((_, i) => `${V}${i}`)
    values = sqls.map((c, i) => [c, q(valueNames[i] as string)] as const)
  }
  if (time === undefined) {
    cells()
    const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
    sql = [
      `SELECT NULL AS ${q(B)}, ${selected(keys)}, COUNT(*) AS ${q(N)}`,
      `FROM ${table}`,
      ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
      `GROUP BY ${[...keys, ...values].map((_, i) => i + 2).join(', ')}`,
    ].join(' ')
  } else {
    const column = _identifier(fn, 'spec.time.column', dialect, time.column)
    // Months, quarters and years are unions of local months; weeks, days and fiscal years that start
    // within a month need the local day.
    const byMonth =
      ['month', 'quarter', 'year'].includes(time.unit) ||
      (time.unit.startsWith('fiscal') && (time.fiscalYearStartDay ?? 1) === 1)
    // The zone first: in Snowflake's `?` style, parameters are bound in the order the text names them.
    const zone = params.add(time.timeZone ?? 'UTC')
    // Rows before the range or from its end (or asOf) on, marked: a day or month may straddle them.
    const { lower, upper } = _bounds(time)
    // Instants the library does not read (before 1900, from 2200 on) are invalid dates, as in memory.
    const flag = _rangeFlag(q('cx_ms'), params, { lower, upper })
    cells()
    const where = (spec.filters ?? []).map((f, i) => _where(fn, `spec.filters[${i}]`, dialect, params, f))
    const [ms, ts, n] = [q('cx_ms'), q('cx_ts'), q('cx_n')]
    const carried = [...keys, ...values].map(([, k]) => k)
    const groups = carried.map((_, i) => i + 2).join(', ')
    const rows =
      [
        `SELECT ${_epochMs(dialect, column)} AS ${ms}, ${column} AS ${ts}, ${selected(keys)}`,
        `FROM ${table}`,
        ...(where.length === 0 ? [] : [`WHERE ${where.join(' AND ')}`]),
      ].join(' ') + _fence(dialect)
    // The local day: from the offsets within the span, from the engine's zone functions outside it.
    const day = _localDay(dialect, ms, ts, zone, time)
    const days = `SELECT ${day} AS ${q('cx_day')}, ${flag} AS ${q('cx_out')}, ${carried.join(', ')}, COUNT(*) AS ${n} FROM (${rows}) AS ${q('cx_rows')} GROUP BY 1, 2, ${carried.map((_, i) => i + 3).join(', ')}`
    const text = _dayText(dialect, q('cx_day'), byMonth)
    const date = `CASE WHEN ${q('cx_out')} = 2 THEN '${_OUTSIDE}' WHEN ${q('cx_out')} = -1 THEN '${_BEFORE}' WHEN ${q('cx_out')} = 1 THEN '${_AFTER}' ELSE ${text} END`
    sql = `SELECT ${date} AS ${q(B)}, ${carried.join(', ')}, SUM(${n}) AS ${q(N)} FROM (${days}) AS ${q('cx_days')} GROUP BY 1, ${groups}`
  }
  if (sql.length > 1_000_000)
    throw _typeError(fn, 'spec.filters', 'filters of a reasonable size', spec.filters?.length)
  return {
    dialect,
    sql,
    params: params.values,
    namedParams: params.named(),
    columns: [B, ...dims.map((_, i) => `cx_key${i}`), ...valueNames, N],
    spec,
  }
}
