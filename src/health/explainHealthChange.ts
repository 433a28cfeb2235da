import { _typeError } from '../core/_assert.ts'
import type { HealthAccountScore, HealthMeasureScore } from './_types.ts'

/**
 * A measure at one snapshot.
 * @category Health
 */
export interface HealthMeasureState {
  /** Its raw value, or `null`. */
  readonly value: number | string | null
  /** Its score, or `null` when left out. */
  readonly score: number | null
  /** Its effective weight. */
  readonly weight: number
}

/**
 * One measure's part in a change of score.
 * @category Health
 */
export interface HealthChangePart {
  /** The measure. */
  readonly id: string
  /** Its group. */
  readonly group: string
  /** Points of the change due to it: its contribution after minus before. The parts add up to `weightedDelta`. */
  readonly points: number
  /** The part of `points` due to its score moving (at the mean of its two weights). */
  readonly fromScore: number
  /** The part of `points` due to its weight moving (at the mean of its two scores): a measure that became missing, or the others' weights renormalised around it. */
  readonly fromWeight: number
  /** Its raw value, score and weight before. */
  readonly before: HealthMeasureState
  /** Its raw value, score and weight after. */
  readonly after: HealthMeasureState
  /** One line saying it, e.g. "−8.2 points from firstReplyP90 (support): 7200000 → 32400000" (raw values to 4 significant digits). */
  readonly text: string
}

/**
 * The result of {@link explainHealthChange}.
 * @category Health
 */
export interface HealthChange {
  /** The account. */
  readonly accountId: string
  /** The score before and after (after gates), or `null`. */
  readonly from: number | null
  /** The score after. */
  readonly to: number | null
  /** `to − from`, or `null` when either is. */
  readonly delta: number | null
  /** The change of the weighted score, before gates: the sum of the parts. */
  readonly weightedDelta: number | null
  /** The part of `delta` due to gates: `delta − weightedDelta`. */
  readonly gates: number | null
  /** Up, down or flat, as Gainsight's trend arrow (`null` without both scores). */
  readonly direction: 'up' | 'down' | 'flat' | null
  /** Every measure's part, largest first by size (ties in the definition's order). */
  readonly parts: readonly HealthChangePart[]
}

const sum = (xs: readonly number[]): number => {
  let s = 0
  for (const x of xs) s += x
  return s
}
const signed = (x: number): string => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(1)}`
/** A raw value for the text: numbers to 4 significant digits (13.33, not 13.333333333333334). */
const shown = (v: number | string | null): string =>
  typeof v === 'number' && !Number.isInteger(v) ? String(Number(v.toPrecision(4))) : String(v)

/**
 * Why a customer's health score changed between two snapshots: the change split into one part per
 * measure, in points, each split again into the part from its score moving and the part from its
 * weight moving (a measure that became missing, and the renormalisation of the others around it), with
 * the raw values behind it. The parts add up to the change of the weighted score exactly (left to right,
 * in their order); gates are a part of their own.
 *
 * For each measure with weight w and score s before and w′, s′ after (a missing measure has weight 0),
 * the part is w′s′ − ws = w̄(s′ − s) + s̄(w′ − w), with w̄ and s̄ the means of the two.
 *
 * @example
 * ```ts
 * const definition = {
 *   measures: [
 *     { id: 'nps', weight: 1, normaliser: { type: 'linear', min: -100, max: 100, better: 'higher' } },
 *     { id: 'tickets', weight: 1, normaliser: { type: 'linear', min: 0, max: 10, better: 'lower' } },
 *   ],
 * } as const
 * const [before, after] = [{ nps: 40, tickets: 2 }, { nps: 40, tickets: 6 }].map(
 *   (values) => healthScore([{ accountId: 'acme', values }], { definition }).accounts[0] as HealthAccountScore,
 * )
 * explainHealthChange(before as HealthAccountScore, after as HealthAccountScore).parts[0]?.text
 * //=> '−20.0 points from tickets: 2 → 6'
 * ```
 * @category Health
 */
export function explainHealthChange(before: HealthAccountScore, after: HealthAccountScore): HealthChange {
  const fn = 'explainHealthChange'
  for (const [arg, s] of [
    ['before', before],
    ['after', after],
  ] as const)
    if (s === null || typeof s !== 'object' || !Array.isArray(s.measures))
      throw _typeError(fn, arg, "an account's score from healthScore", s)
  const ids = before.measures.map((m) => m.id)
  if (after.measures.length !== ids.length || after.measures.some((m, i) => m.id !== ids[i]))
    throw _typeError(fn, 'after', 'a score under the same definition as `before` (the same measures)', after)
  const parts = before.measures.map((b, i): HealthChangePart => {
    const a = after.measures[i] as HealthMeasureScore
    const counted = (m: HealthMeasureScore) => (m.weight > 0 && m.score !== null ? m.score : 0)
    const s0 = counted(b)
    const s1 = counted(a)
    const points = a.contribution - b.contribution
    // With a score missing on one side, the whole part is a weight moving (in or out of the score).
    const both = b.weight > 0 && a.weight > 0
    const fromScore = both ? ((b.weight + a.weight) / 2) * (s1 - s0) : 0
    const fromWeight = both ? points - fromScore : points
    const group = b.group === '' ? '' : ` (${b.group})`
    return {
      id: b.id,
      group: b.group,
      points,
      fromScore,
      fromWeight,
      before: { value: b.value, score: b.score, weight: b.weight },
      after: { value: a.value, score: a.score, weight: a.weight },
      text: `${signed(points)} points from ${b.id}${group}: ${shown(b.value)} → ${shown(a.value)}`,
    }
  })
  const from = before.value
  const to = after.value
  const w0 = before.weighted
  const w1 = after.weighted
  const weightedDelta = w0 === null || w1 === null ? null : w1 - w0
  const delta = from === null || to === null ? null : to - from
  const order = parts
    .map((p, i) => [p, i] as const)
    .sort((x, y) => Math.abs(y[0].points) - Math.abs(x[0].points) || x[1] - y[1])
    .map(([p]) => p)
  if (weightedDelta !== null && order.length > 0) {
    // The parts add up to the change exactly, in the order given: the last bits of round-off go to the
    // largest part, the first.
    for (let round = 0; round < 4; round++) {
      const gap = weightedDelta - sum(order.map((p) => p.points))
      if (gap === 0) break
      const p = order[0] as HealthChangePart
      order[0] = { ...p, points: p.points + gap, fromWeight: p.fromWeight + gap }
    }
  }
  return {
    accountId: after.accountId,
    from,
    to,
    delta,
    weightedDelta,
    gates: delta === null || weightedDelta === null ? null : delta - weightedDelta,
    direction: delta === null ? null : delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat',
    parts: order,
  }
}
