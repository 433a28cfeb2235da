// The same KPIs computed inside two real engines — DuckDB embedded and a PostgreSQL server started for
// the test — equal to folding the same rows in memory: every survey KPI, by month in four zones (two
// with daylight saving, one of them by half an hour), by week, day, quarter and fiscal year, by segment,
// filtered, with a range; counts exact, statistics to 1e-12.

import { chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import * as cx from 'cx-metrics'
import { inWarehouse, type WarehouseQuery, type WarehouseSpec, warehouseQuery } from 'cx-metrics/sql'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  COLUMNS,
  cdnow,
  generated,
  OBSERVATION_COLUMNS,
  type Observation,
  observations,
  PURCHASE_COLUMNS,
  type Purchase,
  purchases,
  type Row,
  SUBSCRIPTION_COLUMNS,
  type SubscriptionRow,
  sample,
  sampleSubscriptions,
  subscriptions,
  TICKET_COLUMNS,
  type Ticket,
  tickets,
  writeCsv,
} from './_data.ts'
import { type Postgres, startPostgres } from './_postgres.ts'

const rows: Row[] = [...sample(), ...generated(120_000)]
const ticketRows: Ticket[] = tickets(60_000)
const purchaseRows: Purchase[] = purchases(40_000)
const cdnowRows: Purchase[] = cdnow()
const observationRows: Observation[] = observations(50_000)
const subscriptionRows: SubscriptionRow[] = subscriptions(20_000)
const sampleSubscriptionRows: SubscriptionRow[] = sampleSubscriptions()
const dir = mkdtempSync(join(tmpdir(), 'cx-wh-'))
const csv = join(dir, 'responses.csv')
const ticketCsv = join(dir, 'tickets.csv')
const purchaseCsv = join(dir, 'purchases.csv')
const cdnowCsv = join(dir, 'cdnow.csv')
const observationCsv = join(dir, 'observations.csv')
const subscriptionCsv = join(dir, 'subscriptions.csv')
const sampleSubscriptionCsv = join(dir, 'sample_subscriptions.csv')

let duck: DuckDBConnection
let server: Postgres
let client: pg.Client

