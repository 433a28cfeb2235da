// Scores one account under a compiled definition: measures normalised, missing values treated by their
// policy, weights renormalised over what counts, the weighted score as the sum of the contributions
// (so that they add up to it exactly, in the definition's order), then the gates, then the band.
import { type _Compiled, _inBand } from './_compile.ts'
import { _meets } from './_normalise.ts'
import type {
  HealthAccountScore,
  HealthGateHit,
  HealthGroupScore,
  HealthMeasureScore,
  HealthValue,
} from './_types.ts'

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

/** Scores one account. `values` is read by own properties only: a measure id is data, never a path. */
export function _scoreAccount(
  c: _Compiled,
  accountId: string,
  segment: string | null,
  values: { readonly [measure: string]: unknown },
): HealthAccountScore {
  const d = c.definition
  const m = c.measures.length
  const scores: (number | null)[] = new Array(m)
  const rawValues: (number | string | null)[] = new Array(m)
  const status: HealthMeasureScore['status'][] = new Array(m)
  let present = 0
  let presentCount = 0
  for (let i = 0; i < m; i++) {
    const measure = c.measures[i] as (typeof c.measures)[number]
    const r = raw(Object.hasOwn(values, measure.id) ? values[measure.id] : null)
    let s: number | 'invalid' | null = r === undefined ? 'invalid' : r === null ? null : measure.normalise(r)
    status[i] = s === null ? 'missing' : s === 'invalid' ? 'invalid' : 'present'
    rawValues[i] = r === undefined ? null : r
    if (s === 'invalid' || s === null)
      s = measure.missing === 'zero' ? 0 : measure.missing === 'neutral' ? d.neutralScore : null
    else {
      present += c.nominal[i] as number
      presentCount++
    }
    scores[i] = s
  }
  // Renormalise: within each group over the measures that count, then across the groups that count.
  const g = c.groupWeights.length
  const within = new Array<number>(g).fill(0)
  for (let i = 0; i < m; i++) {
    const { group, weight } = c.measures[i] as { group: number; weight: number }
    if (scores[i] !== null) within[group] = (within[group] as number) + weight
  }
  let across = 0
  for (let k = 0; k < g; k++) if ((within[k] as number) > 0) across += c.groupWeights[k] as number
  const weights = new Array<number>(m).fill(0)
  const contributions = new Array<number>(m).fill(0)
  let weighted = 0
  for (let i = 0; i < m; i++) {
    const s = scores[i] as number | null
    const { group, weight } = c.measures[i] as { group: number; weight: number }
    if (s === null || across === 0 || (within[group] as number) === 0) continue
    const w = ((c.groupWeights[group] as number) / across) * (weight / (within[group] as number))
    weights[i] = w
    contributions[i] = w * s
    weighted += w * s
  }
  const measures: HealthMeasureScore[] = c.measures.map((x, i) => ({
    id: x.id,
    group: c.groupIds[x.group] as string,
    value: rawValues[i] as number | string | null,
    score: scores[i] as number | null,
    status: status[i] as HealthMeasureScore['status'],
    weight: weights[i] as number,
    contribution: contributions[i] as number,
  }))
  // A group's score is its own weighted mean (Gainsight: Σ WᵢMᵢ / Σ Wᵢ, over the raw weights).
  const groups: HealthGroupScore[] = c.groupIds.map((id, k) => {
    let points = 0
    let contribution = 0
    for (let i = 0; i < m; i++)
      if ((c.measures[i] as { group: number }).group === k && weights[i] !== 0) {
        points += (c.measures[i] as { weight: number }).weight * (scores[i] as number)
        contribution += contributions[i] as number
      }
    const counts = across > 0 && (within[k] as number) > 0
    return {
      id,
      score: counts ? points / (within[k] as number) : null,
      weight: counts ? (c.groupWeights[k] as number) / across : 0,
      contribution,
    }
  })
  const coverage = presentCount === m ? 1 : Math.min(present, 1)
  const counted = across > 0
  const low = counted && coverage < d.minCoverage
  const none = (reason: 'no-data' | 'low-coverage'): HealthAccountScore => ({
    accountId,
    segment,
    value: null,
    reason,
    weighted: counted ? weighted : null,
    band: null,
    coverage,
    measures,
    groups,
    gates: [],
  })
  if (!counted) return none('no-data')
  if (low) return none('low-coverage')
  // Gates, in order, after the weighted score (kept within 0–100 against round-off in the weights).
  let value = weighted < 0 ? 0 : Math.min(weighted, 100)
  const gates: HealthGateHit[] = []
  for (const gate of d.gates) {
    const on = gate.on ?? 'score'
    const holds = (i: number): boolean => {
      const x = on === 'score' ? scores[i] : rawValues[i]
      return typeof x === 'number' && status[i] === 'present' && _meets(x, gate.when)
    }
    const applies =
      gate.anyMeasure === true
        ? measures.some((_, i) => holds(i))
        : holds(measures.findIndex((x) => x.id === gate.measure))
    if (!applies) continue
    const from = value
    if (gate.cap !== undefined) value = Math.min(value, gate.cap)
    else if (gate.floor !== undefined) value = Math.max(value, gate.floor)
    else value = gate.set as number
    gates.push({ id: gate.id, from, to: value })
  }
  const band = d.bands.find((b) => _inBand(value, b))
  return {
    accountId,
    segment,
    value,
    reason: null,
    weighted,
    band: band === undefined ? null : band.id,
    coverage,
    measures,
    groups,
    gates,
  }
}
