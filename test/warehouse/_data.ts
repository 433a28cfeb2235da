// The rows the warehouse tests load into DuckDB and PostgreSQL and fold in memory: the sample surveys
// (examples/data) and a generated set that is hostile on purpose — scores off the scale, between points,
// NaN and missing, as text (`' 10'`, `'N/A'`), instants around daylight-saving transitions in several
// zones, and segment names that are prototype keys, quotes and SQL.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generator } from '../../examples/data/generate.ts'

export interface Row {
  id: string
  survey: 'nps' | 'csat' | 'ces'
  plan: string | null
  answered_at: string | null
  score: number | null
  score_text: string | null
  answered: boolean | null
  /** ACSI's three questions, 1–10. */
  q1: number | null
  q2: number | null
  q3: number | null
}

export const COLUMNS: readonly [keyof Row, string][] = [
  ['id', 'text'],
  ['survey', 'text'],
  ['plan', 'text'],
  ['answered_at', 'timestamptz'],
  ['score', 'double precision'],
  ['score_text', 'text'],
  ['answered', 'boolean'],
  ['q1', 'integer'],
  ['q2', 'integer'],
  ['q3', 'integer'],
]

const PLANS = [
  'starter',
  'growth',
  'enterprise',
  '__proto__',
  'constructor',
  'O\'Brien"; DROP TABLE t; --',
  'Ünïcødé plan',
  null,
]
// Instants near transitions: New York (2024-03-10 07:00Z, 2024-11-03 06:00Z), Lord Howe's half hour
// (2024-04-06 15:00Z, 2024-10-05 15:30Z), month ends in every zone, and two instants far from today.
const HOT = [
  Date.UTC(2024, 2, 10, 7),
  Date.UTC(2024, 10, 3, 6),
  Date.UTC(2024, 3, 6, 15),
  Date.UTC(2024, 9, 5, 15, 30),
  Date.UTC(2024, 2, 31, 23, 30),
  Date.UTC(2024, 5, 30, 18, 45),
  Date.UTC(2024, 11, 31, 23, 59),
  // Outside the span whose offsets the query carries (1970–2100): the engine's zone functions.
  Date.UTC(1965, 5, 30, 23),
  Date.UTC(2150, 0, 1, 2),
]

export function generated(n: number): Row[] {
  const r = generator(20_241_202)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const rows: Row[] = []
  for (let i = 0; i < n; i++) {
    const survey = pick(['nps', 'nps', 'csat', 'ces'] as const)
    const max = survey === 'nps' ? 10 : survey === 'csat' ? 5 : 7
    const u = r()
    const score =
      u < 0.03
        ? null
        : u < 0.04
          ? Number.NaN
          : u < 0.05
            ? max + 1
            : u < 0.055
              ? -1
              : u < 0.06
                ? 2.5
                : Math.floor(r() * (max + 1))
    const v = r()
    const at =
      v < 0.02
        ? null
        : v < 0.3
          ? (pick(HOT) as number) + Math.round((r() - 0.5) * 4 * 3_600_000)
          : Date.UTC(2023, 0, 1) + Math.floor(r() * 730 * 86_400_000)
    const w = r()
    rows.push({
      id: `g${i}`,
      survey,
      plan: pick(PLANS),
      answered_at: at === null ? null : new Date(at).toISOString(),
      score,
      score_text:
        score === null
          ? null
          : w < 0.05
            ? 'N/A'
            : w < 0.1
              ? ` ${score}`
              : Number.isNaN(score)
                ? 'NaN'
                : String(score),
      answered: w < 0.02 ? null : score !== null,
      // Mostly 1–10; now and then missing, or 0 and 11 (off the scale).
      ...Object.fromEntries(
        (['q1', 'q2', 'q3'] as const).map((q) => {
          const x = r()
          return [q, x < 0.02 ? null : x < 0.03 ? pick([0, 11]) : 1 + Math.floor(r() * 10)]
        }),
      ),
    } as Row)
  }
  return rows
}

