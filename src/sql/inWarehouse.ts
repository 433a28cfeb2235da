import { _typeError } from '../core/_assert.ts'
import type { WarehouseKpis, WarehouseOutput, WarehouseSpec } from './_spec.ts'
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
  if (typeof run !== 'function')
    throw _typeError('inWarehouse', 'run', 'a function that runs a query and returns its rows', run)
  const query = warehouseQuery(spec)
  return warehouseResult(query, await run(query as WarehouseQuery)).result
}
