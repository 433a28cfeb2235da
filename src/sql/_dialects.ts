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

/** The span of instants the library reads (parseInstant's), 1900 up to 2200, in epoch ms. */
export const _MIN_TIME: number = -2_208_988_800_000
export const _MAX_TIME: number = 7_258_118_400_000

/** What a query writes in its date column for rows before the range, and from its end (or asOf) on. */
export const _BEFORE = 'before'
export const _AFTER = 'after'
/** What it writes for an instant outside the span the library reads (parseInstant's). */
export const _OUTSIDE = 'invalid'

/** The bound parameters of a query being written: each value gets a placeholder of the dialect's style. */
export class _Params {
  readonly values: unknown[] = []
  readonly names: string[] = []
  constructor(private readonly dialect: SqlDialect) {}

  /** Whether the dialect binds parameters by name (BigQuery, ClickHouse, Spark) rather than by position. */
  get byName(): boolean {
    return this.dialect === 'bigquery' || this.dialect === 'clickhouse' || this.dialect === 'spark'
  }

  /** The parameters by name, for the dialects that name them; `null` for the others. */
  named(): Record<string, unknown> | null {
    return this.byName ? Object.fromEntries(this.names.map((n, i) => [n, this.values[i]])) : null
  }

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
 * Epoch milliseconds of an instant column. The column holds instants: `timestamptz` (PostgreSQL, DuckDB),
 * `TIMESTAMP` (BigQuery, Spark with a UTC session), `TIMESTAMP_TZ`/`TIMESTAMP_LTZ` (Snowflake),
 * `DateTime`/`DateTime64` (ClickHouse).
 */
export function _epochMs(dialect: SqlDialect, column: string): string {
  switch (dialect) {
    case 'postgres':
      // date_part is double precision (EXTRACT is numeric, several times slower per row).
      return `CAST(FLOOR(date_part('epoch', ${column}) * 1000) AS bigint)`
    case 'duckdb':
      return `epoch_ms(${column})`
    case 'bigquery':
      return `UNIX_MILLIS(${column})`
    case 'snowflake':
      return `DATE_PART(EPOCH_MILLISECOND, ${column})`
    case 'clickhouse':
      return `toUnixTimestamp64Milli(toDateTime64(${column}, 3))`
    case 'spark':
      return `unix_millis(${column})`
  }
}

/** Days since 1970-01-01 of an instant's local date in a zone, by the engine's own zone functions. */
export function _engineDay(dialect: SqlDialect, column: string, zone: string): string {
  switch (dialect) {
    case 'postgres':
      return `(CAST(${column} AT TIME ZONE ${zone} AS date) - DATE '1970-01-01')`
    case 'duckdb':
      return `datediff('day', DATE '1970-01-01', CAST(timezone(${zone}, ${column}) AS DATE))`
    case 'bigquery':
      return `UNIX_DATE(DATE(${column}, ${zone}))`
    case 'snowflake':
      return `DATEDIFF(day, '1970-01-01'::DATE, CONVERT_TIMEZONE(${zone}, ${column})::DATE)`
    case 'clickhouse':
      return `dateDiff('day', toDate('1970-01-01'), toDate(${column}, ${zone}))`
    case 'spark':
      return `datediff(to_date(from_utc_timestamp(${column}, ${zone})), DATE '1970-01-01')`
  }
}

/** The date of a day number (days since 1970-01-01). */
export function _dateOf(dialect: SqlDialect, day: string): string {
  switch (dialect) {
    case 'postgres':
      return `(DATE '1970-01-01' + CAST(${day} AS integer))`
    case 'duckdb':
      return `(DATE '1970-01-01' + CAST(${day} AS INTEGER))`
    case 'bigquery':
      return `DATE_FROM_UNIX_DATE(CAST(${day} AS INT64))`
    case 'snowflake':
      return `DATEADD(day, CAST(${day} AS INTEGER), '1970-01-01'::DATE)`
    case 'clickhouse':
      // Date32: the days before 1970 too (Date counts from 1970 only).
      return `addDays(toDate32('1970-01-01'), toInt32(${day}))`
    case 'spark':
      return `date_add(DATE '1970-01-01', CAST(${day} AS INT))`
  }
}

/** The `'YYYY-MM-DD'` text of a day number (days since 1970-01-01), or of the first day of its month. */
export function _dayText(dialect: SqlDialect, day: string, month: boolean): string {
  const d = _dateOf(dialect, day)
  switch (dialect) {
    case 'postgres':
      return month ? `to_char(date_trunc('month', ${d}), 'YYYY-MM-DD')` : `to_char(${d}, 'YYYY-MM-DD')`
    case 'duckdb':
      return month ? `strftime(date_trunc('month', ${d}), '%Y-%m-%d')` : `strftime(${d}, '%Y-%m-%d')`
    case 'bigquery':
      return month ? `FORMAT_DATE('%Y-%m-%d', DATE_TRUNC(${d}, MONTH))` : `FORMAT_DATE('%Y-%m-%d', ${d})`
    case 'snowflake':
      return month ? `TO_CHAR(DATE_TRUNC('MONTH', ${d}), 'YYYY-MM-DD')` : `TO_CHAR(${d}, 'YYYY-MM-DD')`
    case 'clickhouse':
      return month ? `toString(toStartOfMonth(${d}))` : `toString(${d})`
    case 'spark':
      return month ? `date_format(trunc(${d}, 'MM'), 'yyyy-MM-dd')` : `date_format(${d}, 'yyyy-MM-dd')`
  }
}

/** An integer expression as a 64-bit integer. */
export function _int(dialect: SqlDialect, x: string): string {
  return `CAST(${x} AS ${dialect === 'bigquery' ? 'INT64' : dialect === 'clickhouse' ? 'Int64' : 'BIGINT'})`
}

/** An expression as text. */
export function _text(dialect: SqlDialect, x: string): string {
  return `CAST(${x} AS ${dialect === 'postgres' ? 'text' : dialect === 'bigquery' || dialect === 'spark' ? 'STRING' : dialect === 'clickhouse' ? 'String' : 'VARCHAR'})`
}

/** A number bound as a parameter, typed as a float so that engines compare it with integers. */
export function _float(dialect: SqlDialect, params: _Params, x: number): string {
  const p = params.add(x)
  return dialect === 'postgres'
    ? `CAST(${p} AS double precision)`
    : dialect === 'bigquery'
      ? `CAST(${p} AS FLOAT64)`
      : `CAST(${p} AS DOUBLE)`
}

/** The day number of epoch milliseconds (a local one): floor division in floating point. */
export function _floorDay(dialect: SqlDialect, ms: string): string {
  return dialect === 'postgres'
    ? `FLOOR(CAST(${ms} AS double precision) / 86400000)`
    : `FLOOR((${ms}) / 86400000.0)`
}

/**
 * What keeps a subquery from being merged into the query around it, so that its columns are computed
 * once per row: PostgreSQL inlines subqueries, and would compute the epoch again at every comparison.
 */
export function _fence(dialect: SqlDialect): string {
  return dialect === 'postgres' ? ' OFFSET 0' : ''
}

/**
 * A table of integers the library computed (bounds, calendars; never a user's text), written into the
 * query as each dialect writes a table of values, with its columns named.
 */
export function _valuesTable(
  dialect: SqlDialect,
  alias: string,
  names: readonly string[],
  rows: readonly (readonly number[])[],
): string {
  const tuples = rows.map((r) => `(${r.join(', ')})`).join(', ')
  const q = (n: string) => _quote(dialect, n)
  switch (dialect) {
    case 'bigquery':
      return `UNNEST(ARRAY<STRUCT<${names.map((n) => `${n} INT64`).join(', ')}>>[${tuples}]) AS ${q(alias)}`
    case 'clickhouse':
      return `(SELECT * FROM values('${names.map((n) => `${n} Int64`).join(', ')}', ${tuples})) AS ${q(alias)}`
    case 'spark':
      return `(SELECT ${names.map((n, i) => `col${i + 1} AS ${q(n)}`).join(', ')} FROM (SELECT inline(array(${rows.map((r) => `struct(${r.join(', ')})`).join(', ')}))) AS ${q('cx_v')}) AS ${q(alias)}`
    case 'snowflake':
      return `(SELECT ${names.map((n, i) => `column${i + 1} AS ${q(n)}`).join(', ')} FROM VALUES ${tuples}) AS ${q(alias)}`
    default:
      return `(VALUES ${tuples}) AS ${q(alias)}(${names.map(q).join(', ')})`
  }
}
