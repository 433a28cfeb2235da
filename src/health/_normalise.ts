// Normalisers: a measure's raw value to a score from 0 to 100. Each is checked once, when the definition
// is, and compiled to a function; the function gives 'invalid' for a value it cannot read.
import type { _Problems } from '../core/_problems.ts'
import { describeResult } from '../core/describeResult.ts'
import type { HealthComparison, HealthTier } from './_types.ts'

/** A compiled normaliser: the score of a raw value, or 'invalid'. */
export type _Normalise = (value: number | string) => number | 'invalid'

/** Problems found in a definition: each a path, what was expected and what was got. */

/** Totango's good/average/poor points (multidimensional model; its portfolio view gives poor 40). */
export const _TOTANGO: { readonly [label: string]: number } = { good: 100, average: 60, poor: 0 }

const clamp = (x: number): number => (x < 0 ? 0 : Math.min(x, 100))
/** A finite number. */
export const _isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x)
const isNumber = _isNumber
const isScore = (x: unknown): x is number => isNumber(x) && x >= 0 && x <= 100

/** Whether `x` meets a comparison (every bound given). */
export function _meets(x: number, c: HealthComparison): boolean {
  return (
    (c.lt === undefined || x < c.lt) &&
    (c.lte === undefined || x <= c.lte) &&
    (c.gt === undefined || x > c.gt) &&
    (c.gte === undefined || x >= c.gte) &&
    (c.eq === undefined || x === c.eq)
  )
}

/** Checks a comparison, adding its problems. */
export function _checkComparison(path: string, c: unknown, problems: _Problems): void {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    problems.push([path, 'a comparison such as { lt: 40 }', c])
    return
  }
  const keys = Object.keys(c)
  if (keys.length === 0) problems.push([path, 'at least one of lt, lte, gt, gte, eq', c])
  for (const k of keys) {
    if (!['lt', 'lte', 'gt', 'gte', 'eq'].includes(k))
      problems.push([`${path}`, 'only the keys lt, lte, gt, gte, eq', k])
    else if (!isNumber((c as Record<string, unknown>)[k]))
      problems.push([`${path}.${k}`, 'a finite number', (c as Record<string, unknown>)[k]])
  }
}

function inTier(x: number, t: HealthTier): boolean {
  const lowOk = t.min === undefined || (t.minInclusive === true ? x >= t.min : x > t.min)
  const highOk = t.max === undefined || (t.maxInclusive === false ? x < t.max : x <= t.max)
  return lowOk && highOk
}

