// The columns a field's mapping reads: one column, or one per key of an object field.
import type { ColumnMapping, ColumnsMapping } from './_types.ts'

/** Whether a mapping builds an object from several columns. */
export function _isColumns(m: ColumnMapping | ColumnsMapping): m is ColumnsMapping {
  return Object.hasOwn(m, 'columns')
}

/** The dataset columns a mapping reads. */
export function _mappedColumns(m: ColumnMapping | ColumnsMapping): string[] {
  return _isColumns(m) ? Object.values(m.columns) : [m.column]
}