beforeAll(async () => {
  writeCsv(csv, rows)
  writeCsv(ticketCsv, ticketRows, TICKET_COLUMNS)
  writeCsv(purchaseCsv, purchaseRows, PURCHASE_COLUMNS)
  writeCsv(cdnowCsv, cdnowRows, PURCHASE_COLUMNS)
  writeCsv(observationCsv, observationRows, OBSERVATION_COLUMNS)
  writeCsv(subscriptionCsv, subscriptionRows, SUBSCRIPTION_COLUMNS)
  writeCsv(sampleSubscriptionCsv, sampleSubscriptionRows, SUBSCRIPTION_COLUMNS)
  // The server reads the files as its own user.
  chmodSync(dir, 0o755)
  const db = await DuckDBInstance.create(':memory:')
  duck = await db.connect()
  const types = (columns: readonly (readonly [unknown, string])[]) =>
    JSON.stringify(
      Object.fromEntries(
        columns.map(([c, t]) => [
          c,
          t === 'timestamptz' ? 'TIMESTAMPTZ' : t === 'double precision' ? 'DOUBLE' : t.toUpperCase(),
        ]),
      ),
    ).replaceAll('"', "'")
  const load = (table: string, file: string, columns: readonly (readonly [unknown, string])[]) =>
    duck.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${file}', header = true, quote = '"', escape = '"', columns = ${types(columns)})`,
    )
  await load('responses', csv, COLUMNS)
  await load('tickets', ticketCsv, TICKET_COLUMNS)
  await load('purchases', purchaseCsv, PURCHASE_COLUMNS)
  await load('cdnow', cdnowCsv, PURCHASE_COLUMNS)
  await load('observations', observationCsv, OBSERVATION_COLUMNS)
  await load('subscriptions', subscriptionCsv, SUBSCRIPTION_COLUMNS)
  await load('sample_subscriptions', sampleSubscriptionCsv, SUBSCRIPTION_COLUMNS)
  server = await startPostgres()
  client = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.user,
    database: server.database,
  })
  await client.connect()
  await client.query(`CREATE SCHEMA analytics`)
  await client.query(`CREATE TABLE analytics.responses (${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`)
  await client.query(`COPY analytics.responses FROM '${csv}' WITH (FORMAT csv, HEADER true)`)
  await client.query(
    `CREATE TABLE analytics.tickets (${TICKET_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
  )
  await client.query(`COPY analytics.tickets FROM '${ticketCsv}' WITH (FORMAT csv, HEADER true)`)
  await client.query(
    `CREATE TABLE analytics.observations (${OBSERVATION_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
  )
  await client.query(`COPY analytics.observations FROM '${observationCsv}' WITH (FORMAT csv, HEADER true)`)
  for (const [table, file] of [
    ['subscriptions', subscriptionCsv],
    ['sample_subscriptions', sampleSubscriptionCsv],
  ] as const) {
    await client.query(
      `CREATE TABLE analytics.${table} (${SUBSCRIPTION_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
    )
    await client.query(`COPY analytics.${table} FROM '${file}' WITH (FORMAT csv, HEADER true)`)
  }
  for (const [table, file] of [
    ['purchases', purchaseCsv],
    ['cdnow', cdnowCsv],
  ] as const) {
    await client.query(
      `CREATE TABLE analytics.${table} (${PURCHASE_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
    )
    await client.query(`COPY analytics.${table} FROM '${file}' WITH (FORMAT csv, HEADER true)`)
  }
}, 120_000)

afterAll(async () => {
  await client?.end()
  server?.stop()
  duck?.closeSync()
})

const runDuck = async (q: WarehouseQuery) =>
  (await duck.runAndReadAll(q.sql, q.params as never)).getRowObjectsJS()
const runPg = async (q: WarehouseQuery) => (await client.query(q.sql, [...q.params])).rows

/** Deep equality with round-off allowed in numbers (sums taken in another order). */
function close(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number')
    return Object.is(a, b) || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b))
      ? null
      : `${path}: ${a} ≠ ${b}`
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`
  const ka = Object.keys(a).sort()
  const kb = Object.keys(b).sort()
  if (ka.join() !== kb.join()) return `${path}: keys ${ka.join()} ≠ ${kb.join()}`
  for (const k of ka) {
    const d = close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
    if (d !== null) return d
  }
  return null
}

interface Case {
  readonly name: string
  readonly spec: Omit<WarehouseSpec, 'dialect' | 'table'>
  /** The same filter, written by hand for the fold in memory. */
  readonly keep?: (r: Row & Ticket) => boolean
}

type Any = Record<string, unknown>

const factories: Record<
  string,
  (accessor: (r: Row) => unknown, options: object) => cx.Aggregator<Row, unknown, unknown>
> = {
  nps: cx.npsAggregator as never,
  csat: cx.csatAggregator as never,
  ces: cx.cesAggregator as never,
  acsi: cx.acsiAggregator as never,
  responseRate: cx.responseRateAggregator as never,
  firstContactResolution: cx.firstContactResolutionAggregator as never,
  slaAttainment: cx.slaAttainmentAggregator as never,
  firstReplyTime: cx.firstReplyTimeAggregator as never,
  resolutionTime: cx.resolutionTimeAggregator as never,
  survival: cx.survivalAggregator as never,
  churnRate: cx.churnRateAggregator as never,
  mrrMovements: cx.mrrMovementsAggregator as never,
  revenueRetention: cx.revenueRetentionAggregator as never,
  cohortRetention: cx.cohortRetentionAggregator as never,
}

/** The fold in memory of a case, written with the library's public API only. */
function inMemory(c: Case, data: readonly Any[] = rows as never): unknown {
  const s = c.spec
  // The KPI's item: the value column(s), or a ticket of the mapped columns.
  const columns = Object.entries(s.columns ?? {})
  const value = (r: Any) =>
    s.value === undefined
      ? Object.fromEntries(columns.map(([field, column]) => [field, r[column as string]]))
      : Array.isArray(s.value)
        ? s.value.map((c) => r[c])
        : r[s.value as string]
  let agg = factories[s.kpi]?.(value as never, s.options ?? {}) as unknown as cx.Aggregator<
    Any,
    unknown,
    unknown
  >
  if (s.time !== undefined) {
    const { column, ...calendar } = s.time
    agg = cx.byPeriod(agg, {
      ...calendar,
      date: (r: Any) => r[column] as string | null,
    }) as never
  }
  const dims = s.dimensions ?? []
  if (dims.length > 0)
    agg = cx.byKey(agg, (r: Any) => dims.map((d) => String(r[d] ?? '')).join(' / ')) as never
  return cx.fold(agg, c.keep === undefined ? data : data.filter(c.keep as never))
}

const month = (timeZone: string) => ({ column: 'answered_at', unit: 'month', timeZone }) as const
const cases: Case[] = [
  { name: 'NPS over every row', spec: { kpi: 'nps', value: 'score' } },
  { name: 'NPS by month in UTC', spec: { kpi: 'nps', value: 'score', time: month('UTC') } },
  { name: 'NPS by month in New York', spec: { kpi: 'nps', value: 'score', time: month('America/New_York') } },
  {
    name: 'NPS by month on Lord Howe Island',
    spec: { kpi: 'nps', value: 'score', time: month('Australia/Lord_Howe') },
  },
  { name: 'NPS by month in Kolkata', spec: { kpi: 'nps', value: 'score', time: month('Asia/Kolkata') } },
  {
    // Periods not over at asOf are marked incomplete, in the warehouse as in memory.
    name: 'NPS by month in New York as of mid-June 2024',
    spec: {
      kpi: 'nps',
      value: 'score',
      time: { ...month('America/New_York'), asOf: '2024-06-15T00:00:00-04:00' },
    },
  },
  {
    name: 'NPS by Sunday week in New York, by plan',
    spec: {
      kpi: 'nps',
      value: 'score',
      time: { column: 'answered_at', unit: 'week', timeZone: 'America/New_York', weekStartsOn: 0 },
      dimensions: ['plan'],
    },
  },
  {
    name: 'NPS by ISO week and by day',
    spec: {
      kpi: 'nps',
      value: 'score',
      time: { column: 'answered_at', unit: 'day', timeZone: 'Europe/Berlin' },
    },
  },
  {
    name: 'NPS by quarter, by plan and survey, with minN',
    spec: {
      kpi: 'nps',
      value: 'score',
      options: { minN: 30 },
      time: { column: 'answered_at', unit: 'quarter', timeZone: 'America/Sao_Paulo' },
      dimensions: ['plan', 'survey'],
    },
  },
  {
    name: 'NPS by fiscal year from April, in a range',
    spec: {
      kpi: 'nps',
      value: 'score',
      time: {
        column: 'answered_at',
        unit: 'fiscal-year',
        fiscalYearStartMonth: 4,
        timeZone: 'Asia/Tokyo',
        range: { from: '2023-04-01T00:00:00+09:00', to: '2024-04-01T00:00:00+09:00' },
      },
    },
  },
  {
    // A range that starts and ends within a local day: the days that straddle it are counted in part.
    name: 'NPS by day in New York, in a range from noon to mid-afternoon UTC',
    spec: {
      kpi: 'nps',
      value: 'score',
      time: {
        column: 'answered_at',
        unit: 'day',
        timeZone: 'America/New_York',
        range: { from: '2024-03-09T12:00:00Z', to: '2024-11-03T15:30:00Z' },
      },
    },
  },
  {
    name: 'NPS of the NPS survey, read from a text column',
    spec: {
      kpi: 'nps',
      value: 'score_text',
      filters: [{ column: 'survey', op: '==', value: 'nps' }],
      time: month('America/New_York'),
    },
    keep: (r) => r.survey === 'nps',
  },
  {
    name: 'CSAT (top-box) by month and plan, CSAT survey only',
    spec: {
      kpi: 'csat',
      value: 'score',
      filters: [{ column: 'survey', op: '==', value: 'csat' }],
      time: month('America/Los_Angeles'),
      dimensions: ['plan'],
    },
    keep: (r) => r.survey === 'csat',
  },
  {
    name: 'CSAT as a mean, plans other than starter (missing plans kept)',
    spec: {
      kpi: 'csat',
      value: 'score',
      options: { method: 'mean' },
      filters: [
        { column: 'survey', in: ['csat'] },
        { column: 'plan', op: '!=', value: 'starter' },
      ],
    },
    keep: (r) => r.survey === 'csat' && r.plan !== 'starter',
  },
  {
    name: 'CES by month, not the NPS survey',
    spec: {
      kpi: 'ces',
      value: 'score',
      filters: [{ not: { column: 'survey', in: ['nps', null] } }],
      time: month('Europe/London'),
    },
    keep: (r) => r.survey !== 'nps',
  },
  {
    name: 'ACSI of three question columns, by month in São Paulo and plan',
    spec: { kpi: 'acsi', value: ['q1', 'q2', 'q3'], time: month('America/Sao_Paulo'), dimensions: ['plan'] },
  },
  {
    name: 'response rate by month and plan',
    spec: { kpi: 'responseRate', value: 'answered', time: month('America/New_York'), dimensions: ['plan'] },
  },
]

const ticketColumns = {
  createdAt: 'created_at',
  solvedAt: 'solved_at',
  status: 'status',
  agentReplies: 'agent_replies',
  reopens: 'reopens',
  spam: 'spam',
  merged: 'merged',
} as const
const created = (timeZone: string) => ({ column: 'created_at', unit: 'month', timeZone }) as const
const HOUR = 3_600_000
const ticketCases: Case[] = [
  { name: 'FCR over every ticket', spec: { kpi: 'firstContactResolution', columns: ticketColumns } },
  {
    name: 'FCR by month of creation in New York, by team',
    spec: {
      kpi: 'firstContactResolution',
      columns: ticketColumns,
      time: created('America/New_York'),
      dimensions: ['team'],
    },
  },
  {
    name: "FCR, Zendesk's fewer than two replies, over all tickets, by ISO week of solve in Berlin",
    spec: {
      kpi: 'firstContactResolution',
      options: { method: 'zendesk-lt2', denominator: 'all' },
      columns: {
        createdAt: 'created_at',
        solvedAt: 'solved_at',
        status: 'status',
        agentReplies: 'agent_replies',
      },
      time: { column: 'solved_at', unit: 'week', timeZone: 'Europe/Berlin' },
    },
  },
  {
    name: 'FCR, no customer follow-up, without the reopens and flags columns',
    spec: {
      kpi: 'firstContactResolution',
      options: { method: 'no-customer-followup', minN: 100 },
      columns: { createdAt: 'created_at', solvedAt: 'solved_at', customerFollowups: 'customer_followups' },
      time: created('Australia/Lord_Howe'),
    },
  },
  {
    name: 'FCR, one teammate closed once, of one team',
    spec: {
      kpi: 'firstContactResolution',
      options: { method: 'single-teammate-closed-once' },
      columns: {
        createdAt: 'created_at',
        status: 'status',
        agentsInvolved: 'agents_involved',
        closes: 'closes',
        spam: 'spam',
      },
      filters: [{ column: 'team', op: '==', value: 'growth' }],
    },
    keep: (r) => r.team === 'growth',
  },
  {
    name: 'first-reply SLA of 4 hours by month in Kolkata, by team',
    spec: {
      kpi: 'slaAttainment',
      options: { targetMs: 4 * HOUR },
      columns: { createdAt: 'created_at', firstReplyAt: 'first_reply_at', spam: 'spam', merged: 'merged' },
      time: created('Asia/Kolkata'),
      dimensions: ['team'],
    },
  },
  {
    name: 'resolution SLA of 2.5 days as of mid-2024 (open tickets past due are breached)',
    spec: {
      kpi: 'slaAttainment',
      options: { targetMs: 60 * HOUR, metric: 'resolution', asOf: '2024-07-01T00:00:00Z', level: 0.9 },
      columns: { createdAt: 'created_at', solvedAt: 'solved_at', merged: 'merged' },
      time: { ...created('America/Sao_Paulo'), unit: 'quarter' },
    },
  },
]

/**
 * Business hours with every feature the calendar carries: a lunch break, an overnight shift, a holiday
 * and a half-day closure, a new version of the hours, in a zone with daylight saving.
 */
const support: cx.Schedule = {
  name: 'Support (New York)',
  timeZone: 'America/New_York',
  hours: {
    monday: [
      ['09:00', '12:30'],
      ['13:30', '17:00'],
    ],
    tuesday: [['09:00', '17:00']],
    wednesday: [['09:00', '17:00']],
    thursday: [['09:00', '17:00']],
    friday: [['09:00', '17:00']],
    sunday: [['22:00', '02:00']],
  },
  holidays: [{ date: '2023-07-04' }, { date: '2023-11-24', from: '12:00' }],
  versions: [
    {
      from: '2024-03-01',
      hours: {
        monday: [['08:00', '20:00']],
        wednesday: [['08:00', '20:00']],
        saturday: [['10:00', '14:00']],
      },
      holidays: [{ date: '2024-12-25' }],
    },
  ],
}
const replyColumns = {
  createdAt: 'created_at',
  firstReplyAt: 'first_reply_at',
  spam: 'spam',
  merged: 'merged',
} as const
const solveColumns = {
  createdAt: 'created_at',
  solvedAt: 'solved_at',
  firstSolvedAt: 'first_solved_at',
  requesterWaitMs: 'requester_wait_ms',
  onHoldMs: 'on_hold_ms',
  agentWaitMs: 'agent_wait_ms',
  spam: 'spam',
  merged: 'merged',
} as const
const twoYears = { from: '2023-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' } as const
const twoYearsAndMore = { from: '2022-12-01T00:00:00Z', to: '2025-03-01T00:00:00Z' } as const
const durationCases: Case[] = [
  { name: 'first reply time over every ticket', spec: { kpi: 'firstReplyTime', columns: replyColumns } },
  {
    name: 'first reply time, p90, by month in New York and team, with a 4-hour target',
    spec: {
      kpi: 'firstReplyTime',
      options: { method: 'p90', targetMs: 4 * HOUR, level: 0.9 },
      columns: replyColumns,
      time: created('America/New_York'),
      dimensions: ['team'],
    },
  },
  {
    name: 'first reply time by ISO week in Berlin, nearest rank, without the flags',
    spec: {
      kpi: 'firstReplyTime',
      options: { quantileMethod: 'nearest-rank' },
      columns: { createdAt: 'created_at', firstReplyAt: 'first_reply_at' },
      time: { column: 'created_at', unit: 'week', timeZone: 'Europe/Berlin' },
    },
  },
  {
    name: 'first reply time by Sunday week in Kolkata as of mid-2024',
    spec: {
      kpi: 'firstReplyTime',
      columns: replyColumns,
      time: {
        column: 'created_at',
        unit: 'week',
        weekStartsOn: 0,
        timeZone: 'Asia/Kolkata',
        asOf: '2024-07-01T00:00:00Z',
      },
    },
  },
  {
    name: 'first reply time in business hours by month in New York, with a 2-hour target',
    spec: {
      kpi: 'firstReplyTime',
      options: { schedule: support, targetMs: 2 * HOUR },
      columns: replyColumns,
      time: { ...created('America/New_York'), range: twoYears },
    },
  },
  {
    name: 'resolution time by quarter in São Paulo, with first solves and waits',
    spec: {
      kpi: 'resolutionTime',
      options: { targetMs: 48 * HOUR },
      columns: solveColumns,
      time: { ...created('America/Sao_Paulo'), unit: 'quarter' },
    },
  },
  {
    name: 'first resolution in business hours by fiscal quarter from 6 April in London, by team',
    spec: {
      kpi: 'resolutionTime',
      options: { schedule: support, resolution: 'first', method: 'p95', targetMs: 16 * HOUR },
      columns: solveColumns,
      time: {
        column: 'created_at',
        unit: 'fiscal-quarter',
        fiscalYearStartMonth: 4,
        fiscalYearStartDay: 6,
        timeZone: 'Europe/London',
        range: { from: '2023-04-06T00:00:00+01:00', to: '2024-04-06T00:00:00+01:00' },
      },
      dimensions: ['team'],
    },
  },
  {
    name: 'full resolution in business hours over a span, by fortnight on Lord Howe Island, nearest rank',
    spec: {
      kpi: 'resolutionTime',
      options: { schedule: support, quantileMethod: 'nearest-rank', method: 'mean' },
      columns: { createdAt: 'created_at', solvedAt: 'solved_at', merged: 'merged' },
      time: {
        column: 'created_at',
        unit: 'n-days',
        days: 14,
        anchor: '2023-01-02',
        timeZone: 'Australia/Lord_Howe',
      },
      span: { from: '2022-12-01T00:00:00Z', to: '2025-02-01T00:00:00Z' },
      filters: [{ column: 'created_at', op: '>=', value: '2023-01-01T00:00:00Z' }],
    },
    keep: (r) => r.created_at !== null && r.created_at >= '2023-01-01T00:00:00Z',
  },
  {
    name: 'resolution time by fiscal year from July in Tokyo, in a range',
    spec: {
      kpi: 'resolutionTime',
      columns: solveColumns,
      time: {
        column: 'created_at',
        unit: 'fiscal-year',
        fiscalYearStartMonth: 7,
        timeZone: 'Asia/Tokyo',
        range: { from: '2023-07-01T00:00:00+09:00', to: '2024-07-01T00:00:00+09:00' },
      },
    },
  },
]

describe.each([
  ['DuckDB', 'duckdb', 'tickets', runDuck],
  ['PostgreSQL', 'postgres', ['analytics', 'tickets'], runPg],
] as const)(
  '%s computes response and resolution times a fold in memory computes',
  (_, dialect, table, run) => {
    it.each(durationCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      const spec = { ...c.spec, dialect, table } as WarehouseSpec
      const expected = inMemory(c, ticketRows as never)
      const got = await inWarehouse(spec, run)
      expect(close(got, expected)).toBeNull()
    })

    it('measures business time unlike calendar time, and counts every ticket by the reason it was left out', async () => {
      const c = durationCases[4] as Case
      const r = (await inWarehouse(
        { ...c.spec, dialect, table, time: undefined, span: twoYearsAndMore } as unknown as WarehouseSpec,
        run,
      )) as cx.FirstReplyTimeResult
      expect(r.basis).toBe('business')
      expect(r.business?.n).toBe(r.calendar.n)
      expect(r.business?.medianMs).toBeLessThan(r.calendar.medianMs as number)
      expect(r.withinTarget?.successes).toBeGreaterThan(0)
      for (const reason of [
        'missing',
        'invalid',
        'unanswered',
        'replyBeforeCreation',
        'spam',
        'merged',
      ] as const)
        expect(r.excluded[reason]).toBeGreaterThan(0)
      expect(r.n + Object.values(r.excluded).reduce((a, b) => a + b, 0)).toBe(ticketRows.length)
    })

    it('asks for the span the tickets take when business hours have neither a span nor a range', async () => {
      const c: Case = {
        name: 'resolution time in business hours by team, over every ticket',
        spec: {
          kpi: 'resolutionTime',
          options: { schedule: support },
          columns: solveColumns,
          dimensions: ['team'],
        },
      }
      const queries: string[] = []
      const got = await inWarehouse({ ...c.spec, dialect, table } as WarehouseSpec, (q) => {
        queries.push(q.sql)
        return run(q)
      })
      expect(queries).toHaveLength(2)
      expect(queries[0]).toMatch(/^SELECT MIN\(/)
      expect(close(got, inMemory(c, ticketRows as never))).toBeNull()
    })

    it('refuses a business calendar that does not cover the tickets, rather than measure them wrong', async () => {
      const spec = {
        kpi: 'firstReplyTime',
        options: { schedule: support },
        columns: replyColumns,
        span: { from: '2023-06-01T00:00:00Z', to: '2023-07-01T00:00:00Z' },
        dialect,
        table,
      } as WarehouseSpec
      await expect(inWarehouse(spec, run)).rejects.toThrow(
        /warehouseResult expected `spec.span` to be a business calendar that covers every ticket's instants \(\d+ fall outside it\)/,
      )
      // Tickets out of the range do not count: a span that covers those in the range is enough.
      const within = (await inWarehouse(
        {
          ...spec,
          time: {
            ...created('America/New_York'),
            range: { from: '2023-06-10T00:00:00Z', to: '2023-06-12T00:00:00Z' },
          },
          filters: [{ column: 'first_reply_at', op: '<', value: '2023-06-30T00:00:00Z' }],
        } as WarehouseSpec,
        run,
      )) as unknown as cx.ByPeriodResult<cx.FirstReplyTimeResult>
      expect(within.periods[0]?.result.n).toBeGreaterThan(0)
    })

    it('throws at the first bad ticket under onInvalid: throw, as a fold does', async () => {
      const spec = {
        kpi: 'firstReplyTime',
        options: { onInvalid: 'throw' },
        columns: replyColumns,
        dialect,
        table,
      } as WarehouseSpec
      await expect(inWarehouse(spec, run)).rejects.toThrow(cx.KpiError)
    })
  },
)

describe.each([
  ['DuckDB', 'duckdb', 'tickets', runDuck],
  ['PostgreSQL', 'postgres', ['analytics', 'tickets'], runPg],
] as const)('%s computes the support KPIs a fold in memory computes', (_, dialect, table, run) => {
  it.each(ticketCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const spec = { ...c.spec, dialect, table } as WarehouseSpec
    const expected = inMemory(c, ticketRows as never)
    const got = await inWarehouse(spec, run)
    expect(close(got, expected)).toBeNull()
  })

  it('counts every ticket, as a trial or by the reason it was left out', async () => {
    const r = (await inWarehouse(
      { dialect, table, kpi: 'firstContactResolution', columns: ticketColumns } as WarehouseSpec,
      run,
    )) as cx.FirstContactResolutionResult
    for (const reason of ['missing', 'invalid', 'unresolved', 'incomplete', 'spam', 'merged'] as const)
      expect(r.excluded[reason]).toBeGreaterThan(0)
    expect(r.n + Object.values(r.excluded).reduce((a, b) => a + b, 0)).toBe(ticketRows.length)
  })
})

const survivalCases: Case[] = [
  {
    name: 'survival over every observation',
    spec: { kpi: 'survival', columns: { time: 'days', event: 'churned' } },
  },
  {
    name: 'survival by plan, with the log-rank test, log-log intervals at 90 % and a restricted mean',
    spec: {
      kpi: 'survival',
      options: { interval: 'log-log', level: 0.9, horizon: 365 },
      columns: { time: 'days', event: 'churned', group: 'plan' },
    },
  },
  {
    name: 'survival with delayed entry, by quarter of sign-up in New York, the first median',
    spec: {
      kpi: 'survival',
      options: { median: 'first' },
      columns: { time: 'days', event: 'churned', entry: 'entry_days' },
      time: { column: 'signed_up_at', unit: 'quarter', timeZone: 'America/New_York' },
    },
  },
  {
    name: 'survival by month of sign-up on Lord Howe Island and plan, growth and enterprise only',
    spec: {
      kpi: 'survival',
      columns: { time: 'days', event: 'churned' },
      time: { column: 'signed_up_at', unit: 'month', timeZone: 'Australia/Lord_Howe' },
      dimensions: ['plan'],
      filters: [{ column: 'plan', in: ['growth', 'enterprise'] }],
    },
    keep: (r) =>
      (r as unknown as Observation).plan === 'growth' || (r as unknown as Observation).plan === 'enterprise',
  },
]

describe.each([
  ['DuckDB', 'duckdb', 'observations', runDuck],
  ['PostgreSQL', 'postgres', ['analytics', 'observations'], runPg],
] as const)('%s computes the Kaplan–Meier tallies survival computes', (_, dialect, table, run) => {
  it.each(survivalCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const spec = { ...c.spec, dialect, table } as WarehouseSpec
    expect(close(await inWarehouse(spec, run), inMemory(c, observationRows as never))).toBeNull()
  })

  it('counts every observation, as a subject or by the reason it was left out', async () => {
    const r = (await inWarehouse(
      { dialect, table, kpi: 'survival', columns: { time: 'days', event: 'churned', entry: 'entry_days' } },
      run,
    )) as cx.SurvivalResult
    // A NULL time, event or entry is invalid, as null is in memory.
    expect(r.excluded.invalid).toBeGreaterThan(1500)
    expect(r.curve.length).toBeGreaterThan(100)
    expect(r.n + r.excluded.missing + r.excluded.invalid).toBe(observationRows.length)
  })
})

const purchaseColumns = { customerId: 'customer_id', at: 'at', amount: 'amount' } as const
const rfmCases: readonly (readonly [string, Readonly<Record<string, unknown>>])[] = [
  ['weekly, calibration to mid-2024, in UTC', { calibrationEnd: '2024-06-30T00:00:00Z' }],
  [
    'daily in New York, with a holdout to September 2024',
    {
      calibrationEnd: '2024-03-10T12:00:00-04:00',
      holdoutEnd: '2024-09-30T00:00:00-04:00',
      durationUnit: 'day',
      timeZone: 'America/New_York',
    },
  ],
  [
    'in 30-day units on Lord Howe Island, whole units of currency',
    {
      calibrationEnd: '2024-10-05T12:00:00Z',
      durationUnit: 30,
      timeZone: 'Australia/Lord_Howe',
      minorUnits: 0,
    },
  ],
]

describe.each([
  ['DuckDB', 'duckdb', (t: string) => t, runDuck],
  ['PostgreSQL', 'postgres', (t: string) => ['analytics', t], runPg],
] as const)('%s computes the RFM summary rfmSummary computes', (_, dialect, table, run) => {
  const purchase = (p: Purchase) => ({ customerId: p.customer_id, at: p.at, amount: p.amount })
  it.each(rfmCases)('%s', async (_, options) => {
    const spec = { dialect, table: table('purchases'), kpi: 'rfmSummary', columns: purchaseColumns, options }
    const got = await inWarehouse(spec as WarehouseSpec, run)
    const expected = cx.rfmSummary(purchaseRows, purchase as never, options as never)
    expect(close(got, expected)).toBeNull()
    for (const reason of ['missing', 'invalid', 'outOfRange'] as const)
      expect((got as cx.RfmSummaryResult).excluded[reason], reason).toBeGreaterThan(0)
  })

  it('of a filtered log, and one row per customer over the wire', async () => {
    const options = { calibrationEnd: '2024-06-30T00:00:00Z' }
    const spec = {
      dialect,
      table: table('purchases'),
      kpi: 'rfmSummary',
      columns: purchaseColumns,
      options,
      filters: [{ column: 'amount', op: '>', value: 0 }],
    } as WarehouseSpec
    const expected = cx.rfmSummary(
      purchaseRows.filter((p) => p.amount !== null && p.amount > 0),
      purchase as never,
      options,
    )
    const rows = [...(await run(warehouseQuery(spec)))]
    const customers = rows.filter((r) => Object.values(r as object)[0] === 'customer').length
    expect(customers).toBe(expected.customers.length + expected.firstAfterCalibration)
    expect(close(await inWarehouse(spec, run), expected)).toBeNull()
  })

  it('reproduces the published CDNOW summary: 2,357 customers, 946 with repeat purchases', async () => {
    const r = (await inWarehouse(
      {
        dialect,
        table: table('cdnow'),
        kpi: 'rfmSummary',
        columns: purchaseColumns,
        options: { calibrationEnd: '1997-09-30T00:00:00Z' },
      } as WarehouseSpec,
      run,
    )) as cx.RfmSummaryResult
    expect(r.customers.length).toBe(2357)
    expect(r.customers.filter((c) => c.frequency > 0).length).toBe(946)
  })
})

describe.each([
  ['DuckDB', 'duckdb', 'responses', runDuck],
  ['PostgreSQL', 'postgres', ['analytics', 'responses'], runPg],
] as const)('%s computes what a fold in memory computes', (_, dialect, table, run) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const spec = { ...c.spec, dialect, table } as WarehouseSpec
    const expected = inMemory(c)
    const got = await inWarehouse(spec, run)
    expect(close(got, expected)).toBeNull()
    // Nothing lost: every row is counted, as a value or as an exclusion.
    const r = got as { n?: number; groups?: unknown[]; periods?: unknown[] }
    if (r.groups === undefined && r.periods === undefined) expect(r.n).toBeGreaterThan(0)
  })

  it('counts what is off the scale, between points, NaN and missing, each by reason', async () => {
    const r = (await inWarehouse(
      { dialect, table, kpi: 'nps', value: 'score' } as WarehouseSpec,
      run,
    )) as cx.NpsResult
    expect(r.excluded.offScale).toBeGreaterThan(0)
    expect(r.excluded.nonInteger).toBeGreaterThan(0)
    expect(r.excluded.invalid).toBeGreaterThan(0)
    expect(r.excluded.missing).toBeGreaterThan(0)
    expect(r.n + Object.values(r.excluded).reduce((a, b) => a + b, 0)).toBe(rows.length)
  })

  it('treats hostile segment names as data', async () => {
    const r = (await inWarehouse(
      { dialect, table, kpi: 'nps', value: 'score', dimensions: ['plan'] } as WarehouseSpec,
      run,
    )) as unknown as cx.ByKeyResult<cx.NpsResult>
    const keys = r.groups.map((g) => g.key).sort()
    expect(keys).toContain('__proto__')
    expect(keys).toContain('O\'Brien"; DROP TABLE t; --')
    expect(({} as Record<string, unknown>).promoters).toBeUndefined()
  })
})

describe('names that try to inject SQL', () => {
  const hostile = [
    'responses; DROP TABLE responses',
    'responses"--',
    'score` OR 1=1',
    "score' --",
    'score /* x */',
    'score\u0000',
    'score\u202e',
    'ѕcore；',
    '',
  ]
  it.each(hostile.map((h) => [JSON.stringify(h), h] as const))(
    'refuses %s as a table or column name',
    (_, h) => {
      expect(() => warehouseQuery({ dialect: 'postgres', kpi: 'nps', table: h, value: 'score' })).toThrow(
        TypeError,
      )
      expect(() => warehouseQuery({ dialect: 'bigquery', kpi: 'nps', table: 't', value: h })).toThrow(
        /warehouseQuery expected `spec.value`/,
      )
      expect(() =>
        warehouseQuery({
          dialect: 'duckdb',
          kpi: 'nps',
          table: 't',
          value: 'score',
          dimensions: ['plan', h],
        }),
      ).toThrow(/spec.dimensions\[1\]/)
    },
  )

  it('quotes look-alikes and spaces, which then name no table rather than another statement', async () => {
    const q = warehouseQuery({ dialect: 'duckdb', kpi: 'nps', table: 'rеsponses', value: 'score' }) // Cyrillic е
    expect(q.sql).toContain('FROM "rеsponses"')
    await expect(runDuck(q)).rejects.toThrow(/does not exist/)
    const spaced = warehouseQuery({ dialect: 'postgres', kpi: 'nps', table: 'my table', value: 'my score' })
    expect(spaced.sql).toContain('"my score" AS "cx_value"')
  })

  it('binds every value, in filters and zones, as a parameter', async () => {
    const evil = "nps' OR '1'='1"
    const spec = {
      dialect: 'postgres',
      kpi: 'nps',
      table: ['analytics', 'responses'],
      value: 'score',
      filters: [{ column: 'survey', op: '==', value: evil }],
    } as const
    const q = warehouseQuery(spec)
    expect(q.sql).not.toContain(evil)
    expect(q.params).toEqual([evil])
    expect(((await inWarehouse(spec, runPg)) as cx.NpsResult).reason).toBe('no-data')
  })
})

