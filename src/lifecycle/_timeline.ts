import { _upper } from '../stats/_upper.ts'
import type { SubscriptionSpan, SubscriptionState } from './_subscription.ts'

/**
 * A customer's (or a subscription's) paid value over time, as a step function: `v[i]` holds on
 * `[t[i], t[i + 1])`, zero before `t[0]`; the last value holds for ever. Zero means inactive. Values are
 * integers (1/360 of a minor unit), so comparisons are exact.
 */
export interface _Line {
  readonly t: number[]
  readonly v: number[]
}

/**
 * Calls `visit` with the step function of every customer (or subscription) that was ever active. The
 * line is a scratch buffer reused from one call to the next: copy what must outlive the call. Not
 * keeping 100,000 lines alive is what keeps this fast, as the garbage collector never has to copy them.
 */
export function _eachLine(
  state: SubscriptionState,
  unit: 'customer' | 'subscription',
  visit: (line: _Line, id: string) => void,
): void {
  const scratch: _Line = { t: [], v: [] }
  const emit = (spans: readonly SubscriptionSpan[], id: string): void => {
    scratch.t.length = 0
    scratch.v.length = 0
    line(spans, scratch)
    if (scratch.t.length > 0) visit(scratch, id)
  }
  const { keys, values } = state.customers
  if (unit === 'customer') {
    for (let i = 0; i < keys.length; i++) emit(values[i] as SubscriptionSpan[], keys[i] as string)
    return
  }
  // A customer's subscriptions, in the order they came; grouped within the customer, so that the map
  // stays as small as one customer's subscriptions.
  const bySubscription = new Map<string, SubscriptionSpan[]>()
  for (let i = 0; i < keys.length; i++) {
    const id = keys[i] as string
    bySubscription.clear()
    for (const span of values[i] as SubscriptionSpan[]) {
      // A record without an id is its own subscription, told apart by its start.
      const key = `${id}/${span[3] ?? `@${span[0]}`}`
      const spans = bySubscription.get(key)
      if (spans === undefined) bySubscription.set(key, [span])
      else spans.push(span)
    }
    for (const [key, spans] of bySubscription) emit(spans, key)
  }
}

/** Writes the step function of a set of spans into `out` (empty). */
function line(spans: readonly SubscriptionSpan[], out: _Line): void {
  if (spans.length === 1) {
    const span = spans[0] as SubscriptionSpan
    const start = span[0]
    const end = span[1]
    if (end !== null && end <= start) return
    out.t.push(start)
    out.v.push(span[2])
    if (end !== null) {
      out.t.push(end)
      out.v.push(0)
    }
    return
  }
  if (!chain(spans, out)) {
    out.t.length = 0
    out.v.length = 0
    overlapping(spans, out)
  }
}

/**
 * The common case, without sorting events: spans that follow one another (plan changes, renewals, returns
 * after a gap), in start order or not. False when two spans overlap.
 */
function chain(unsorted: readonly SubscriptionSpan[], out: _Line): boolean {
  let spans = unsorted
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i] as SubscriptionSpan)[0] < (spans[i - 1] as SubscriptionSpan)[0]) {
      spans = unsorted.slice().sort((a, b) => a[0] - b[0])
      break
    }
  }
  const { t, v } = out
  let last = 0
  let previousEnd = Number.NEGATIVE_INFINITY
  for (const span of spans) {
    const start = span[0]
    const end = span[1]
    if (end !== null && end <= start) continue
    if (start < previousEnd) return false
    if (start > previousEnd && last !== 0) {
      t.push(previousEnd)
      v.push(0)
      last = 0
    }
    if (span[2] !== last) {
      t.push(start)
      v.push(span[2])
      last = span[2]
    }
    previousEnd = end ?? Number.POSITIVE_INFINITY
  }
  if (last !== 0 && previousEnd !== Number.POSITIVE_INFINITY) {
    t.push(previousEnd)
    v.push(0)
  }
  return true
}

