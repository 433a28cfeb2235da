// Scores one account under a compiled definition: measures normalised, missing values treated by their
// policy, weights renormalised over what counts, the weighted score as the sum of the contributions
// (so that they add up to it exactly, in the definition's order), then the gates, then the band.
//
// The arithmetic writes into a scratch space reused from one account to the next, so that scoring
// allocates nothing; what is kept (an account's objects, or a portfolio's columns) is built from it.
import { type _Compiled, _inBand } from './_compile.ts'
import { _meets } from './_normalise.ts'
import type {
  HealthAccountScore,
  HealthGateHit,
  HealthGroupScore,
  HealthMeasureScore,
  HealthValue,
} from './_types.ts'

/** A measure's status, as stored in the scratch space. */
export const _PRESENT = 0
export const _MISSING = 1
export const _INVALID = 2
export const _STATUS: readonly HealthMeasureScore['status'][] = ['present', 'missing', 'invalid']

/** The working space of one definition: by measure, then by group. */
export interface _Scratch {
  /** Raw values read. */
  readonly raw: (number | string | null)[]
  /** Scores (NaN where left out). */
  readonly scores: Float64Array
  /** Statuses (_PRESENT, _MISSING, _INVALID). */
  readonly status: Uint8Array
  /** Effective weights. */
  readonly weights: Float64Array
  /** Contributions in points. */
  readonly contributions: Float64Array
  /** The raw weight that counts, by group. */
  readonly within: Float64Array
  /** Weighted points (raw weights), by group. */
  readonly points: Float64Array
  /** Contributions, by group. */
  readonly groupContributions: Float64Array
  /** The sum of the weights of the groups that count. */
  across: number
  /** The gates that applied to the last account (reused; copy before keeping). */
  readonly hits: HealthGateHit[]
}

/** What scoring one account gives beside the scratch space. */
export interface _Scored {
  value: number | null
  reason: 'no-data' | 'low-coverage' | null
  weighted: number | null
  band: string | null
  coverage: number
}

export function _scratch(c: _Compiled): _Scratch {
  const m = c.measures.length
  const g = c.groupWeights.length
  return {
    raw: new Array<number | string | null>(m).fill(null),
    scores: new Float64Array(m),
    status: new Uint8Array(m),
    weights: new Float64Array(m),
    contributions: new Float64Array(m),
    within: new Float64Array(g),
    points: new Float64Array(g),
    groupContributions: new Float64Array(g),
    across: 0,
    hits: [],
  }
}

/** The raw value of a measure: a result's `value`, a number or a label; `undefined` when unusable. */
function raw(v: HealthValue | unknown): number | string | null | undefined {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v === 'string') return v
  if (typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, 'value')) {
    const x = (v as { value: unknown }).value
    return x === null || x === undefined ? null : typeof x === 'number' && Number.isFinite(x) ? x : undefined
  }
  return undefined
}

/**
 * Scores one account into `s`, and returns its score, band and coverage. `values` is read by own
 * properties only: a measure id is data, never a path.
 */
