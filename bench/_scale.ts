// One case of the scaling bench, in a process of its own: `tsx bench/_scale.ts <case> <n>` folds n
// generated items (customers, for the subscription KPIs) straight from a generator — nothing of the
// input is kept, so the peak memory is the state's and the result's — and prints one JSON line: the
// time of the fold and its result, the process's peak resident memory before and after, and a check
// figure that scales with n.
import {
  byPeriod,
  type CodeFrame,
  churnRateAggregator,
  codeFrame,
  cohortRetentionAggregator,
  firstReplyTimeAggregator,
  fold,
  mrrMovementsAggregator,
  npsAggregator,
  rfmSummaryAggregator,
  type Subscription,
  type Transaction,
  themesAggregator,
} from 'cx-metrics'
import { handChurn, subscriptionRows } from './lifecycle.bench.ts'

const DAY = 86_400_000
const START = Date.UTC(2024, 0, 1)
/** mulberry32: a seeded generator whose consecutive draws are independent enough for ids and times. */
function seeded(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), 1 | s)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Response {
  at: number
  score: number
}

/** Responses over two years, in time order. */
function* responses(n: number): Generator<Response> {
  const random = seeded(3)
  for (let i = 0; i < n; i++)
    yield { at: START + Math.floor((i / n) * 730 * DAY), score: Math.floor(random() * 11) }
}

/** Tickets over two years in random order, first replies exponential with a 4-hour mean. */
interface Ticket {
  createdAt: number
  firstReplyAt: number
}

function* tickets(n: number): Generator<Ticket> {
  const random = seeded(5)
  for (let i = 0; i < n; i++) {
    const createdAt = START + Math.floor(random() * 730 * DAY)
    yield { createdAt, firstReplyAt: createdAt + Math.floor(-Math.log(1 - random()) * 4 * 3_600_000) }
  }
}

/** Purchases of n / 10 customers over two years. */
function* purchases(n: number): Generator<Transaction> {
  const random = seeded(7)
  const customers = Math.max(1, Math.floor(n / 10))
  for (let i = 0; i < n; i++) {
    yield {
      customerId: `C${Math.floor(random() * customers)}`,
      at: START + Math.floor(random() * 730) * DAY + Math.floor(random() * DAY),
      amount: Math.round(random() * 20_000) / 100,
    }
  }
}

const syllables = ['ba', 'ca', 'ção', 'de', 'fe', 'gra', 'lo', 'ma', 'na', 'pre', 'qui', 'ra', 'so', 'té']

/** The words of the comments, and the phrases of a 200-theme frame (two words each). */
function vocabulary(): { words: string[]; phrases: string[] } {
  const random = seeded(9)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const words = Array.from({ length: 3000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''),
  )
  return { words, phrases: Array.from({ length: 2000 }, () => `${pick(words)}zu ${pick(words)}xo`) }
}

function commentFrame(): CodeFrame {
  const { phrases } = vocabulary()
  return codeFrame({
    id: 'scale',
    version: '1',
    themes: Array.from({ length: 200 }, (_, t) => ({
      id: `t${t}`,
      label: `Theme ${t}`,
      phrases: phrases.slice(t * 10, t * 10 + 10),
    })),
  })
}

/** Comments of 8–20 words, 7 in 10 with a phrase of the frame. */
function* comments(n: number): Generator<string> {
  const { words, phrases } = vocabulary()
  const random = seeded(10)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  for (let i = 0; i < n; i++) {
    const text = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(words))
    if (random() < 0.7) text.splice(Math.floor(random() * text.length), 0, pick(phrases))
    yield text.join(' ')
  }
}

interface Case {
  /** The items, made as they are read. */
  readonly items: (n: number) => Iterable<unknown>
  /** Folds them and returns the check figure. */
  readonly fold: (items: Iterable<unknown>) => number
}

const range = { from: '2024-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }
const frame = commentFrame()

const cases: Record<string, Case> = {
  'byPeriod(npsAggregator()), month': {
    items: responses,
    fold: (items) =>
      fold(
        byPeriod(
          npsAggregator((r: Response) => r.score),
          { date: (r: Response) => r.at, unit: 'month' },
        ),
        items as Iterable<Response>,
      ).periods.length,
  },
  'byPeriod(firstReplyTimeAggregator()), month': {
    items: tickets,
    fold: (items) =>
      fold(
        byPeriod(firstReplyTimeAggregator(), { date: (t: Ticket) => t.createdAt, unit: 'month' }),
        items as Iterable<Ticket>,
      ).periods.reduce((sum, p) => sum + p.result.n, 0),
  },
  churnRateAggregator: {
    items: subscriptionRows,
    fold: (items) =>
      fold(churnRateAggregator({ range, unit: 'month' }), items as Iterable<Subscription>).periods.length,
  },
  'hand-written churn': {
    items: subscriptionRows,
    fold: (items) =>
      handChurn(items as Iterable<ReturnType<typeof subscriptionRows> extends Iterable<infer R> ? R : never>)
        .length,
  },
  mrrMovementsAggregator: {
    items: subscriptionRows,
    fold: (items) =>
      fold(mrrMovementsAggregator({ range, unit: 'month' }), items as Iterable<Subscription>).periods.length,
  },
  cohortRetentionAggregator: {
    items: subscriptionRows,
    fold: (items) =>
      fold(
        cohortRetentionAggregator({ unit: 'month', asOf: '2026-01-01T00:00:00Z' }),
        items as Iterable<Subscription>,
      ).cohorts.length,
  },
  rfmSummaryAggregator: {
    items: purchases,
    fold: (items) =>
      fold(rfmSummaryAggregator({ calibrationEnd: '2025-06-30T00:00:00Z' }), items as Iterable<Transaction>)
        .customers.length,
  },
  themesAggregator: {
    items: (n) => comments(n),
    fold: (items) => fold(themesAggregator({ codeFrame: frame }), items as Iterable<string>).n,
  },
}

const [name, size] = process.argv.slice(2)
const c = cases[name as string]
if (c === undefined) throw new Error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`)
const n = Number(size)
// First, small runs compile the code, as in a process that has computed before.
for (let r = 0; r < 3; r++) c.fold(c.items(Math.min(n, 20_000)))
;(globalThis as { gc?: () => void }).gc?.()
const before = process.resourceUsage().maxRSS
// Making the items costs time of its own (the subscription histories most): it is timed alone and
// taken away from the fold's time.
let t0 = performance.now()
let made = 0
for (const _ of c.items(n)) made++
const making = performance.now() - t0
t0 = performance.now()
const check = c.fold(c.items(n))
const total = performance.now() - t0
console.log(
  JSON.stringify({
    name,
    n,
    items: made,
    ms: total - making,
    makingMs: making,
    check,
    rssBeforeKB: before,
    rssPeakKB: process.resourceUsage().maxRSS,
  }),
)