export function sample(): Row[] {
  const root = resolve(import.meta.dirname, '../..')
  const surveys = JSON.parse(readFileSync(join(root, 'examples/data/surveys.json'), 'utf8')) as {
    id: string
    customerId: string
    survey: 'nps' | 'csat' | 'ces'
    answeredAt: string | null
    score: number | null
  }[]
  return surveys.map((s) => ({
    id: s.id,
    survey: s.survey,
    plan: ['starter', 'growth', 'enterprise'][Number(s.customerId.slice(1)) % 3] as string,
    answered_at: s.answeredAt,
    score: s.score,
    score_text: s.score === null ? null : String(s.score),
    answered: s.answeredAt !== null,
    q1: null,
    q2: null,
    q3: null,
  }))
}

/** A ticket as the support KPIs read it, hostile on purpose like the responses. */
export interface Ticket {
  id: string
  team: string | null
  created_at: string | null
  first_reply_at: string | null
  solved_at: string | null
  status: string | null
  agent_replies: number | null
  reopens: number | null
  customer_followups: number | null
  agents_involved: number | null
  closes: number | null
  spam: boolean | null
  merged: boolean | null
  first_solved_at: string | null
  requester_wait_ms: number | null
  on_hold_ms: number | null
  agent_wait_ms: number | null
}

export const TICKET_COLUMNS: readonly [keyof Ticket, string][] = [
  ['id', 'text'],
  ['team', 'text'],
  ['created_at', 'timestamptz'],
  ['first_reply_at', 'timestamptz'],
  ['solved_at', 'timestamptz'],
  ['status', 'text'],
  ['agent_replies', 'double precision'],
  ['reopens', 'double precision'],
  ['customer_followups', 'double precision'],
  ['agents_involved', 'double precision'],
  ['closes', 'double precision'],
  ['spam', 'boolean'],
  ['merged', 'boolean'],
  ['first_solved_at', 'timestamptz'],
  ['requester_wait_ms', 'double precision'],
  ['on_hold_ms', 'double precision'],
  ['agent_wait_ms', 'double precision'],
]

/**
 * Tickets: created over 2023–2024 and near the transitions, now and then never, or in 1850 (outside
 * the span the library reads); replies and solves after creation, missing, or before it; counts that
 * are missing, negative, fractional or NaN; spam and merged flags that are true, false or NULL; a
 * first solve before the last one (now and then after it), and waits that are there or not.
 */
export function tickets(n: number): Ticket[] {
  const r = generator(20_261_203)
  // The fields of resolution time from a generator of their own, so that the others stay as they were.
  const w = generator(20_261_205)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const HOUR = 3_600_000
  const count = (max: number): number | null => {
    const u = r()
    return u < 0.03 ? null : u < 0.04 ? pick([-1, 1.5, Number.NaN]) : Math.floor(r() * (max + 1))
  }
  const after = (t: number | null, p: number, spread: number): string | null => {
    if (t === null || r() < p) return null
    // Now and then before creation.
    const d = r() < 0.02 ? -Math.floor(r() * HOUR) : Math.floor(r() * spread)
    return new Date(t + d).toISOString()
  }
  const out: Ticket[] = []
  for (let i = 0; i < n; i++) {
    const v = r()
    const created =
      v < 0.02
        ? null
        : v < 0.025
          ? Date.UTC(1850, 5, 1, 12) + Math.floor(r() * 86_400_000)
          : v < 0.3
            ? (pick(HOT.slice(0, 7)) as number) + Math.round((r() - 0.5) * 4 * HOUR)
            : Date.UTC(2023, 0, 1) + Math.floor(r() * 730 * 86_400_000)
    const solved = after(created, 0.15, 10 * 24 * HOUR)
    out.push({
      id: `t${i}`,
      team: pick(PLANS),
      created_at: created === null ? null : new Date(created).toISOString(),
      first_reply_at: after(created, 0.1, 2 * 24 * HOUR),
      solved_at: solved,
      status: solved === null ? pick(['open', 'pending', null]) : pick(['solved', 'closed', 'solved', null]),
      agent_replies: count(4),
      reopens: r() < 0.5 ? 0 : count(2),
      customer_followups: count(3),
      agents_involved: count(3),
      closes: count(2),
      spam: pick([false, false, false, false, false, false, false, false, true, null]),
      merged: pick([false, false, false, false, false, false, false, false, true, null]),
      ...(() => {
        const last = solved === null ? null : Date.parse(solved)
        const wait = () => {
          const u = w()
          return u < 0.2 ? null : u < 0.22 ? Number.NaN : Math.floor(w() * 30 * HOUR)
        }
        return {
          first_solved_at:
            created === null || last === null || w() < 0.6
              ? null
              : new Date(
                  w() < 0.03 ? last + HOUR : created + Math.floor(w() * (last - created)),
                ).toISOString(),
          requester_wait_ms: wait(),
          on_hold_ms: wait(),
          agent_wait_ms: wait(),
        }
      })(),
    })
  }
  return out
}