export function _scoreInto(
  c: _Compiled,
  values: { readonly [measure: string]: unknown },
  s: _Scratch,
): _Scored {
  const d = c.definition
  const measures = c.measures
  const m = measures.length
  const { scores, status, weights, contributions, within, points, groupContributions } = s
  let present = 0
  let presentCount = 0
  within.fill(0)
  for (let i = 0; i < m; i++) {
    const measure = measures[i] as _Compiled['measures'][number]
    const id = measure.id
    const r = raw(Object.hasOwn(values, id) ? values[id] : null)
    const n = r === undefined || r === null ? null : measure.normalise(r)
    s.raw[i] = r === undefined ? null : r
    let score: number
    if (typeof n === 'number') {
      status[i] = _PRESENT
      score = n
      present += c.nominal[i] as number
      presentCount++
    } else {
      status[i] = r === null ? _MISSING : _INVALID
      score = measure.missing === 'zero' ? 0 : measure.missing === 'neutral' ? d.neutralScore : Number.NaN
    }
    scores[i] = score
    if (!Number.isNaN(score)) within[measure.group] = (within[measure.group] as number) + measure.weight
  }
  // Renormalise: within each group over the measures that count, then across the groups that count.
  const g = within.length
  let across = 0
  for (let k = 0; k < g; k++) if ((within[k] as number) > 0) across += c.groupWeights[k] as number
  s.across = across
  points.fill(0)
  groupContributions.fill(0)
  let weighted = 0
  for (let i = 0; i < m; i++) {
    const score = scores[i] as number
    const measure = measures[i] as _Compiled['measures'][number]
    const k = measure.group
    const w =
      Number.isNaN(score) || across === 0 || (within[k] as number) === 0
        ? 0
        : ((c.groupWeights[k] as number) / across) * (measure.weight / (within[k] as number))
    weights[i] = w
    const contribution = w === 0 ? 0 : w * score
    contributions[i] = contribution
    weighted += contribution
    if (w !== 0) {
      points[k] = (points[k] as number) + measure.weight * score
      groupContributions[k] = (groupContributions[k] as number) + contribution
    }
  }
  s.hits.length = 0
  const coverage = presentCount === m ? 1 : Math.min(present, 1)
  if (across === 0) return { value: null, reason: 'no-data', weighted: null, band: null, coverage }
  if (coverage < d.minCoverage) return { value: null, reason: 'low-coverage', weighted, band: null, coverage }
  // Gates, in order, after the weighted score (kept within 0–100 against round-off in the weights).
  let value = weighted < 0 ? 0 : Math.min(weighted, 100)
  const gates = d.gates
  for (let q = 0; q < gates.length; q++) {
    const gate = gates[q] as (typeof gates)[number]
    const onScore = (gate.on ?? 'score') === 'score'
    const holds = (i: number): boolean => {
      if (i < 0 || status[i] !== _PRESENT) return false
      const x = onScore ? scores[i] : s.raw[i]
      return typeof x === 'number' && _meets(x, gate.when)
    }
    let applies = false
    if (gate.anyMeasure === true) {
      for (let i = 0; i < m && !applies; i++) applies = holds(i)
    } else applies = holds(c.index.get(gate.measure as string) ?? -1)
    if (!applies) continue
    const from = value
    if (gate.cap !== undefined) value = Math.min(value, gate.cap)
    else if (gate.floor !== undefined) value = Math.max(value, gate.floor)
    else value = gate.set as number
    s.hits.push({ id: gate.id, from, to: value })
  }
  let band: string | null = null
  for (const b of d.bands)
    if (_inBand(value, b)) {
      band = b.id
      break
    }
  return { value, reason: null, weighted, band, coverage }
}

/** Scores one account, with every measure and group as objects. */
export function _scoreAccount(
  c: _Compiled,
  accountId: string,
  segment: string | null,
  values: { readonly [measure: string]: unknown },
  s: _Scratch = _scratch(c),
): HealthAccountScore {
  return _materialise(c, accountId, segment, _scoreInto(c, values, s), s)
}

/** An account scored into `s`, as objects. */
export function _materialise(
  c: _Compiled,
  accountId: string,
  segment: string | null,
  r: _Scored,
  s: _Scratch,
): HealthAccountScore {
  const m = c.measures.length
  const measures: HealthMeasureScore[] = new Array(m)
  for (let i = 0; i < m; i++) {
    const x = c.measures[i] as _Compiled['measures'][number]
    const score = s.scores[i] as number
    measures[i] = {
      id: x.id,
      group: c.groupIds[x.group] as string,
      value: s.raw[i] as number | string | null,
      score: Number.isNaN(score) ? null : score,
      status: _STATUS[s.status[i] as number] as HealthMeasureScore['status'],
      weight: s.weights[i] as number,
      contribution: s.contributions[i] as number,
    }
  }
  // A group's score is its own weighted mean (Gainsight: Σ WᵢMᵢ / Σ Wᵢ, over the raw weights).
  const g = c.groupIds.length
  const groups: HealthGroupScore[] = new Array(g)
  for (let k = 0; k < g; k++) {
    const counts = s.across > 0 && (s.within[k] as number) > 0
    groups[k] = {
      id: c.groupIds[k] as string,
      score: counts ? (s.points[k] as number) / (s.within[k] as number) : null,
      weight: counts ? (c.groupWeights[k] as number) / s.across : 0,
      contribution: s.groupContributions[k] as number,
    }
  }
  return {
    accountId,
    segment,
    value: r.value,
    reason: r.reason,
    weighted: r.weighted,
    band: r.band,
    coverage: r.coverage,
    measures,
    groups,
    gates: s.hits.slice(),
  }
}
