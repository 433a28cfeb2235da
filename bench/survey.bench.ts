// NPS against a hand-written loop that counts the three buckets (issue targetMs: within 1.5×), and NPS by
// month in São Paulo time against a hand-written loop that also buckets by month (targetMs: within 2×).
import { accumulate, byPeriod, nps, npsAggregator } from 'cx-metrics'
import { bucketOf, saoPauloMonthBounds } from './_baselines.ts'
import { compare } from './_harness.ts'

interface Response {
  score: number
  at: number
}

function handCount(scores: ArrayLike<number>): [number, number, number] {
  let promoters = 0
  let passives = 0
  let detractors = 0
  for (let i = 0; i < scores.length; i++) {
    const x = scores[i] as number
    if (x >= 9) promoters++
    else if (x >= 7) passives++
    else detractors++
  }
  return [promoters, passives, detractors]
}

export async function run(): Promise<void> {
  let seed = 7
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  const scores = Array.from({ length: 10_000_000 }, () => Math.floor(random() * 11))
  await compare({
    title: 'NPS over 10,000,000 numbers (plain array)',
    baseline: 'hand-written loop counting buckets',
    cases: {
      'hand-written loop counting buckets': () => handCount(scores),
      'nps(scores)': () => nps(scores),
    },
    targets: { 'nps(scores)': 1.5 },
  })

  const start = Date.UTC(2024, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  const n = 1_000_000
  const responses: Response[] = Array.from({ length: n }, (_, i) => ({
    score: Math.floor(random() * 11),
    at: start + Math.floor(((i + random()) / n) * span),
  }))
  await compare({
    title: 'NPS over 1,000,000 objects with an accessor',
    baseline: 'hand-written loop counting buckets',
    cases: {
      'hand-written loop counting buckets': () => {
        let promoters = 0
        let passives = 0
        let detractors = 0
        for (let i = 0; i < responses.length; i++) {
          const x = (responses[i] as Response).score
          if (x >= 9) promoters++
          else if (x >= 7) passives++
          else detractors++
        }
        return [promoters, passives, detractors]
      },
      'nps(responses, (r) => r.score)': () => nps(responses, (r) => r.score),
    },
    targets: { 'nps(responses, (r) => r.score)': 1.5 },
  })

  const bounds = saoPauloMonthBounds()
  const monthly = byPeriod(
    npsAggregator((r: Response) => r.score),
    {
      date: (r) => r.at,
      unit: 'month',
      timeZone: 'America/Sao_Paulo',
    },
  )
  await compare({
    title: 'NPS by month in America/Sao_Paulo over 1,000,000 time-ordered responses',
    baseline: 'hand-written loop bucketing by month and counting',
    cases: {
      'hand-written loop bucketing by month and counting': () => {
        const counts = new Float64Array(bounds.length * 3)
        let k = 0
        for (let i = 0; i < responses.length; i++) {
          const r = responses[i] as Response
          k = bucketOf(bounds, r.at, k)
          const x = r.score
          const bucket = x >= 9 ? 0 : x >= 7 ? 1 : 2
          counts[k * 3 + bucket] = (counts[k * 3 + bucket] as number) + 1
        }
        return counts
      },
      'byPeriod(npsAggregator) (state)': () => accumulate(monthly, responses),
      'byPeriod(npsAggregator) (state and result)': () => monthly.result(accumulate(monthly, responses)),
    },
    targets: { 'byPeriod(npsAggregator) (state and result)': 2 },
  })
}