const subscriptionColumns = {
  customerId: 'customer_id',
  subscriptionId: 'subscription_id',
  start: 'start_at',
  end: 'end_at',
  cancelledAt: 'cancelled_at',
  pastDueSince: 'past_due_since',
  mrr: 'mrr',
  amount: 'amount',
  billingInterval: 'billing_interval',
  quantity: 'quantity',
  trial: 'trial',
  currency: 'currency',
} as const
const years = { from: '2023-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
const subscriptionCases: Case[] = [
  {
    name: 'monthly churn in UTC over three years',
    spec: { kpi: 'churnRate', columns: subscriptionColumns, options: { range: years, unit: 'month' } },
  },
  {
    name: 'monthly churn in New York by segment, Shopify’s daily sum',
    spec: {
      kpi: 'churnRate',
      columns: subscriptionColumns,
      options: { range: years, unit: 'month', timeZone: 'America/New_York', denominator: 'daily-sum' },
      dimensions: ['segment'],
    },
  },
  {
    name: 'quarterly subscription churn on Lord Howe Island, joined-and-churned and reactivated counted',
    spec: {
      kpi: 'churnRate',
      columns: subscriptionColumns,
      options: {
        range: years,
        unit: 'quarter',
        timeZone: 'Australia/Lord_Howe',
        entity: 'subscription',
        joinedAndChurned: 'include',
        churnedAndReactivated: 'include',
      },
    },
  },
  {
    name: 'weekly churn from Sundays in New York at cancellation, 30 grace days, as of March 2025',
    spec: {
      kpi: 'churnRate',
      columns: subscriptionColumns,
      options: {
        range: { from: '2024-09-01T00:00:00-04:00', to: '2025-04-01T00:00:00-04:00' },
        unit: 'week',
        weekStartsOn: 0,
        timeZone: 'America/New_York',
        recognition: 'cancellation',
        graceDays: 30,
        asOf: '2025-03-15T12:00:00Z',
        denominator: 'start-plus-new',
      },
    },
  },
  {
    name: 'churn over the 30 days to June 2024, daily sum, average-free segments filtered',
    spec: {
      kpi: 'churnRate',
      columns: subscriptionColumns,
      options: { trailingDays: 30, asOf: '2024-06-01T00:00:00Z', denominator: 'daily-sum' },
      filters: [{ column: 'segment', in: ['growth', '__proto__', 'Ünïcødé plan'] }],
    },
    keep: (r) =>
      ['growth', '__proto__', 'Ünïcødé plan'].includes((r as never as SubscriptionRow).segment as string),
  },
  {
    name: 'MRR movements by month in New York and segment',
    spec: {
      kpi: 'mrrMovements',
      columns: subscriptionColumns,
      options: { range: years, unit: 'month', timeZone: 'America/New_York' },
      dimensions: ['segment'],
    },
  },
  {
    name: 'MRR movements by month on Lord Howe Island at cancellation, 1.5 grace days, in USD',
    spec: {
      kpi: 'mrrMovements',
      columns: subscriptionColumns,
      options: {
        range: years,
        unit: 'month',
        timeZone: 'Australia/Lord_Howe',
        recognition: 'cancellation',
        graceDays: 1.5,
        currency: 'USD',
      },
    },
  },
  {
    name: 'NRR and GRR by month in UTC',
    spec: { kpi: 'revenueRetention', columns: subscriptionColumns, options: { range: years, unit: 'month' } },
  },
  {
    name: 'trailing-twelve-month NRR by month on Lord Howe Island and segment, daily MRR churn',
    spec: {
      kpi: 'revenueRetention',
      columns: subscriptionColumns,
      options: {
        range: years,
        unit: 'month',
        timeZone: 'Australia/Lord_Howe',
        horizonMonths: 12,
        mrrChurn: 'daily-sum',
        reactivation: 'exclude',
      },
      dimensions: ['segment'],
    },
  },
  {
    name: 'NRR of one quarter in New York as of the DST change, whole units of currency',
    spec: {
      kpi: 'revenueRetention',
      columns: subscriptionColumns,
      options: {
        period: '2024-Q4',
        unit: 'quarter',
        timeZone: 'America/New_York',
        asOf: '2024-11-03T06:00:00Z',
        minorUnits: 0,
      },
    },
  },
  {
    name: 'a monthly cohort table in New York by segment',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: { unit: 'month', timeZone: 'America/New_York' },
      dimensions: ['segment'],
    },
  },
  {
    name: 'an MRR cohort table by month in UTC, twelve columns',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: { unit: 'month', basis: 'revenue', maxPeriods: 12 },
    },
  },
  {
    name: 'recurring quarterly cohorts on Lord Howe Island',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: { unit: 'quarter', cohorting: 'recurring', timeZone: 'Australia/Lord_Howe' },
    },
  },
  {
    name: 'unbounded retention of the cohorts of mid-2023 to 2024, as of June 2025',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: {
        unit: 'month',
        criterion: 'unbounded',
        asOf: '2025-06-01T00:00:00Z',
        range: { from: '2023-06-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
      },
    },
  },
  {
    name: 'a cohort table of no subscriptions at all',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: { unit: 'month' },
      filters: [{ column: 'segment', op: '==', value: 'no such segment' }],
    },
    keep: () => false,
  },
  {
    name: 'bracketed recurring weekly cohorts from Sundays, plain means, by segment',
    spec: {
      kpi: 'cohortRetention',
      columns: subscriptionColumns,
      options: {
        unit: 'week',
        weekStartsOn: 0,
        criterion: 'bracket',
        brackets: [
          [0, 0],
          [1, 3],
          [4, 12],
        ],
        cohorting: 'recurring',
        average: 'mean',
      },
      dimensions: ['segment'],
    },
  },
]

