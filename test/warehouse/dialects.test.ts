// The dialects without a live engine here — BigQuery, Snowflake, ClickHouse, Spark SQL — are held to
// golden SQL checked in under test/fixtures/sql (each read against the dialect's documentation), and the
// three that node-sql-parser reads are parsed with its grammar of that dialect.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type SqlDialect, type WarehouseSpec, warehouseQuery } from 'cx-metrics/sql'
import sqlParser from 'node-sql-parser'
import { describe, expect, it } from 'vitest'

const golden = resolve(import.meta.dirname, '../fixtures/sql')
const specs: Record<string, Omit<WarehouseSpec, 'dialect'>> = {
  'nps-by-month-and-plan': {
    kpi: 'nps',
    table: 'analytics.responses',
    value: 'score',
    time: {
      column: 'answered_at',
      unit: 'month',
      timeZone: 'America/New_York',
      range: { from: '2024-01-01T00:00:00-05:00', to: '2025-01-01T00:00:00-05:00' },
    },
    dimensions: ['plan'],
    filters: [
      { column: 'survey', op: '==', value: 'nps' },
      { not: { column: 'plan', in: ['internal', null] } },
    ],
  },
  'csat-by-iso-week': {
    kpi: 'csat',
    table: 'responses',
    value: 'score',
    options: { scale: '1-5' },
    time: {
      column: 'answered_at',
      unit: 'week',
      timeZone: 'Europe/Berlin',
      range: { from: '2024-03-04T00:00:00+01:00', to: '2024-04-01T00:00:00+02:00' },
    },
    filters: [{ column: 'score', op: '>=', value: 0 }],
  },
}
const dialects: readonly SqlDialect[] = ['bigquery', 'snowflake', 'clickhouse', 'spark']
/** node-sql-parser's grammar for each dialect it reads (Spark SQL is Hive's). */
const grammar: Partial<Record<SqlDialect, string>> = {
  bigquery: 'bigquery',
  snowflake: 'snowflake',
  spark: 'hive',
}

describe.each(dialects)('%s', (dialect) => {
  it.each(Object.keys(specs))('%s is the golden SQL', (name) => {
    const q = warehouseQuery({ ...specs[name], dialect } as WarehouseSpec)
    expect(`${q.sql}\n`).toBe(readFileSync(join(golden, `${name}.${dialect}.sql`), 'utf8'))
    // Values travel as parameters, by name where the dialect names them.
    expect(q.params).toContain(specs[name]?.time?.timeZone)
    expect(q.namedParams === null).toBe(dialect === 'snowflake')
  })
})

describe.each(Object.keys(grammar) as SqlDialect[])('%s, read by node-sql-parser', (dialect) => {
  it.each(Object.keys(specs))('%s parses', (name) => {
    const q = warehouseQuery({ ...specs[name], dialect } as WarehouseSpec)
    // The parser has no rule for Snowflake's `?` inside function calls: literals stand in for the check.
    const sql = dialect === 'snowflake' ? q.sql.replaceAll('?', "'p'") : q.sql
    expect(() => new sqlParser.Parser().astify(sql, { database: grammar[dialect] as string })).not.toThrow()
  })
})

describe('every dialect', () => {
  it('writes a placeholder per value in its own style', () => {
    const styles: Record<SqlDialect, RegExp> = {
      duckdb: /\$1.*\$2/,
      postgres: /\$1.*\$2/,
      bigquery: /@p1.*@p2/,
      snowflake: /\?.*\?/,
      clickhouse: /\{p1:String\}.*\{p2:Float64\}/,
      spark: /:p1.*:p2/,
    }
    for (const [dialect, style] of Object.entries(styles) as [SqlDialect, RegExp][]) {
      const q = warehouseQuery({
        dialect,
        kpi: 'nps',
        table: 't',
        value: 'score',
        time: { column: 'at', unit: 'day', timeZone: 'Asia/Kolkata' },
        filters: [{ column: 'weight', op: '<', value: 0.5 }],
      })
      expect(q.sql, dialect).toMatch(style)
      expect(q.params).toEqual(['Asia/Kolkata', 0.5])
    }
  })

  it('says which KPIs it cannot push down, and refuses wrong specs in its own words', () => {
    expect(() =>
      warehouseQuery({ dialect: 'duckdb', kpi: 'churnRate' as never, table: 't', value: 'x' }),
    ).toThrow(
      /warehouseQuery expected `spec.kpi` to be a KPI computed in the warehouse \(nps, csat, ces, acsi, responseRate; the others are computed in memory only\), got `"churnRate"`/,
    )
    expect(() => warehouseQuery({ dialect: 'oracle' as never, kpi: 'nps', table: 't', value: 'x' })).toThrow(
      /`spec.dialect`/,
    )
    expect(() =>
      warehouseQuery({ dialect: 'duckdb', kpi: 'nps', table: 't', value: 'x', dimension: [] } as never),
    ).toThrow(/did you mean `dimensions`/)
    expect(() =>
      warehouseQuery({
        dialect: 'duckdb',
        kpi: 'nps',
        table: 't',
        value: 'x',
        time: { column: 'at', unit: 'month', timezone: 'UTC' } as never,
      }),
    ).toThrow(/did you mean `timeZone`/)
    // ACSI reads three question columns; the others one.
    expect(() => warehouseQuery({ dialect: 'duckdb', kpi: 'acsi', table: 't', value: 'q' })).toThrow(
      /`spec.value` to be ACSI's three question columns/,
    )
    expect(() =>
      warehouseQuery({ dialect: 'duckdb', kpi: 'nps', table: 't', value: ['a', 'b', 'c'] }),
    ).toThrow(/`spec.value` to be one column name/)
    expect(
      warehouseQuery({ dialect: 'postgres', kpi: 'acsi', table: 't', value: ['q1', 'q2', 'q3'] }).columns,
    ).toEqual(['cx_date', 'cx_value0', 'cx_value1', 'cx_value2', 'cx_count'])
    // The KPI's own checks of its options.
    expect(() =>
      warehouseQuery({ dialect: 'duckdb', kpi: 'csat', table: 't', value: 'x', options: { scale: '1-4' } }),
    ).toThrow(/csat expected `options.scale`/)
    expect(() =>
      warehouseQuery({
        dialect: 'duckdb',
        kpi: 'nps',
        table: 't',
        value: 'x',
        filters: [{ column: 'a', op: '~', value: 1 }] as never,
      }),
    ).toThrow(/`spec.filters\[0\].op`/)
  })
})
