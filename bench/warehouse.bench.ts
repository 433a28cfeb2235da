// Pushdown: NPS by month in a DST zone over 10,000,000 responses in DuckDB (and 2,000,000 in a PostgreSQL
// server started for the run), computed inside the engine with cx-metrics/sql, against reading the rows
// into JavaScript and folding them (the engine's own streaming reader, then byPeriod(npsAggregator)).
// The same for the RFM summary of 10,000,000 transactions (2,000,000 in PostgreSQL).
// Target (the warehouse issue): pushdown at least 10× faster on DuckDB. Each case: best of three runs.
import { DuckDBInstance } from '@duckdb/node-api'
import { byPeriod, fold, npsAggregator, rfmSummary } from 'cx-metrics'
import { inWarehouse, type WarehouseQuery } from 'cx-metrics/sql'
import pg from 'pg'
import { startPostgres } from '../test/warehouse/_postgres.ts'

const time = { column: 'answered_at', unit: 'month', timeZone: 'America/New_York' } as const
/** The best of three runs, in ms. */
export const best = async (f: () => Promise<unknown>): Promise<number> => {
  let ms = Number.POSITIVE_INFINITY
  for (let i = 0; i < 3; i++) {
    const t = performance.now()
    await f()
    ms = Math.min(ms, performance.now() - t)
  }
  return ms
}
const folded = (rows: Iterable<[unknown, number | null]>) =>
  fold(
    byPeriod(
      npsAggregator((r: [unknown, number | null]) => r[0] as number),
      {
        unit: time.unit,
        timeZone: time.timeZone,
        date: (r: [unknown, number | null]) => r[1],
      },
    ),
    rows,
  )
/** Runs `f` with a client of a PostgreSQL server started for it, and stops the server after. */
export async function withPostgres(f: (client: pg.Client) => Promise<void>): Promise<void> {
  const server = await startPostgres()
  const client = new pg.Client({
    host: server.host,
    port: server.port,
    user: server.user,
    database: server.database,
  })
  try {
    await client.connect()
    await f(client)
  } finally {
    await client.end()
    server.stop()
  }
}

const row = (ms: number, base: number, name: string) =>
  console.log(`| ${name} | ${ms.toFixed(0)} ms | ${(base / ms).toFixed(1)}× |`)

/** The RFM summary of a transaction log, pushed down and read into JavaScript, on both engines. */
export async function rfm(): Promise<void> {
  const options = { calibrationEnd: '2024-06-30T00:00:00Z', holdoutEnd: '2024-12-31T00:00:00Z' }
  const spec = {
    kpi: 'rfmSummary',
    table: 'purchases',
    columns: { customerId: 'customer_id', at: 'ordered_at', amount: 'amount' },
    options,
  } as const
  const summary = (rows: readonly [unknown, number | null, unknown][]) =>
    rfmSummary(
      rows,
      (r) => ({ customerId: r[0] as string, at: r[1] as number, amount: r[2] as number }),
      options,
    )
  const n = 10_000_000
  const db = await DuckDBInstance.create(':memory:')
  const duck = await db.connect()
  await duck.run(
    `CREATE TABLE purchases AS SELECT 'c' || floor(random() * 500000)::BIGINT AS customer_id, TIMESTAMPTZ '2023-01-01 00:00:00+00' + to_seconds(floor(random() * 63072000)::BIGINT) AS ordered_at, round(random() * 200, 2) AS amount FROM range(${n})`,
  )
  const runDuck = async (q: WarehouseQuery) => (await duck.runAndReadAll(q.sql, q.params as never)).getRows()
  const pushDuck = await best(() => inWarehouse({ ...spec, dialect: 'duckdb' }, runDuck))
  const readDuck = await best(async () => {
    const result = await duck.stream('SELECT customer_id, epoch_ms(ordered_at), amount FROM purchases')
    const rows: [unknown, number | null, unknown][] = []
    for (;;) {
      const chunk = await result.fetchChunk()
      if (chunk === null || chunk.rowCount === 0) break
      for (const r of chunk.getRows()) rows.push([r[0], r[1] === null ? null : Number(r[1]), r[2]])
    }
    return summary(rows)
  })
  console.log(`\n### Pushdown: the RFM summary (500,000 customers, with a holdout)\n`)
  console.log('| case | best of 3 | pushdown is faster by |')
  console.log('| --- | ---: | ---: |')
  row(
    readDuck,
    readDuck,
    `DuckDB, ${n.toLocaleString('en-US')} transactions read into JavaScript and summarised`,
  )
  row(
    pushDuck,
    readDuck,
    `DuckDB, pushdown (cx-metrics/sql) — target ≥ 10× ${readDuck / pushDuck >= 10 ? '✓' : '✗ missed'}`,
  )
  duck.closeSync()

  const m = 2_000_000
  await withPostgres(async (client) => {
    await client.query(
      `CREATE TABLE purchases AS SELECT 'c' || floor(random() * 100000)::bigint AS customer_id, TIMESTAMPTZ '2023-01-01 00:00:00+00' + floor(random() * 63072000) * INTERVAL '1 second' AS ordered_at, round((random() * 200)::numeric, 2)::double precision AS amount FROM generate_series(1, ${m})`,
    )
    await client.query('ANALYZE purchases')
    const runPg = async (q: WarehouseQuery) => (await client.query(q.sql, [...q.params])).rows
    const pushPg = await best(() => inWarehouse({ ...spec, dialect: 'postgres' }, runPg))
    const readPg = await best(async () => {
      const r = await client.query({
        text: 'SELECT customer_id, (extract(epoch FROM ordered_at) * 1000)::bigint AS ordered_at, amount FROM purchases',
        rowMode: 'array',
      })
      return summary(
        (r.rows as [string, string | null, number][]).map((x) => [
          x[0],
          x[1] === null ? null : Number(x[1]),
          x[2],
        ]),
      )
    })
    row(
      readPg,
      readPg,
      `PostgreSQL, ${m.toLocaleString('en-US')} transactions (100,000 customers) read into JavaScript and summarised`,
    )
    row(pushPg, readPg, 'PostgreSQL, pushdown (cx-metrics/sql)')
  })
}

