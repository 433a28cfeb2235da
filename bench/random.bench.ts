// NPS by month over 1,000,000 responses in random order (the speed issue: within 1.5× of the
// time-ordered case, and no slower than DuckDB's scan of a preloaded table), in UTC and in São Paulo,
// against the same responses in time order, a hand-written loop that buckets them with month
// boundaries precomputed, and DuckDB's GROUP BY over a preloaded table (its query alone timed). All
// agree on every month's counts first.
import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api'
import { accumulate, byPeriod, fold, npsAggregator } from 'cx-metrics'
import { compare } from './_harness.ts'

interface Response {
  at: number
  score: number
}

export async function run(): Promise<void> {
  const n = 1_000_000
  const start = Date.UTC(2024, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  let seed = 23
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const ordered: Response[] = Array.from({ length: n }, (_, i) => ({
    at: start + Math.floor(((i + random()) / n) * span),
    score: Math.floor(random() * 11),
  }))
  // A Fisher–Yates shuffle of copies: the objects are made in time order, then read in random order.
  const shuffled = ordered.map((r) => ({ ...r }))
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const x = shuffled[i] as Response
    shuffled[i] = shuffled[j] as Response
    shuffled[j] = x
  }
  const bounds = Array.from({ length: 25 }, (_, m) => Date.UTC(2024, m, 1))
  const hand = (responses: readonly Response[]): Float64Array => {
    const counts = new Float64Array(24 * 3)
    for (let i = 0; i < responses.length; i++) {
      const r = responses[i] as Response
      let lo = 0
      let hi = 24
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if ((bounds[mid + 1] as number) <= r.at) lo = mid + 1
        else hi = mid
      }
      const bucket = r.score >= 9 ? 0 : r.score >= 7 ? 1 : 2
      counts[lo * 3 + bucket] = (counts[lo * 3 + bucket] as number) + 1
    }
    return counts
  }
  const monthly = (timeZone: string) =>
    byPeriod(
      npsAggregator((r: Response) => r.score),
      { date: (r: Response) => r.at, unit: 'month', timeZone },
    )
  const utc = monthly('UTC')
  const saoPaulo = monthly('America/Sao_Paulo')

  const db = await DuckDBInstance.create(':memory:')
  const c = await db.connect()
  await c.run('CREATE TABLE r (answered TIMESTAMP, score INTEGER)')
  const appender = await c.createAppender('r')
  for (const r of shuffled) {
    appender.appendTimestamp(new DuckDBTimestampValue(BigInt(r.at) * 1000n))
    appender.appendInteger(r.score)
    appender.endRow()
  }
  appender.closeSync()
  const sql =
    "SELECT date_trunc('month', answered) AS m, count_if(score >= 9), count_if(score BETWEEN 7 AND 8), count_if(score <= 6) FROM r GROUP BY 1 ORDER BY 1"
  const duck = async (): Promise<number[][]> =>
    (await c.runAndReadAll(sql)).getRows().map((row) => row.slice(1).map(Number))

  // Agreement: every month's promoters, passives and detractors, from all four.
  const a = hand(shuffled)
  const b = fold(utc, shuffled).periods.map((p) => [
    p.result.promoters,
    p.result.passives,
    p.result.detractors,
  ])
  const o = fold(utc, ordered).periods.map((p) => [
    p.result.promoters,
    p.result.passives,
    p.result.detractors,
  ])
  const d = await duck()
  for (let m = 0; m < 24; m++)
    for (let k = 0; k < 3; k++) {
      const x = a[m * 3 + k] as number
      if (x !== b[m]?.[k] || x !== o[m]?.[k] || x !== d[m]?.[k])
        throw new Error(`month ${m}: ${x} / ${b[m]} / ${o[m]} / ${d[m]}`)
    }
  let duckMs = Number.POSITIVE_INFINITY
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    await duck()
    duckMs = Math.min(duckMs, performance.now() - t)
  }
  await compare({
    title: 'NPS by month, 1,000,000 responses in random order',
    baseline: 'byPeriod(npsAggregator) in UTC, time-ordered',
    cases: {
      'byPeriod(npsAggregator) in UTC, time-ordered': () => accumulate(utc, ordered),
      'hand-written loop bucketing by month, random order': () => hand(shuffled),
      'byPeriod(npsAggregator) in UTC, random order': () => accumulate(utc, shuffled),
      'byPeriod(npsAggregator) in America/Sao_Paulo, random order': () => accumulate(saoPaulo, shuffled),
    },
    targets: { 'byPeriod(npsAggregator) in UTC, random order': 1.5 },
  })
  console.log(`| DuckDB GROUP BY month over a preloaded table (UTC) | ${duckMs.toFixed(1)} ms | |`)
  c.closeSync()
  db.closeSync()
}
