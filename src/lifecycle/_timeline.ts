import type { _Span, SubscriptionState } from './_subscription.ts'

/**
 * A customer's (or a subscription's) paid value over time, as a step function: `v[i]` holds on
 * `[t[i], t[i + 1])`, zero before `t[0]`; the last value holds for ever. Zero means inactive. Values are
 * integers (1/360 of a minor unit), so comparisons are exact.
 */
export interface _Line {
  readonly t: number[]
  readonly v: number[]
}

/** The step function of a set of spans. */
function line(spans: readonly _Span[]): _Line {
  if (spans.length === 1) {
    const [start, end, value] = spans[0] as _Span
    return end === null
      ? { t: [start], v: [value] }
      : end > start
        ? { t: [start, end], v: [value, 0] }
        : { t: [], v: [] }
  }
  const events: [number, number][] = []
  for (const [start, end, value] of spans) {
    if (end !== null && end <= start) continue
    events.push([start, value])
    if (end !== null) events.push([end, -value])
  }
  events.sort((a, b) => a[0] - b[0])
  const t: number[] = []
  const v: number[] = []
  let value = 0
  let last = 0
  for (let i = 0; i < events.length; ) {
    const at = (events[i] as [number, number])[0]
    while (i < events.length && (events[i] as [number, number])[0] === at)
      value += (events[i++] as [number, number])[1]
    if (value !== last) {
      t.push(at)
      v.push(value)
      last = value
    }
  }
  return { t, v }
}

/** The step functions of every customer, or of every subscription. */
export function _lines(
  state: SubscriptionState,
  unit: 'customer' | 'subscription',
): { ids: string[]; lines: _Line[] } {
  const ids: string[] = []
  const lines: _Line[] = []
  if (unit === 'customer') {
    for (const id in state.customers) {
      const l = line(state.customers[id] as _Span[])
      if (l.t.length > 0) {
        ids.push(id)
        lines.push(l)
      }
    }
    return { ids, lines }
  }
  const bySubscription = new Map<string, _Span[]>()
  for (const id in state.customers) {
    for (const span of state.customers[id] as _Span[]) {
      const spans = bySubscription.get(span[3])
      if (spans === undefined) bySubscription.set(span[3], [span])
      else spans.push(span)
    }
  }
  for (const [key, spans] of bySubscription) {
    const l = line(spans)
    if (l.t.length > 0) {
      ids.push(key.replace('\u0000', '/'))
      lines.push(l)
    }
  }
  return { ids, lines }
}

/** The index of the first element of sorted `xs` greater than `x`. */
export function _upper(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as number) <= x) lo = mid + 1
    else hi = mid
  }
  return lo
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

/**
 * How many lines are active, and their total value, just before each boundary — the closing figures of
 * the period that ends there (also the opening figures of the next).
 */
export function _levels(
  lines: readonly _Line[],
  bounds: readonly number[],
): { count: number[]; value: number[] } {
  const m = bounds.length
  const count = new Array<number>(m + 1).fill(0)
  const value = new Array<number>(m + 1).fill(0)
  for (const l of lines) {
    const { t, v } = l
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
  let c = 0
  let s = 0
  for (let k = 0; k < m; k++) {
    c += count[k] as number
    s += value[k] as number
    count[k] = c
    value[k] = s
  }
  count.length = m
  value.length = m
  return { count, value }
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