/** Rows as CSV (empty cells are NULL), which both engines load with their own COPY. */
export function writeCsv<R extends object>(
  path: string,
  rows: readonly R[],
  columns: readonly (readonly [keyof R, string])[] = COLUMNS as never,
): void {
  const cell = (x: unknown): string => {
    if (x === null) return ''
    const s = Number.isNaN(x) ? 'NaN' : String(x)
    return /[",\n\r]|^\s|\s$/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s
  }
  const lines = [columns.map(([c]) => String(c)).join(',')]
  for (const row of rows) lines.push(columns.map(([c]) => cell(row[c])).join(','))
  writeFileSync(path, `${lines.join('\n')}\n`)
}

/** A purchase, for the RFM summary. */
export interface Purchase {
  customer_id: string | null
  at: string | null
  amount: number | null
}

export const PURCHASE_COLUMNS: readonly [keyof Purchase, string][] = [
  ['customer_id', 'text'],
  ['at', 'timestamptz'],
  ['amount', 'double precision'],
]

/**
 * Purchases of 3,000 customers over 2023–2024 and near the transitions, several a day now and then;
 * customers missing or named like prototype keys; instants missing or in 1850; amounts missing, NaN,
 * too large for whole cents, negative, and on the half cent.
 */
export function purchases(n: number): Purchase[] {
  const r = generator(20_261_204)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const names = ['__proto__', 'constructor', 'toString', 'O\'Brien"; --', 'Ünïcødé']
  const out: Purchase[] = []
  for (let i = 0; i < n; i++) {
    const u = r()
    const customer = u < 0.01 ? null : u < 0.03 ? pick(names) : `c${Math.floor(r() * 3000)}`
    const v = r()
    const at =
      v < 0.01
        ? null
        : v < 0.015
          ? Date.UTC(1850, 0, 1) + Math.floor(r() * 86_400_000)
          : v < 0.2
            ? (pick(HOT.slice(0, 7)) as number) + Math.round((r() - 0.5) * 4 * 3_600_000)
            : Date.UTC(2023, 0, 1) + Math.floor(r() * 730 * 86_400_000)
    const w = r()
    const amount =
      w < 0.02
        ? null
        : w < 0.03
          ? Number.NaN
          : w < 0.035
            ? 1e300
            : w < 0.05
              ? -Math.round(r() * 5000) / 100
              : w < 0.07
                ? Math.floor(r() * 1000) / 100 + 0.005
                : Math.round(r() * 20000) / 100
    out.push({ customer_id: customer, at: at === null ? null : new Date(at).toISOString(), amount })
  }
  return out
}

/** A customer's lifetime, for survival: when they signed up, how long they were observed, whether they churned. */
export interface Observation {
  id: string
  plan: string | null
  signed_up_at: string | null
  days: number | null
  churned: boolean | null
  entry_days: number | null
}

export const OBSERVATION_COLUMNS: readonly [keyof Observation, string][] = [
  ['id', 'text'],
  ['plan', 'text'],
  ['signed_up_at', 'timestamptz'],
  ['days', 'double precision'],
  ['churned', 'boolean'],
  ['entry_days', 'double precision'],
]

/**
 * Lifetimes of customers who signed up over 2023–2024 and near the transitions: whole days (many
 * tied), now and then fractional, negative, NaN or missing; churned, censored or unknown; entered at 0
 * or later (delayed entry), now and then after their end or missing; plans named like prototype keys.
 */
export function observations(n: number): Observation[] {
  const r = generator(20_261_206)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const out: Observation[] = []
  for (let i = 0; i < n; i++) {
    const v = r()
    const signed =
      v < 0.01
        ? null
        : v < 0.2
          ? (pick(HOT.slice(0, 7)) as number) + Math.round((r() - 0.5) * 4 * 3_600_000)
          : Date.UTC(2023, 0, 1) + Math.floor(r() * 730 * 86_400_000)
    const u = r()
    const days =
      u < 0.01
        ? null
        : u < 0.015
          ? Number.NaN
          : u < 0.02
            ? -3
            : u < 0.05
              ? Math.round(r() * 7000) / 10
              : Math.floor(r() * 720)
    const e = r()
    const entry = e < 0.7 ? 0 : e < 0.72 ? null : e < 0.74 ? 10_000 : Math.floor(r() * 60)
    out.push({
      id: `s${i}`,
      plan: pick(PLANS.slice(0, 7)),
      signed_up_at: signed === null ? null : new Date(signed).toISOString(),
      days,
      churned: pick([true, true, false, false, false, null]),
      entry_days: entry,
    })
  }
  return out
}

/** The CDNOW 1/10 sample's transactions (examples/data/cdnow): customer, day, amount. */
export function cdnow(): Purchase[] {
  const root = resolve(import.meta.dirname, '../..')
  return readFileSync(join(root, 'examples/data/cdnow/CDNOW_sample.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [id, , date, , amount] = line.trim().split(/\s+/) as string[]
      return {
        customer_id: String(Number(id)),
        at: `${date?.slice(0, 4)}-${date?.slice(4, 6)}-${date?.slice(6, 8)}T00:00:00Z`,
        amount: Number(amount),
      }
    })
}

/** A subscription record, for churn, MRR movements and revenue retention. */
export interface SubscriptionRow {
  customer_id: string | null
  subscription_id: string | null
  segment: string | null
  start_at: string | null
  end_at: string | null
  cancelled_at: string | null
  past_due_since: string | null
  mrr: number | null
  amount: number | null
  billing_interval: string | null
  quantity: number | null
  trial: boolean | null
  currency: string | null
}

export const SUBSCRIPTION_COLUMNS: readonly [keyof SubscriptionRow, string][] = [
  ['customer_id', 'text'],
  ['subscription_id', 'text'],
  ['segment', 'text'],
  ['start_at', 'timestamptz'],
  ['end_at', 'timestamptz'],
  ['cancelled_at', 'timestamptz'],
  ['past_due_since', 'timestamptz'],
  ['mrr', 'double precision'],
  ['amount', 'double precision'],
  ['billing_interval', 'text'],
  ['quantity', 'integer'],
  ['trial', 'boolean'],
  ['currency', 'text'],
]

/**
 * Customers' subscription histories, hostile on purpose: plan changes that end where the next begins,
 * returns after a gap, overlapping subscriptions, joins and churns within days, cancellations and
 * past-due spans, trials, free plans, renewals sharing an id or with none, MRR given or priced per
 * interval (whole minor units or not), missing, negative and NaN values, ends before starts, and
 * instants on the local midnights that bound months in UTC, New York and Lord Howe Island.
 */
export function subscriptions(customers: number): SubscriptionRow[] {
  const r = generator(20_261_203)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
  const DAY = 86_400_000
  const from = Date.UTC(2023, 0, 1)
  // Local midnights of the first of each month in 2023–2025 in the test zones (UTC, New York, Lord Howe).
  const edges: number[] = []
  for (let m = 0; m < 36; m++)
    for (const h of [0, 4, 5, -10.5, -11]) edges.push(Date.UTC(2023, m, 1) + h * 3_600_000)
  const instant = (): number =>
    r() < 0.15 ? pick(edges) : r() < 0.05 ? pick(HOT.slice(0, 7)) : from + Math.floor(r() * 1080 * DAY)
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
  const out: SubscriptionRow[] = []
  for (let c = 0; c < customers; c++) {
    const id = r() < 0.003 ? pick([null, '']) : `c${c}`
    const segment = pick(PLANS.slice(0, 7))
    let t = instant()
    const records = 1 + Math.floor(r() * r() * 5)
    for (let k = 0; k < records; k++) {
      const u = r()
      const length =
        u < 0.1 ? Math.floor(r() * 10 * DAY) : u < 0.2 ? null : Math.floor((10 + r() * 500) * DAY)
      const end = length === null ? null : t + length
      const v = r()
      const priced = r() < 0.4
      const mrr =
        v < 0.01
          ? -5
          : v < 0.015
            ? Number.NaN
            : v < 0.05
              ? null
              : v < 0.07
                ? 0
                : Math.round(r() * 50_000) / 100
      out.push({
        customer_id: id,
        subscription_id: r() < 0.2 ? null : `s${c}-${r() < 0.3 ? 0 : k}`,
        segment,
        start_at: r() < 0.004 ? null : iso(t),
        end_at: r() < 0.004 ? iso(t - DAY) : iso(end),
        cancelled_at: r() < 0.2 && end !== null ? iso(t + Math.floor((end - t) * r())) : null,
        past_due_since: r() < 0.08 ? iso(t + Math.floor(r() * 90 * DAY)) : null,
        mrr: priced ? null : mrr,
        amount: priced ? (r() < 0.03 ? 10.005 : r() < 0.05 ? null : Math.round(r() * 100_000) / 100) : null,
        billing_interval: priced
          ? pick(['month', 'month', 'year', 'quarter', 'week', 'day', 'fortnight', null])
          : null,
        quantity: priced ? pick([1, 1, 1, 2, 5, null]) : null,
        trial: pick([false, false, false, false, false, false, false, null, true]),
        currency: r() < 0.1 ? null : 'USD',
      })
      // The next record: a plan change at the end, a return after a gap, or an overlapping one.
      const w = r()
      t =
        end === null || w < 0.3
          ? t + Math.floor(r() * 60 * DAY)
          : w < 0.7
            ? end
            : end + Math.floor(r() * 200 * DAY)
    }
  }
  return out
}

/** The sample subscriptions (examples/data/subscriptions.json), priced per interval, as table rows. */
export function sampleSubscriptions(): SubscriptionRow[] {
  const root = resolve(import.meta.dirname, '../..')
  const records = JSON.parse(readFileSync(join(root, 'examples/data/subscriptions.json'), 'utf8')) as {
    subscriptionId: string
    customerId: string
    plan: string
    billingInterval: string
    amount: number
    currency: string
    quantity: number
    trial: boolean
    start: string
    end: string | null
    cancelledAt: string | null
  }[]
  return records.map((s) => ({
    customer_id: s.customerId,
    subscription_id: s.subscriptionId,
    segment: s.plan,
    start_at: s.start,
    end_at: s.end,
    cancelled_at: s.cancelledAt,
    past_due_since: null,
    mrr: null,
    amount: s.amount,
    billing_interval: s.billingInterval,
    quantity: s.quantity,
    trial: s.trial,
    currency: s.currency,
  }))
}
