// What differs between warehouses: how identifiers are quoted, how a bound parameter is written, and how
// an instant becomes a local date in a time zone. Written by hand: no SQL builder covers these six
// dialects' zone functions and parameter styles together.

/**
 * The SQL dialects a warehouse query is written in.
 * @category Warehouse
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'clickhouse' | 'spark'

/** The dialects, in the order the guide lists them. */
export const _DIALECTS: readonly SqlDialect[] = [
  'duckdb',
  'postgres',
  'bigquery',
  'snowflake',
  'clickhouse',
  'spark',
]

/** The bound parameters of a query being written: each value gets a placeholder of the dialect's style. */
export class _Params {
  readonly values: unknown[] = []
  readonly names: string[] = []
  constructor(private readonly dialect: SqlDialect) {}

  /** The placeholder of a new parameter holding `value`. */
  add(value: string | number | boolean): string {
    this.values.push(value)
    const i = this.values.length
    const name = `p${i}`
    this.names.push(name)
    switch (this.dialect) {
      case 'duckdb':
      case 'postgres':
        return `$${i}`
      case 'bigquery':
        return `@${name}`
      case 'snowflake':
        return '?'
      case 'spark':
        return `:${name}`
      case 'clickhouse': {
        const type =
          typeof value === 'string'
            ? 'String'
            : typeof value === 'boolean'
              ? 'Bool'
              : Number.isInteger(value)
                ? 'Int64'
                : 'Float64'
        return `{${name}:${type}}`
      }
    }
  }
}

/** An identifier quoted for the dialect (it has been checked: it holds no quote character). */
export function _quote(dialect: SqlDialect, name: string): string {
  return dialect === 'bigquery' || dialect === 'clickhouse' || dialect === 'spark'
    ? `\`${name}\``
    : `"${name}"`
}

/**
 * The local calendar date (`'YYYY-MM-DD'` text) of an instant column in a zone, or of the first day of
 * its local month. The column holds instants: `timestamptz` (PostgreSQL, DuckDB), `TIMESTAMP` (BigQuery,
 * Spark with a UTC session), `TIMESTAMP_TZ`/`TIMESTAMP_LTZ` (Snowflake), `DateTime`/`DateTime64`
 * (ClickHouse).
 */
export function _localDate(dialect: SqlDialect, column: string, zone: string, month: boolean): string {
  switch (dialect) {
    case 'postgres':
      return month
        ? `to_char(date_trunc('month', ${column} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`
        : `to_char(${column} AT TIME ZONE ${zone}, 'YYYY-MM-DD')`
    case 'duckdb':
      return month
        ? `strftime(date_trunc('month', timezone(${zone}, ${column})), '%Y-%m-%d')`
        : `strftime(timezone(${zone}, ${column}), '%Y-%m-%d')`
    case 'bigquery':
      return month
        ? `FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(DATE(${column}, ${zone}), MONTH))`
        : `FORMAT_DATE('%Y-%m-%d', DATE(${column}, ${zone}))`
    case 'snowflake':
      return month
        ? `TO_CHAR(DATE_TRUNC('MONTH', CONVERT_TIMEZONE(${zone}, ${column}))::DATE, 'YYYY-MM-DD')`
        : `TO_CHAR(CONVERT_TIMEZONE(${zone}, ${column})::DATE, 'YYYY-MM-DD')`
    case 'clickhouse':
      return month ? `toString(toStartOfMonth(${column}, ${zone}))` : `toString(toDate(${column}, ${zone}))`
    case 'spark':
      return month
        ? `date_format(date_trunc('MONTH', from_utc_timestamp(${column}, ${zone})), 'yyyy-MM-dd')`
        : `date_format(from_utc_timestamp(${column}, ${zone}), 'yyyy-MM-dd')`
  }
}
