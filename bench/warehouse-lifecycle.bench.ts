// Pushdown of the subscription KPIs: monthly churn, MRR movements, NRR/GRR and a monthly cohort table
// of 1,000,000 subscriptions (400,000 customers, three years) in DuckDB and 200,000 in a PostgreSQL
// server started for the run, computed inside the engine with cx-metrics/sql, against reading the rows
// into JavaScript and computing the KPI in memory. Best of three runs each.
import { DuckDBInstance } from '@duckdb/node-api'
import { churnRate, cohortRetention, mrrMovements, revenueRetention, type Subscription } from 'cx-metrics'
import { inWarehouse, type WarehouseQuery } from 'cx-metrics/sql'
import { best, withPostgres } from './warehouse.bench.ts'

const range = { from: '2023-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
const zone = 'America/New_York'
const kpis = {
  churnRate: {
    options: { range, unit: 'month', timeZone: zone },
    memory: (s: Subscription[]) => churnRate(s, { range, unit: 'month', timeZone: zone }),
  },
  mrrMovements: {
    options: { range, unit: 'month', timeZone: zone },
    memory: (s: Subscription[]) => mrrMovements(s, { range, unit: 'month', timeZone: zone }),
  },
  revenueRetention: {
    options: { range, unit: 'month', timeZone: zone, horizonMonths: 12 },
    memory: (s: Subscription[]) =>
      revenueRetention(s, { range, unit: 'month', timeZone: zone, horizonMonths: 12 }),
  },
  cohortRetention: {
    options: { unit: 'month', timeZone: zone },
    memory: (s: Subscription[]) => cohortRetention(s, { unit: 'month', timeZone: zone }),
  },
} as const
const columns = { customerId: 'customer_id', start: 'start_at', end: 'end_at', mrr: 'mrr' } as const
const subscription = (r: readonly unknown[]): Subscription => ({
  customerId: r[0] as string,
  start: Number(r[1]),
  end: r[2] === null ? null : Number(r[2]),
  mrr: r[3] as number,
})

async function table(
  engine: string,
  n: number,
  run: (q: WarehouseQuery) => Promise<Iterable<unknown>>,
  dialect: 'duckdb' | 'postgres',
  read: () => Promise<Subscription[]>,
): Promise<void> {
  for (const [kpi, k] of Object.entries(kpis)) {
    const push = await best(() =>
      inWarehouse({ dialect, kpi: kpi as 'churnRate', table: 'subs', columns, options: k.options }, run),
    )
    const memory = await best(async () => k.memory(await read()))
    console.log(
      `| ${engine}, ${n.toLocaleString('en-US')} subscriptions | ${kpi} | ${(memory / 1000).toFixed(2)} s | ${(push / 1000).toFixed(2)} s | ${(memory / push).toFixed(1)}× |`,
    )
  }
}

export async function run(): Promise<void> {
  console.log('\n### Pushdown: the subscription KPIs by month in America/New_York\n')
  console.log('| engine | KPI | rows read and computed | pushdown | pushdown is faster by |')
  console.log('| --- | --- | ---: | ---: | ---: |')
  const n = 1_000_000
  const db = await DuckDBInstance.create(':memory:')
  const duck = await db.connect()
  await duck.run(
    `CREATE TABLE subs AS SELECT 'c' || floor(random() * 400000)::BIGINT AS customer_id, s AS start_at, CASE WHEN random() < 0.3 THEN NULL ELSE s + to_days(floor(random() * 700)::INTEGER) END AS end_at, round(random() * 500, 2) AS mrr FROM (SELECT TIMESTAMPTZ '2023-01-01 00:00:00+00' + to_seconds(floor(random() * 94608000)::BIGINT) AS s FROM range(${n}))`,
  )
  const runDuck = async (q: WarehouseQuery) => (await duck.runAndReadAll(q.sql, q.params as never)).getRows()
  const readDuck = async () => {
    const result = await duck.stream(
      'SELECT customer_id, epoch_ms(start_at), epoch_ms(end_at), mrr FROM subs',
    )
    const rows: Subscription[] = []
    for (;;) {
      const chunk = await result.fetchChunk()
      if (chunk === null || chunk.rowCount === 0) break
      for (const r of chunk.getRows()) rows.push(subscription(r))
    }
    return rows
  }
  await table('DuckDB', n, runDuck, 'duckdb', readDuck)
  duck.closeSync()

  const m = 200_000
  await withPostgres(async (client) => {
    await client.query(
      `CREATE TABLE subs AS SELECT 'c' || floor(random() * 80000)::bigint AS customer_id, s AS start_at, CASE WHEN random() < 0.3 THEN NULL ELSE s + floor(random() * 700) * INTERVAL '1 day' END AS end_at, round((random() * 500)::numeric, 2)::double precision AS mrr FROM (SELECT TIMESTAMPTZ '2023-01-01 00:00:00+00' + floor(random() * 94608000) * INTERVAL '1 second' AS s FROM generate_series(1, ${m})) AS t`,
    )
    await client.query('ANALYZE subs')
    const runPg = async (q: WarehouseQuery) => (await client.query(q.sql, [...q.params])).rows
    const readPg = async () => {
      const r = await client.query({
        text: 'SELECT customer_id, (extract(epoch FROM start_at) * 1000)::bigint, (extract(epoch FROM end_at) * 1000)::bigint, mrr FROM subs',
        rowMode: 'array',
      })
      return (r.rows as unknown[][]).map(subscription)
    }
    await table('PostgreSQL', m, runPg, 'postgres', readPg)
  })
}
