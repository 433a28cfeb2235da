// The dialects without a live engine here — BigQuery, Snowflake, ClickHouse, Spark SQL — are held to
// golden SQL checked in under test/fixtures/sql (each read against the dialect's documentation), and the
// three that node-sql-parser reads are parsed with its grammar of that dialect.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type SqlDialect, type WarehouseSpec, warehouseQuery, warehouseResult } from 'cx-metrics/sql'
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
  'fcr-by-month-and-team': {
    kpi: 'firstContactResolution',
    table: 'support.tickets',
    columns: {
      createdAt: 'created_at',
      solvedAt: 'solved_at',
      status: 'status',
      agentReplies: 'agent_replies',
      reopens: 'reopens',
      spam: 'is_spam',
    },
    time: { column: 'created_at', unit: 'month', timeZone: 'America/Chicago' },
    dimensions: ['team'],
  },
  'sla-first-reply-by-day': {
    kpi: 'slaAttainment',
    table: 'tickets',
    options: { targetMs: 14_400_000, asOf: '2024-07-01T00:00:00Z' },
    columns: { createdAt: 'created_at', firstReplyAt: 'first_reply_at', merged: 'merged' },
    time: { column: 'created_at', unit: 'day', timeZone: 'Asia/Kolkata' },
  },
  'first-reply-business-hours-by-month': {
    kpi: 'firstReplyTime',
    table: 'support.tickets',
    options: {
      targetMs: 7_200_000,
      schedule: {
        timeZone: 'America/New_York',
        hours: {
          monday: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
          friday: [['22:00', '02:00']],
        },
        holidays: [{ date: '2024-01-15' }],
      },
    },
    columns: { createdAt: 'created_at', firstReplyAt: 'first_reply_at', spam: 'is_spam' },
    time: {
      column: 'created_at',
      unit: 'month',
      timeZone: 'America/New_York',
      range: { from: '2024-01-01T00:00:00-05:00', to: '2024-02-01T00:00:00-05:00' },
    },
    span: { from: '2024-01-01T00:00:00Z', to: '2024-01-08T00:00:00Z' },
    dimensions: ['team'],
  },
  'resolution-by-fiscal-quarter-nearest-rank': {
    kpi: 'resolutionTime',
    table: 'tickets',
    options: { quantileMethod: 'nearest-rank', resolution: 'first' },
    columns: {
      createdAt: 'created_at',
      solvedAt: 'solved_at',
      firstSolvedAt: 'first_solved_at',
      onHoldMs: 'on_hold_ms',
      merged: 'merged',
    },
    time: {
      column: 'created_at',
      unit: 'fiscal-quarter',
      fiscalYearStartMonth: 4,
      fiscalYearStartDay: 6,
      timeZone: 'Europe/London',
    },
  },
  'survival-by-plan-and-quarter': {
    kpi: 'survival',
    table: 'crm.customers',
    options: { horizon: 365 },
    columns: { time: 'days_observed', event: 'churned', entry: 'entered_after_days', group: 'plan' },
    time: { column: 'signed_up_at', unit: 'quarter', timeZone: 'Europe/Paris' },
  },
  'rfm-summary-with-holdout': {
    kpi: 'rfmSummary',
    table: 'sales.orders',
    columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'total' },
    options: {
      calibrationEnd: '2024-06-30T00:00:00Z',
      holdoutEnd: '2024-12-31T00:00:00Z',
      timeZone: 'Europe/Paris',
    },
    filters: [{ column: 'status', op: '!=', value: 'refunded' }],
  },
  'churn-daily-sum-by-segment': {
    kpi: 'churnRate',
    table: 'billing.subscriptions',
    columns: {
      customerId: 'customer_id',
      start: 'started_at',
      end: 'ended_at',
      cancelledAt: 'cancelled_at',
      trial: 'is_trial',
    },
    options: {
      range: { from: '2024-01-01T00:00:00-05:00', to: '2024-03-01T00:00:00-05:00' },
      unit: 'month',
      timeZone: 'America/New_York',
      denominator: 'daily-sum',
      recognition: 'cancellation',
    },
    dimensions: ['segment'],
  },
  'mrr-movements-by-month': {
    kpi: 'mrrMovements',
    table: 'billing.subscriptions',
    columns: {
      customerId: 'customer_id',
      start: 'started_at',
      end: 'ended_at',
      pastDueSince: 'past_due_since',
      amount: 'price',
      billingInterval: 'billing_interval',
      quantity: 'seats',
      currency: 'currency',
    },
    options: {
      range: { from: '2024-01-01T00:00:00+01:00', to: '2024-07-01T00:00:00+02:00' },
      unit: 'month',
      timeZone: 'Europe/Berlin',
      graceDays: 30,
      asOf: '2024-06-15T00:00:00Z',
    },
    filters: [{ column: 'region', op: '==', value: 'emea' }],
  },
  'nrr-trailing-twelve-months': {
    kpi: 'revenueRetention',
    table: 'billing.subscriptions',
    columns: {
      customerId: 'customer_id',
      subscriptionId: 'subscription_id',
      start: 'started_at',
      end: 'ended_at',
      mrr: 'mrr',
    },
    options: {
      range: { from: '2024-01-01T00:00:00Z', to: '2024-04-01T00:00:00Z' },
      unit: 'month',
      horizonMonths: 12,
    },
  },
  'recurring-cohorts-by-quarter': {
    kpi: 'cohortRetention',
    table: 'billing.subscriptions',
    columns: { customerId: 'customer_id', start: 'started_at', end: 'ended_at', mrr: 'mrr' },
    options: { unit: 'quarter', timeZone: 'Asia/Tokyo', cohorting: 'recurring', criterion: 'unbounded' },
    span: { from: '2023-02-14T00:00:00Z', to: '2024-11-30T00:00:00Z' },
    dimensions: ['plan'],
  },
}
/** The subscription KPIs' zone is not a parameter: the library computes their period bounds. */
const boundsComputed = ['churnRate', 'mrrMovements', 'revenueRetention', 'cohortRetention']
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
    if (!boundsComputed.includes(specs[name]?.kpi as string))
      expect(q.params).toContain(specs[name]?.time?.timeZone ?? specs[name]?.options?.timeZone)
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
    expect(() => warehouseQuery({ dialect: 'duckdb', kpi: 'mrr' as never, table: 't', value: 'x' })).toThrow(
      /warehouseQuery expected `spec.kpi` to be a KPI computed in the warehouse \(nps, csat, ces, acsi, responseRate, firstContactResolution, slaAttainment, survival, firstReplyTime, resolutionTime, rfmSummary, churnRate, mrrMovements, revenueRetention, cohortRetention; the others are computed in memory only\), got `"mrr"`/,
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

  it('refuses a business calendar it cannot write, and a span where nothing reads one', () => {
    const frt = {
      dialect: 'duckdb',
      table: 't',
      kpi: 'firstReplyTime',
      columns: { createdAt: 'c', firstReplyAt: 'r' },
    } as const
    const schedule = { timeZone: 'UTC', hours: { monday: [['09:00', '17:00']] } } as const
    expect(() => warehouseQuery({ ...frt, options: { schedule } })).toThrow(
      /`spec.span` to be the instants the business calendar covers, \{ from, to \} \(needed with a schedule when `spec.time.range` is not given\)/,
    )
    expect(() =>
      warehouseQuery({
        ...frt,
        options: { schedule },
        span: { from: '1990-01-01T00:00:00Z', to: '2030-01-01T00:00:00Z' },
      }),
    ).toThrow(/`spec.span` to be a span of a day to 25 years/)
    expect(() =>
      warehouseQuery({ ...frt, span: { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' } }),
    ).toThrow(/`spec.span` to be no span \(only business hours read one, with `spec.options.schedule`\)/)
    expect(() =>
      warehouseQuery({
        ...frt,
        kpi: 'nps',
        columns: undefined,
        value: 's',
        span: { from: 0, to: 1 },
      } as never),
    ).toThrow(/`spec.span` to be no span \(only response and resolution times in business hours read one\)/)
    expect(() => warehouseQuery({ ...frt, columns: { createdAt: 'c' } })).toThrow(
      /`spec.columns.firstReplyAt` to be the column of firstReplyAt/,
    )
    expect(() =>
      warehouseQuery({ ...frt, options: { schedule: { timeZone: 'Mars/Olympus', hours: {} } } }),
    ).toThrow(/firstReplyTime expected `options.schedule.timeZone`/)
    // A business calendar in the SQL is one row per UTC day of the span.
    const q = warehouseQuery({
      ...frt,
      options: { schedule },
      span: { from: '2024-01-01T00:00:00Z', to: '2024-01-11T00:00:00Z' },
    })
    expect(q.sql.match(/\(19723, 1, /g)).toHaveLength(2)
    expect(q.columns).toContain('cx_uncovered')
  })

  it('refuses what a ticket KPI cannot compute in the warehouse, naming the option or column', () => {
    const t = { dialect: 'duckdb', table: 't' } as const
    const fcr = {
      ...t,
      kpi: 'firstContactResolution',
      columns: { createdAt: 'c', agentReplies: 'a' },
    } as const
    expect(warehouseQuery(fcr).columns).toEqual(['cx_date', 'cx_value0', 'cx_value1', 'cx_count'])
    expect(() =>
      warehouseQuery({ ...fcr, options: { method: 'repeat-contact-window', windowMs: 1 } }),
    ).toThrow(/`spec.options.method` to be a method computed per ticket .*computed in memory only/)
    expect(() =>
      warehouseQuery({ ...fcr, options: { denominator: 'resolvable', resolvable: () => true } }),
    ).toThrow(/`spec.options.denominator` to be 'resolved' or 'all' \(a `resolvable` function cannot run/)
    expect(() => warehouseQuery({ ...fcr, options: { method: 'zendesk-lt3' } as never })).toThrow(
      /firstContactResolution expected `options.method`/,
    )
    expect(() => warehouseQuery({ ...fcr, columns: { createdAt: 'c' } })).toThrow(
      /`spec.columns.agentReplies` to be the column of agentReplies/,
    )
    expect(() => warehouseQuery({ ...fcr, columns: { ...fcr.columns, agentReply: 'x' } as never })).toThrow(
      /did you mean `agentReplies`/,
    )
    expect(() => warehouseQuery({ ...fcr, value: 'x' })).toThrow(/`spec.value` to be no value/)
    expect(() => warehouseQuery({ ...fcr, columns: { ...fcr.columns, status: 'st"atus' } })).toThrow(
      /`spec.columns.status`/,
    )
    expect(() => warehouseQuery({ ...t, kpi: 'nps', value: 's', columns: { createdAt: 'c' } })).toThrow(
      /`spec.columns` to be no columns/,
    )
    const sla = { ...t, kpi: 'slaAttainment', columns: { createdAt: 'c', firstReplyAt: 'r' } } as const
    expect(() => warehouseQuery({ ...sla, options: { targetMs: () => 1 } as never })).toThrow(
      /`spec.options.targetMs`/,
    )
    expect(() =>
      warehouseQuery({
        ...sla,
        options: { targetMs: 1, schedule: { timeZone: 'UTC', hours: { monday: [['09:00', '17:00']] } } },
      }),
    ).toThrow(
      /`spec.options.schedule` to be no schedule \(due times in business hours are computed in memory only\)/,
    )
    expect(() => warehouseQuery({ ...sla, options: { targetMs: 1, metric: 'resolution' } })).toThrow(
      /`spec.columns.solvedAt`/,
    )
    // The RFM summary is one table of customers, in its own calibration period.
    const rfm = {
      ...t,
      kpi: 'rfmSummary',
      columns: { customerId: 'c', at: 'a' },
      options: { calibrationEnd: '2024-01-01T00:00:00Z' },
    } as const
    expect(warehouseQuery(rfm).columns).toEqual([
      'cx_kind',
      'cx_customer',
      'cx_first',
      'cx_x',
      'cx_last',
      'cx_sum',
      'cx_hx',
      'cx_hsum',
      'cx_n',
    ])
    expect(() => warehouseQuery({ ...rfm, time: { column: 'a', unit: 'month' } })).toThrow(
      /`spec.time` to be no periods/,
    )
    expect(() => warehouseQuery({ ...rfm, dimensions: ['x'] })).toThrow(
      /`spec.dimensions` to be no dimensions/,
    )
    expect(() => warehouseQuery({ ...rfm, columns: { customerId: 'c' } as never })).toThrow(
      /`spec.columns.at`/,
    )
    expect(() => warehouseQuery({ ...rfm, options: {} as never })).toThrow(
      /rfmSummary expected `options.calibrationEnd`/,
    )
    expect(() => warehouseQuery({ ...rfm, columns: { ...rfm.columns, amount: 'a;b' } })).toThrow(
      /`spec.columns.amount`/,
    )
    // The target and asOf are bound as parameters.
    const q = warehouseQuery({ ...sla, options: { targetMs: 3_600_000, asOf: '2024-07-01T00:00:00Z' } })
    expect(q.params).toEqual([Date.parse('2024-07-01T00:00:00Z'), 3_600_000, 3_600_000])
    expect(q.sql).not.toContain('3600000')
  })

  it('refuses what a subscription KPI cannot compute in the warehouse, naming the option or column', () => {
    const churn = {
      dialect: 'postgres',
      table: 'subscriptions',
      kpi: 'churnRate',
      columns: { customerId: 'customer_id', start: 'started_at', end: 'ended_at' },
      options: { period: '2024-03', unit: 'month' },
    } as const
    expect(warehouseQuery(churn).columns).toEqual([
      'cx_part',
      'cx_u',
      'cx_f',
      'cx_st',
      'cx_re',
      'cx_cl',
      'cx_n',
      'cx_s0',
      'cx_s1',
      'cx_s2',
      'cx_text',
    ])
    expect(() =>
      warehouseQuery({ ...churn, time: { column: 'started_at', unit: 'month' } } as never),
    ).toThrow(
      /`spec.time` to be no time: a subscription KPI’s periods are its options’ `period`, `range` or `trailingDays`/,
    )
    expect(() => warehouseQuery({ ...churn, kpi: 'mrrMovements' })).toThrow(
      /`spec.columns.mrr` to be the column of each subscription’s MRR in major units, or `amount` and `billingInterval`/,
    )
    expect(() =>
      warehouseQuery({
        ...churn,
        kpi: 'mrrMovements',
        columns: { ...churn.columns, mrr: 'mrr' },
        options: { ...churn.options, detail: true },
      }),
    ).toThrow(/`spec.options.detail` to be no detail/)
    expect(() => warehouseQuery({ ...churn, options: { ...churn.options, inputTimeZone: 'UTC' } })).toThrow(
      /`spec.options.inputTimeZone` to be no input zone/,
    )
    expect(() =>
      warehouseQuery({ ...churn, options: { ...churn.options, denominator: 'median' } as never }),
    ).toThrow(/churnRate expected `options.denominator`/)
    expect(() => warehouseQuery({ ...churn, columns: { ...churn.columns, ended: 'x' } as never })).toThrow(
      /did you mean `end`/,
    )
    expect(() =>
      warehouseQuery({
        ...churn,
        columns: { customerId: 'customer_id', start: 'started_at', end: 'end; DROP TABLE subscriptions' },
      }),
    ).toThrow(/`spec.columns.end` to be a name of letters/)
    expect(() => warehouseQuery({ ...churn, value: 'x' } as never)).toThrow(/`spec.value` to be no value/)
    expect(() => warehouseQuery({ ...churn, span: { from: 0, to: 1 } } as never)).toThrow(
      /`spec.span` to be no span/,
    )
    const cohorts = { ...churn, kpi: 'cohortRetention', options: { unit: 'month' } } as const
    expect(() => warehouseQuery(cohorts)).toThrow(
      /`spec.span` to be the first start and the last end of the subscriptions, \{ from, to \} \(inWarehouse asks for them\)/,
    )
    const span = { from: '2024-01-01T00:00:00Z', to: '2024-06-01T00:00:00Z' }
    expect(() => warehouseQuery({ ...cohorts, span, options: { unit: 'month', source: 'events' } })).toThrow(
      /`spec.options.source` to be 'subscriptions' \(cohorts of activity events are computed in memory only\)/,
    )
    expect(() => warehouseQuery({ ...cohorts, span, options: { unit: 'month', members: true } })).toThrow(
      /`spec.options.members` to be no members/,
    )
    expect(() => warehouseQuery({ ...cohorts, span: { from: span.to, to: span.from } })).toThrow(
      /`spec.span.to` to be an instant not before `spec.span.from`/,
    )
    expect(() => warehouseQuery({ ...cohorts, span, options: { unit: 'month', basis: 'revenue' } })).toThrow(
      /`spec.columns.mrr`/,
    )
    // A span that does not hold the subscriptions the rows count is said, not computed into wrong cells.
    const q = warehouseQuery({ ...cohorts, span })
    const rows = [
      [
        'span',
        null,
        null,
        null,
        null,
        null,
        null,
        Date.parse(span.from),
        Date.parse('2024-09-01T00:00:00Z'),
        null,
        null,
      ],
    ]
    expect(() => warehouseResult(q, rows)).toThrow(
      /`spec.span` to be a span that covers the subscriptions \(they run from 2024-01-01T00:00:00.000Z to 2024-09-01T00:00:00.000Z\)/,
    )
  })

  it('binds a subscription KPI’s asOf and grace as parameters, in the order the text names them', () => {
    for (const dialect of ['postgres', 'snowflake'] as const) {
      const q = warehouseQuery({
        dialect,
        table: 'subscriptions',
        kpi: 'churnRate',
        columns: { customerId: 'c', start: 's', end: 'e', pastDueSince: 'p' },
        options: { period: '2024-03', unit: 'month', graceDays: 1.5, asOf: '2024-03-20T00:00:00Z' },
        filters: [{ column: 'region', op: '==', value: "emea' OR 1=1 --" }],
      })
      const asOf = Date.parse('2024-03-20T00:00:00Z')
      expect(q.params).toEqual(["emea' OR 1=1 --", asOf, 1.5 * 86_400_000, asOf])
      expect(q.sql).not.toContain('emea')
      expect(q.sql).not.toContain(String(asOf))
      if (dialect === 'snowflake') expect(q.sql.split('?').length - 1).toBe(4)
    }
  })
})
