// cx-metrics/sql: the KPIs' states computed inside a warehouse — the SQL, and its rows read back.
export type { DefinitionFilter } from '../definitions/_types.ts'
export type { SqlDialect } from './_dialects.ts'
export type {
  WarehouseKpis,
  WarehouseObservationColumns,
  WarehouseOutput,
  WarehouseSpec,
  WarehouseSubscriptionColumns,
  WarehouseTicketColumns,
  WarehouseTime,
  WarehouseTransactionColumns,
} from './_spec.ts'
export { inWarehouse, type RunQuery } from './inWarehouse.ts'
export { type WarehouseQuery, warehouseQuery } from './warehouseQuery.ts'
export { type WarehouseAnswer, warehouseResult } from './warehouseResult.ts'
