// Bucketing by period: 1,000,000 events by month, in UTC and in America/Sao_Paulo, against a
// hand-written loop that only sums a number per event (issue targetMs: zone ≤ 1.5× UTC, ≤ 2× the loop).
import { type Aggregator, accumulate, byPeriod } from 'cx-metrics'
import { bucketOf, saoPauloMonthBounds } from './_baselines.ts'
import { compare } from './_harness.ts'

interface Event {
  at: number
  value: number
}

export async function run(): Promise<void> {
  const n = 1_000_000
  const start = Date.UTC(2024, 0, 1)
  const span = Date.UTC(2026, 0, 1) - start
  let seed = 42
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
  }
  // Time-ordered events with jitter, as an event log is.
  const ordered: Event[] = Array.from({ length: n }, (_, i) => ({
    at: start + Math.floor(((i + random()) / n) * span),
    value: Math.floor(random() * 10),
  }))
  const shuffled = ordered.map((e) => ({ ...e })).sort(() => random() - 0.5)
  const sum: Aggregator<Event, [number], number> = {
    kpi: 'sum',
    init: () => [0],
    add: (s, e) => {
      s[0] += e.value
      return s
    },
    merge: (a, b) => [a[0] + b[0]],
    result: (s) => s[0],
  }
  // The floor for bucketing itself: month boundaries precomputed by hand, the current month cached.
  const bounds = saoPauloMonthBounds()
  const handBucketing = (events: Event[]): Float64Array => {
    const sums = new Float64Array(bounds.length)
    let k = 0
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as Event
      k = bucketOf(bounds, e.at, k)
      sums[k] = (sums[k] as number) + e.value
    }
    return sums
  }
  const monthly = (timeZone: string) => byPeriod(sum, { date: (e: Event) => e.at, unit: 'month', timeZone })
  const utc = monthly('UTC')
  const saoPaulo = monthly('America/Sao_Paulo')
  for (const [label, events] of [
    ['time-ordered', ordered],
    ['random order', shuffled],
  ] as const) {
    await compare({
      title: `bucketing 1,000,000 events by month (${label})`,
      baseline: 'hand-written loop summing the values',
      cases: {
        'hand-written loop summing the values': () => {
          let total = 0
          for (let i = 0; i < events.length; i++) total += (events[i] as Event).value
          return total
        },
        'hand-written loop bucketing by month': () => handBucketing(events),
        'byPeriod(sum) in UTC': () => accumulate(utc, events),
        'byPeriod(sum) in America/Sao_Paulo': () => accumulate(saoPaulo, events),
      },
      targets: { 'byPeriod(sum) in America/Sao_Paulo': 2 },
    })
  }
  // Small inputs: 10,000 events, folded and read — the result's own cost (its periods, their keys)
  // against a hand-written loop that buckets and lists the months with their sums.
  // (From 1 January 2024 in São Paulo: 24 whole months.)
  const small = ordered.filter((e, i) => i % 100 === 0 && e.at >= (bounds[1] as number))
  const keys = Array.from(
    { length: 24 },
    (_, m) => `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
  )
  const handSmall = () => {
    const sums = handBucketing(small)
    return keys.map((key, m) => ({
      period: { key, start: bounds[m + 1], end: bounds[m + 2] },
      result: sums[m + 1],
    }))
  }
  const got = saoPaulo.result(accumulate(saoPaulo, small)).periods.map((p) => p.result)
  if (
    got.join() !==
    handSmall()
      .map((p) => p.result)
      .join()
  )
    throw new Error('the small case disagrees')
  await compare({
    title: 'bucketing 10,000 events by month and reading the result',
    baseline: 'hand-written loop bucketing by month and listing the months',
    cases: {
      'hand-written loop bucketing by month and listing the months': handSmall,
      'byPeriod(sum) in America/Sao_Paulo, accumulate and result': () =>
        saoPaulo.result(accumulate(saoPaulo, small)),
    },
    targets: { 'byPeriod(sum) in America/Sao_Paulo, accumulate and result': 2 },
  })
}