describe.each([
  ['DuckDB', 'duckdb', (t: string) => t, runDuck],
  ['PostgreSQL', 'postgres', (t: string) => ['analytics', t], runPg],
] as const)(
  '%s computes churn, MRR movements, revenue retention and cohort tables as a fold in memory does',
  (_, dialect, table, run) => {
    it.each(subscriptionCases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
      const spec = { ...c.spec, dialect, table: table('subscriptions') } as WarehouseSpec
      expect(close(await inWarehouse(spec, run), inMemory(c, subscriptionRows as never))).toBeNull()
    })

    it.each(['churnRate', 'mrrMovements', 'revenueRetention'] as const)(
      '%s of the sample subscriptions (prices per interval, trials) by month in New York',
      async (kpi) => {
        const c: Case = {
          name: kpi,
          spec: {
            kpi,
            columns: subscriptionColumns,
            options: {
              range: { from: '2024-01-01T00:00:00-05:00', to: '2025-01-01T00:00:00-05:00' },
              unit: 'month',
              timeZone: 'America/New_York',
            },
          },
        }
        const spec = { ...c.spec, dialect, table: table('sample_subscriptions') } as WarehouseSpec
        const got = await inWarehouse(spec, run)
        expect(close(got, inMemory(c, sampleSubscriptionRows as never))).toBeNull()
        const last = (got as { periods: { result: { value: number | null } }[] }).periods.at(-1)
        expect(last?.result.value).not.toBeNull()
      },
    )

    it('counts every subscription, as counted or by the reason it was left out', async () => {
      const spec = {
        dialect,
        table: table('subscriptions'),
        kpi: 'mrrMovements',
        columns: subscriptionColumns,
        options: { period: '2024-03', unit: 'month', asOf: '2025-06-01T00:00:00Z' },
      } as WarehouseSpec
      const r = (await inWarehouse(spec, run)) as cx.MrrMovementsResult
      for (const reason of ['missing', 'invalid', 'trial', 'free', 'pending'] as const)
        expect(r.excluded[reason], reason).toBeGreaterThan(0)
      // Nothing lost: the subscriptions counted and those left out are all the rows.
      const parts = [...(await run(warehouseQuery(spec)))] as Record<string, unknown>[]
      const total = parts
        .filter((p) => p.cx_part === 'counted' || p.cx_part === 'excluded')
        .reduce((a, p) => a + Number(p.cx_n), 0)
      expect(total).toBe(subscriptionRows.length)
      // Only tallies cross the wire: far fewer rows than subscriptions.
      expect(parts.length).toBeLessThan(subscriptionRows.length / 50)
    })

    it('refuses a computation in another currency than the subscriptions’', async () => {
      const spec = {
        dialect,
        table: table('subscriptions'),
        kpi: 'revenueRetention',
        columns: subscriptionColumns,
        options: { period: '2024-03', unit: 'month', currency: 'EUR' },
      } as WarehouseSpec
      await expect(inWarehouse(spec, run)).rejects.toThrow(/in USD but the computation is in EUR/)
    })
  },
)