/** Checks a normaliser and compiles it; `null` when it has problems (added to `problems`). */
export function _normaliser(path: string, n: unknown, problems: _Problems): _Normalise | null {
  const before = problems.length
  if (n === null || typeof n !== 'object' || Array.isArray(n)) {
    problems.push([path, "a normaliser such as { type: 'linear', min, max, better }", n])
    return null
  }
  const o = n as Record<string, unknown>
  const known = (keys: readonly string[]): void => {
    for (const k of Object.keys(o))
      if (k !== 'type' && !keys.includes(k))
        problems.push([path, `only the keys type, ${keys.join(', ')}`, k])
  }
  const better = (): 'higher' | 'lower' | null => {
    if (o.better === 'higher' || o.better === 'lower') return o.better
    problems.push([
      `${path}.better`,
      "'higher' or 'lower' (which direction is good is never guessed)",
      o.better,
    ])
    return null
  }
  switch (o.type) {
    case 'linear': {
      known(['min', 'max', 'better'])
      const dir = better()
      if (!isNumber(o.min)) problems.push([`${path}.min`, 'a finite number', o.min])
      if (!isNumber(o.max)) problems.push([`${path}.max`, 'a finite number', o.max])
      else if (isNumber(o.min) && !(o.max > o.min))
        problems.push([`${path}.max`, `above min (${o.min})`, o.max])
      if (problems.length > before) return null
      const min = o.min as number
      const span = (o.max as number) - min
      return (x) =>
        typeof x !== 'number'
          ? 'invalid'
          : clamp(dir === 'higher' ? (100 * (x - min)) / span : 100 - (100 * (x - min)) / span)
    }
    case 'tiers': {
      known(['tiers'])
      const tiers = o.tiers
      if (!Array.isArray(tiers) || tiers.length === 0) {
        problems.push([`${path}.tiers`, 'a non-empty array of { min?, max?, score }', tiers])
        return null
      }
      for (const [i, t] of (tiers as unknown[]).entries()) {
        const p = `${path}.tiers[${i}]`
        if (t === null || typeof t !== 'object') {
          problems.push([p, 'a tier { min?, max?, score }', t])
          continue
        }
        const r = t as Record<string, unknown>
        for (const k of Object.keys(r))
          if (!['min', 'max', 'minInclusive', 'maxInclusive', 'score'].includes(k))
            problems.push([p, 'only the keys min, max, minInclusive, maxInclusive, score', k])
        if (!isScore(r.score)) problems.push([`${p}.score`, 'a score from 0 to 100', r.score])
        for (const k of ['min', 'max'])
          if (r[k] !== undefined && !isNumber(r[k])) problems.push([`${p}.${k}`, 'a finite number', r[k]])
        for (const k of ['minInclusive', 'maxInclusive'])
          if (r[k] !== undefined && typeof r[k] !== 'boolean') problems.push([`${p}.${k}`, 'a boolean', r[k]])
        if (isNumber(r.min) && isNumber(r.max) && !(r.max > r.min))
          problems.push([`${p}.max`, `above min (${r.min})`, r.max])
      }
      if (problems.length > before) return null
      const list = tiers as HealthTier[]
      // Overlaps: a value in two tiers would have two scores. Checked at every tier edge and between them.
      const edges = [...new Set(list.flatMap((t) => [t.min, t.max]).filter(isNumber))].sort((a, b) => a - b)
      const probes = edges.flatMap((e, i) => [
        e,
        i + 1 < edges.length ? (e + (edges[i + 1] as number)) / 2 : e + 1,
      ])
      if (edges.length > 0) probes.push((edges[0] as number) - 1)
      for (const x of probes) {
        const hits = list.filter((t) => inTier(x, t)).length
        if (hits > 1) {
          problems.push([`${path}.tiers`, 'tiers that do not overlap', `${hits} tiers holding ${x}`])
          return null
        }
      }
      return (x) => {
        if (typeof x !== 'number') return 'invalid'
        for (const t of list) if (inTier(x, t)) return t.score
        return 'invalid'
      }
    }
    case 'lookup': {
      known(['points'])
      const points = o.points ?? _TOTANGO
      if (
        points === null ||
        typeof points !== 'object' ||
        Array.isArray(points) ||
        Object.keys(points).length === 0
      ) {
        problems.push([
          `${path}.points`,
          'an object of labels to scores, such as { good: 100, average: 60, poor: 0 }',
          points,
        ])
        return null
      }
      for (const [k, v] of Object.entries(points))
        if (!isScore(v)) problems.push([`${path}.points.${k}`, 'a score from 0 to 100', v])
      if (problems.length > before) return null
      const map = new Map(Object.entries(points as Record<string, number>))
      return (x) => (typeof x === 'string' && map.has(x) ? (map.get(x) as number) : 'invalid')
    }
    case 'goal': {
      known(['target', 'better', 'cap'])
      const dir = better()
      if (!isNumber(o.target) || !(o.target > 0))
        problems.push([`${path}.target`, 'a number above 0', o.target])
      const cap = o.cap ?? 100
      if (!isScore(cap)) problems.push([`${path}.cap`, 'a score from 0 to 100', o.cap])
      if (problems.length > before) return null
      const target = o.target as number
      return (x) => {
        if (typeof x !== 'number' || x < 0) return 'invalid'
        const pct =
          dir === 'higher' ? (100 * x) / target : x === 0 ? Number.POSITIVE_INFINITY : (100 * target) / x
        return Math.min(pct, cap as number)
      }
    }
    case 'kpi': {
      known(['descriptor', 'options', 'worst'])
      const d = o.descriptor as { id?: unknown; result?: unknown } | null
      if (d === null || typeof d !== 'object' || typeof d.result !== 'object') {
        problems.push([`${path}.descriptor`, 'a KPI descriptor (npsDescriptor, …)', o.descriptor])
        return null
      }
      if (o.options !== undefined && (o.options === null || typeof o.options !== 'object'))
        problems.push([`${path}.options`, "an object of the KPI's options", o.options])
      if (problems.length > before) return null
      const traits = describeResult(d as never, (o.options ?? {}) as Record<string, unknown>)
      const [lo, hi] = traits.bounds
      const worst = o.worst
      if (worst !== undefined && !isNumber(worst)) problems.push([`${path}.worst`, 'a finite number', worst])
      // The end that scores 0: the bad bound, or `worst` where the KPI is unbounded on its bad side.
      const bad = worst !== undefined ? (worst as number) : traits.better === 'higher' ? lo : hi
      const good = traits.better === 'higher' ? hi : lo
      if (bad === null || good === null) {
        problems.push([
          `${path}.worst`,
          `the value of ${String(d.id)} that scores 0 (it is ${traits.better === 'higher' ? 'higher' : 'lower'}-is-better and unbounded on ${bad === null ? 'its bad' : 'its good'} side)`,
          worst,
        ])
        return null
      }
      if (bad === good || (traits.better === 'higher' ? bad > good : bad < good)) {
        problems.push([
          `${path}.worst`,
          `a value worse than ${good} for ${String(d.id)} (${traits.better} is better)`,
          worst,
        ])
        return null
      }
      const span = good - bad
      return (x) => (typeof x !== 'number' ? 'invalid' : clamp((100 * (x - bad)) / span))
    }
    case 'score':
      known([])
      return (x) => (isScore(x) ? x : 'invalid')
    default:
      problems.push([`${path}.type`, "one of 'linear', 'tiers', 'lookup', 'goal', 'kpi', 'score'", o.type])
      return null
  }
}