/** Any spans: a sweep over their sorted starts and ends. */
function overlapping(spans: readonly SubscriptionSpan[], out: _Line): void {
  const events: [number, number][] = []
  for (const [start, end, value] of spans) {
    if (end !== null && end <= start) continue
    events.push([start, value])
    if (end !== null) events.push([end, -value])
  }
  events.sort((a, b) => a[0] - b[0])
  let value = 0
  let last = 0
  for (let i = 0; i < events.length; ) {
    const at = (events[i] as [number, number])[0]
    while (i < events.length && (events[i] as [number, number])[0] === at)
      value += (events[i++] as [number, number])[1]
    if (value !== last) {
      out.t.push(at)
      out.v.push(value)
      last = value
    }
  }
}

/**
 * Counts of active lines and their total value just before each boundary — the closing figures of the
 * period that ends there (also the opening figures of the next): `add` each line, then `finish`.
 */
export class _Levels {
  private readonly bounds: readonly number[]
  private readonly count: number[]
  private readonly value: number[]

  constructor(bounds: readonly number[]) {
    this.bounds = bounds
    this.count = new Array<number>(bounds.length + 1).fill(0)
    this.value = new Array<number>(bounds.length + 1).fill(0)
  }

  add(l: _Line): void {
    const { t, v } = l
    const { bounds, count, value } = this
    const m = bounds.length
    for (let i = 0; i < t.length; i++) {
      const x = v[i] as number
      if (x === 0) continue
      // Active on [t[i], t[i+1]): the boundaries p with t[i] < p <= t[i+1].
      const lo = _upper(bounds, t[i] as number)
      const hi = i + 1 < t.length ? _upper(bounds, t[i + 1] as number) : m
      if (lo >= hi) continue
      count[lo] = (count[lo] as number) + 1
      count[hi] = (count[hi] as number) - 1
      value[lo] = (value[lo] as number) + x
      value[hi] = (value[hi] as number) - x
    }
  }

  finish(): { count: number[]; value: number[] } {
    const m = this.bounds.length
    const count = new Array<number>(m)
    const value = new Array<number>(m)
    let c = 0
    let s = 0
    for (let k = 0; k < m; k++) {
      c += this.count[k] as number
      s += this.value[k] as number
      count[k] = c
      value[k] = s
    }
    return { count, value }
  }
}

/** The value just before instant `p` (at the last moment of the period that ends at `p`). */
export function _before(l: _Line, p: number): number {
  let lo = 0
  let hi = l.t.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((l.t[mid] as number) < p) lo = mid + 1
    else hi = mid
  }
  return lo === 0 ? 0 : (l.v[lo - 1] as number)
}

/** What happened to one line in one period (only periods where its value changed are visited). */
export interface _Change {
  /** The line's value just before the period. */
  v0: number
  /** Its value at the period's end. */
  v1: number
  /** Times it stopped being active (churn events). */
  stops: number
  /** Times it became active again after an earlier stop (reactivations). */
  restarts: number
  /** Whether its very first activation is in this period. */
  first: boolean
  /** Index in the line of the first and last change in the period. */
  from: number
  to: number
}

/**
 * Visits each period in which a line's value changes. Periods are `[bounds[k], bounds[k + 1])`; changes
 * outside them are skipped.
 */
export function _eachChange(
  l: _Line,
  bounds: readonly number[],
  visit: (k: number, change: _Change) => void,
): void {
  const { t, v } = l
  const last = bounds.length - 1
  const change: _Change = { v0: 0, v1: 0, stops: 0, restarts: 0, first: false, from: 0, to: 0 }
  let i = 0
  while (i < t.length) {
    const k = _upper(bounds, t[i] as number) - 1
    let j = i
    let end = Number.POSITIVE_INFINITY
    if (k >= 0 && k < last) end = bounds[k + 1] as number
    else end = k < 0 ? (bounds[0] as number) : Number.POSITIVE_INFINITY
    let stops = 0
    let restarts = 0
    let previous = i === 0 ? 0 : (v[i - 1] as number)
    const v0 = previous
    while (j < t.length && (t[j] as number) < end) {
      const x = v[j] as number
      if (previous > 0 && x === 0) stops++
      else if (previous === 0 && x > 0 && j > 0) restarts++
      previous = x
      j++
    }
    if (k >= 0 && k < last) {
      change.v0 = v0
      change.v1 = previous
      change.stops = stops
      change.restarts = restarts
      change.first = i === 0
      change.from = i
      change.to = j - 1
      visit(k, change)
    }
    i = j
  }
}
