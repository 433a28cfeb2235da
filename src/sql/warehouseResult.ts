import { _typeError } from '../core/_assert.ts'
import { _fromWallClock } from '../core/_wallClock.ts'
import { _AFTER, _BEFORE, _OUTSIDE } from './_dialects.ts'
import { _DURATION_KPIS, _periodDate } from './_durations.ts'
import { _rfmResult } from './_rfm.ts'
import { _bounds, _checkSpec, type _Item, type WarehouseOutput, type WarehouseSpec } from './_spec.ts'
import { _subscriptionResult } from './_subscriptions.ts'
import type { WarehouseQuery } from './warehouseQuery.ts'

/**
 * What a query's rows become: the aggregator's state (plain JSON, to merge with the states of other
 * partitions or of a fold in memory) and the result.
 * @category Warehouse
 */
export interface WarehouseAnswer<S extends WarehouseSpec> {
  /**
   * The state, exactly the one a fold of the same rows builds; `null` for the RFM summary, first
   * reply and resolution times and the subscription KPIs, whose queries compute their tallies
   * themselves (the per-day totals, the durations and the customers' spans stay in the warehouse).
   */
  readonly state: unknown
  /** The result. */
  readonly result: WarehouseOutput<S>
}

/** A count or a value as drivers return it: `bigint` (DuckDB), decimal text (PostgreSQL's bigint). */
function count(fn: string, i: number, x: unknown): number {
  const n = typeof x === 'bigint' ? Number(x) : typeof x === 'string' && /^\d+$/.test(x) ? Number(x) : x
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
    throw _typeError(fn, `rows[${i}].cx_count`, 'a count of rows', x)
  return n
}
const value = (x: unknown): unknown =>
  typeof x === 'bigint'
    ? x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(x)
      : String(x)
    : x

/**
 * Turns the rows of a {@link warehouseQuery} into the aggregator's state and the KPI's result. Rows are
 * objects by column name (what `pg`, BigQuery, Snowflake and most clients return) or arrays in the
 * order of `query.columns` (DuckDB's `getRows()`). Each row's value goes through the KPI itself — a
 * decimal string, a score off the scale, a `NULL` are read, excluded and counted exactly as in memory,
 * and so do its date and key through the period and key rules — and its count is added by merging the
 * KPI's state with itself, so the cost follows the number of rows, not the number of responses they
 * count (rows left out before the KPI, with no date or out of the range, are counted one by one).
 *
 * @example
 * ```ts
 * const q = warehouseQuery({ dialect: 'duckdb', kpi: 'nps', table: 'responses', value: 'score' })
 * warehouseResult(q, [[null, 10, 6n], [null, 7, 3n], [null, 2, 1n], [null, 11, 2n]]).result.value //=> 50
 * ```
 * @category Warehouse
 */
export function warehouseResult<S extends WarehouseSpec>(
  query: WarehouseQuery<S>,
  rows: Iterable<unknown>,
): WarehouseAnswer<S> {
  const fn = 'warehouseResult'
  if (
    query === null ||
    typeof query !== 'object' ||
    typeof query.sql !== 'string' ||
    !Array.isArray(query.columns)
  )
    throw _typeError(fn, 'query', 'a query from warehouseQuery', query)
  if (rows === null || typeof (rows as { [Symbol.iterator]?: unknown })?.[Symbol.iterator] !== 'function')
    throw _typeError(fn, 'rows', 'an iterable of rows', rows)
  const spec = query.spec
  const reached = { reached: false }
  const checked = _checkSpec(fn, spec, reached)
  const columns = query.columns
  const dims = (spec.dimensions ?? []).length
  const width = columns.length - 2 - dims
  const zone = spec.time?.timeZone ?? 'UTC'
  const durations = _DURATION_KPIS.includes(spec.kpi)
  const bounds = spec.time === undefined ? { lower: null, upper: null } : _bounds(spec.time)
  // Each local date at noon in the zone: inside that day whatever the zone's transitions.
  const dates = new Map<string, number | null>()
  const dateOf = (i: number, b: unknown): number | string | null => {
    if (b === null || b === undefined) return null
    const text = b instanceof Date ? b.toISOString().slice(0, 10) : String(b)
    // Out of the range (or after asOf): an instant byPeriod counts as outOfRange, whatever the bucket.
    if (text === _OUTSIDE) return text
    if (text === _BEFORE) return (bounds.lower as number) - 1
    if (text === _AFTER) return bounds.upper as number
    // A duration KPI's period, by its ordinal: its first local day.
    if (durations && spec.time !== undefined && /^-?\d{1,7}$/.test(text))
      return dateOf(i, _periodDate(spec.time, Number(text)))
    let t = dates.get(text)
    if (t === undefined) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
      if (m === null) throw _typeError(fn, `rows[${i}].cx_date`, "a date 'YYYY-MM-DD'", b)
      t = _fromWallClock(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12), zone, 'compatible')
      dates.set(text, t)
    }
    // Rows marked neither before nor after are within the bounds, and so is their period's part that
    // holds them: a period that straddles a bound is stood for by the bound.
    if (bounds.lower !== null && t !== null && t < bounds.lower) return bounds.lower
    if (bounds.upper !== null && t !== null && t >= bounds.upper) return bounds.upper - 1
    return t
  }
  const table: unknown[][] = []
  for (const row of rows) {
    const cells: unknown[] = Array.isArray(row)
      ? row
      : row !== null && typeof row === 'object'
        ? columns.map((c) => (row as Record<string, unknown>)[c])
        : []
    if (cells.length !== columns.length)
      throw _typeError(fn, `rows[${table.length}]`, `a row of ${columns.join(', ')}`, row)
    table.push(cells)
  }
  // The RFM summary: the query computed it, one row per customer; the per-day totals stay in the warehouse.
  if (checked === null)
    return {
      state: null,
      result: (spec.kpi === 'rfmSummary'
        ? _rfmResult(fn, spec, table)
        : _subscriptionResult(fn, spec, table)) as unknown as WarehouseOutput<S>,
    }
  const agg = checked
  // In date order, the period of each row is the one of the row before (byPeriod keeps the last one).
  if (spec.time !== undefined) {
    const text = (x: unknown) => (x instanceof Date ? x.toISOString() : String(x ?? ''))
    table.sort((a, b) => (text(a[0]) < text(b[0]) ? -1 : text(a[0]) > text(b[0]) ? 1 : 0))
  }
  let state = agg.init()
  let i = 0
  for (const cells of table) {
    const times = count(fn, i, cells[1 + dims + width])
    const item: _Item = {
      d: spec.time === undefined ? null : dateOf(i, cells[0]),
      k: cells
        .slice(1, 1 + dims)
        .map((x) => String(value(x) ?? ''))
        .join(' / '),
      v: cells.slice(1 + dims, 1 + dims + width).map(value),
      c: times,
    }
    if (times > 0) {
      reached.reached = false
      state = agg.add(state, item, i)
      // Left out before the KPI (no date, out of the range, no key): counted once; count the others.
      if (!reached.reached) for (let k = 1; k < times; k++) state = agg.add(state, { ...item, c: 1 }, i)
    }
    i++
  }
  return { state: durations ? null : state, result: agg.result(state) as WarehouseOutput<S> }
}
