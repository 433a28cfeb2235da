// The filter language of definition files, in SQL. Every leaf is made two-valued with COALESCE, so that
// a NULL cell behaves as in memory: it equals only `null`, is different from every value, and fails
// every ordering — and `not` of a failed comparison holds, where SQL's three-valued NOT would drop it.
import { _typeError } from '../core/_assert.ts'
import type { DefinitionFilter } from '../definitions/_types.ts'
import type { _Params, SqlDialect } from './_dialects.ts'
import { _identifier } from './_identifier.ts'

type Scalar = string | number | boolean | null

const OPS: Readonly<Record<string, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=' }

/** Positive infinity as each dialect writes a double. */
export const _INFINITY: Readonly<Record<SqlDialect, string>> = {
  duckdb: "CAST('Infinity' AS DOUBLE)",
  postgres: "CAST('Infinity' AS double precision)",
  bigquery: "CAST('inf' AS FLOAT64)",
  snowflake: "CAST('inf' AS DOUBLE)",
  clickhouse: 'inf',
  spark: "CAST('Infinity' AS DOUBLE)",
}

function scalar(fn: string, arg: string, x: unknown): Scalar {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x
  if (typeof x === 'number' && Number.isFinite(x)) return x
  throw _typeError(fn, arg, 'a string, a finite number, a boolean or null', x)
}

/** The SQL of a filter, its values bound as parameters. */
export function _where(
  fn: string,
  arg: string,
  dialect: SqlDialect,
  params: _Params,
  f: DefinitionFilter,
): string {
  if (typeof f !== 'object' || f === null || Array.isArray(f))
    throw _typeError(
      fn,
      arg,
      'a filter: { column, op, value }, { column, in }, { and }, { or } or { not }',
      f,
    )
  const keys = Object.keys(f).sort().join(',')
  if (keys === 'and' || keys === 'or') {
    const list = (f as { and?: unknown; or?: unknown })[keys as 'and']
    if (!Array.isArray(list) || list.length === 0)
      throw _typeError(fn, `${arg}.${keys}`, 'a non-empty array of filters', list)
    const parts = list.map((g, i) => _where(fn, `${arg}.${keys}[${i}]`, dialect, params, g))
    return `(${parts.join(keys === 'and' ? ' AND ' : ' OR ')})`
  }
  if (keys === 'not')
    return `(NOT ${_where(fn, `${arg}.not`, dialect, params, (f as { not: DefinitionFilter }).not)})`
  if (keys === 'column,in') {
    const c = _identifier(fn, `${arg}.column`, dialect, (f as { column: unknown }).column)
    const values = (f as { in: unknown }).in
    if (!Array.isArray(values)) throw _typeError(fn, `${arg}.in`, 'an array of values', values)
    const given = values.map((x, i) => scalar(fn, `${arg}.in[${i}]`, x))
    const some = given.filter((x): x is string | number | boolean => x !== null)
    const parts =
      some.length === 0 ? [] : [`COALESCE(${c} IN (${some.map((x) => params.add(x)).join(', ')}), FALSE)`]
    if (given.includes(null)) parts.push(`${c} IS NULL`)
    return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`
  }
  if (keys === 'column,op,value') {
    const { column, op, value } = f as { column: unknown; op: unknown; value: unknown }
    const c = _identifier(fn, `${arg}.column`, dialect, column)
    const x = scalar(fn, `${arg}.value`, value)
    if (op === '==') return x === null ? `(${c} IS NULL)` : `COALESCE(${c} = ${params.add(x)}, FALSE)`
    if (op === '!=') return x === null ? `(${c} IS NOT NULL)` : `COALESCE(${c} <> ${params.add(x)}, TRUE)`
    if (typeof op !== 'string' || !Object.hasOwn(OPS, op))
      throw _typeError(fn, `${arg}.op`, "one of '==', '!=', '<', '<=', '>', '>='", op)
    if (x === null) return 'FALSE'
    // NaN fails every ordering in memory; PostgreSQL, DuckDB, Snowflake and Spark order it above
    // every number, so that `> x` and `>= x` also ask for a value not above infinity.
    const finite =
      typeof x === 'number' && (op === '>' || op === '>=') ? ` AND ${c} <= ${_INFINITY[dialect]}` : ''
    return `COALESCE(${c} ${OPS[op]} ${params.add(x)}${finite}, FALSE)`
  }
  throw _typeError(fn, arg, 'a filter: { column, op, value }, { column, in }, { and }, { or } or { not }', f)
}