export async function run(): Promise<void> {
  const n = 10_000_000
  const db = await DuckDBInstance.create(':memory:')
  const duck = await db.connect()
  await duck.run(
    `CREATE TABLE responses AS SELECT CASE WHEN random() < 0.02 THEN NULL ELSE floor(random() * 11)::INTEGER END AS score, TIMESTAMPTZ '2023-01-01 00:00:00+00' + to_seconds(floor(random() * 63072000)::BIGINT) AS answered_at FROM range(${n})`,
  )
  const runDuck = async (q: WarehouseQuery) => (await duck.runAndReadAll(q.sql, q.params as never)).getRows()
  const pushDuck = await best(() =>
    inWarehouse({ dialect: 'duckdb', kpi: 'nps', table: 'responses', value: 'score', time }, runDuck),
  )
  const readDuck = await best(async () => {
    const result = await duck.stream('SELECT score, epoch_ms(answered_at) FROM responses')
    const rows: [unknown, number | null][] = []
    for (;;) {
      const chunk = await result.fetchChunk()
      if (chunk === null || chunk.rowCount === 0) break
      for (const r of chunk.getRows()) rows.push([r[0], r[1] === null ? null : Number(r[1])])
    }
    return folded(rows)
  })
  console.log(`\n### Pushdown: NPS by month in America/New_York\n`)
  console.log('| case | best of 3 | pushdown is faster by |')
  console.log('| --- | ---: | ---: |')
  row(readDuck, readDuck, `DuckDB, ${n.toLocaleString('en-US')} rows read into JavaScript and folded`)
  row(
    pushDuck,
    readDuck,
    `DuckDB, pushdown (cx-metrics/sql) — target ≥ 10× ${readDuck / pushDuck >= 10 ? '✓' : '✗ missed'}`,
  )
  duck.closeSync()

  const m = 2_000_000
  await withPostgres(async (client) => {
    await client.query(
      `CREATE TABLE responses AS SELECT CASE WHEN random() < 0.02 THEN NULL ELSE floor(random() * 11)::int END AS score, TIMESTAMPTZ '2023-01-01 00:00:00+00' + floor(random() * 63072000) * INTERVAL '1 second' AS answered_at FROM generate_series(1, ${m})`,
    )
    await client.query('ANALYZE responses')
    const runPg = async (q: WarehouseQuery) => (await client.query(q.sql, [...q.params])).rows
    const pushPg = await best(() =>
      inWarehouse({ dialect: 'postgres', kpi: 'nps', table: 'responses', value: 'score', time }, runPg),
    )
    const readPg = await best(async () => {
      const r = await client.query({
        text: 'SELECT score, (extract(epoch FROM answered_at) * 1000)::bigint AS answered_at FROM responses',
        rowMode: 'array',
      })
      return folded(
        (r.rows as [number | null, string | null][]).map((x) => [x[0], x[1] === null ? null : Number(x[1])]),
      )
    })
    row(readPg, readPg, `PostgreSQL, ${m.toLocaleString('en-US')} rows read into JavaScript and folded`)
    row(pushPg, readPg, 'PostgreSQL, pushdown (cx-metrics/sql)')
  })
  await rfm()
}
