import { _typeError } from '../core/_assert.ts'
import { _Params } from './_dialects.ts'
import { _needsSpan, _spanOfRows, _spanSql } from './_durations.ts'
import { _checkSpec, type WarehouseKpis, type WarehouseOutput, type WarehouseSpec } from './_spec.ts'
import { _cohortSpanOfRows, _needsCohortSpan, _subscriptionSql } from './_subscriptions.ts'
import { type WarehouseQuery, warehouseQuery } from './warehouseQuery.ts'
import { warehouseResult } from './warehouseResult.ts'

/**
 * Runs a query with the user's client: given the query, it returns its rows (objects by column name,
 * or arrays in `query.columns` order).
 * @category Warehouse
 */
export type RunQuery = (query: WarehouseQuery) => Promise<Iterable<unknown>> | Iterable<unknown>

/**
 * Computes a KPI inside the warehouse with any client: writes the query ({@link warehouseQuery}), runs
 * it with `run`, and reads its rows back ({@link warehouseResult}). No driver is inside the library.
 *
 * @example
 * ```ts
 * // With node-postgres: const run = async (q) => (await pool.query(q.sql, [...q.params])).rows
 * const run = () => [{ cx_date: null, cx_value: '9', cx_count: '3' }, { cx_date: null, cx_value: '4', cx_count: '1' }]
 * const nps = await inWarehouse({ dialect: 'postgres', kpi: 'nps', table: 'responses', value: 'score' }, run)
 * nps.value //=> 50
 * ```
 * @category Warehouse
 */
export async function inWarehouse<const K extends keyof WarehouseKpis, const S extends WarehouseSpec<K>>(
  spec: S & WarehouseSpec<K>,
  run: RunQuery,
): Promise<WarehouseOutput<S>> {
  const fn = 'inWarehouse'
  if (typeof run !== 'function')
    throw _typeError(fn, 'run', 'a function that runs a query and returns its rows', run)
  let full: S & WarehouseSpec<K> = spec
  // A first question, when the main query needs the span of the data: its rows.
  const ask = async (
    write: (params: _Params) => { sql: string; columns: readonly string[] },
  ): Promise<Iterable<unknown>> => {
    _checkSpec(fn, spec)
    const params = new _Params(spec.dialect)
    const { sql, columns } = write(params)
    return await run({
      dialect: spec.dialect,
      sql,
      params: params.values,
      namedParams: params.named(),
      columns,
      spec,
    })
  }
  // A cohort table: its grid is cut from the subscriptions' first and last instants.
  if (_needsCohortSpan(spec))
    full = { ...spec, span: _cohortSpanOfRows(fn, await ask((p) => _subscriptionSql(fn, spec, p, true))) }
  // Business hours without a span or a range: the span the tickets take.
  if (_needsSpan(spec)) full = { ...spec, span: _spanOfRows(fn, await ask((p) => _spanSql(fn, spec, p))) }
  const query = warehouseQuery(full)
  return warehouseResult(query, await run(query as WarehouseQuery)).result
}
