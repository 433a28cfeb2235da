import { _accessorAndOptions, _iterable } from '../core/_args.ts'
import { _level, _typeError } from '../core/_assert.ts'
import { _knownKeys } from '../core/_keys.ts'
import { _compareIds } from '../core/_order.ts'
import type { ConfidenceInterval, Excluded } from '../core/result.ts'
import { _criticalZ } from '../stats/_critical.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'

/**
 * One snapshot and what followed: the score (or a measure's scores) at the snapshot, and whether the
 * account churned within the horizon after it (from the lifecycle KPIs' customer data).
 * @category Health
 */
export interface HealthOutcome {
  /** The health score at the snapshot, or `null`. */
  readonly score: number | null
  /** Whether the account churned within the horizon after the snapshot. */
  readonly churned: boolean
  /** Its band at the snapshot. */
  readonly band?: string | null
  /** Each measure's score at the snapshot, to judge the measures one by one. */
  readonly measures?: { readonly [measure: string]: number | null }
}

/**
 * Options of {@link healthBacktest}.
 * @category Health
 */
export interface HealthBacktestOptions {
  /** Confidence level of the intervals. @defaultValue 0.95 */
  readonly level?: number
  /** How many quantile groups the calibration table has. @defaultValue 10 (deciles) */
  readonly groups?: number
}

/**
 * How well a score separates churners: the ROC AUC with its DeLong interval.
 * @category Health
 */
export interface HealthAuc {
  /**
   * The probability that a retained account scores above a churner (ties count half): the Mann–Whitney
   * U over retained × churned; 0.5 is chance, 1 perfect. `null` without both churners and retained.
   */
  readonly value: number | null
  /** DeLong's interval (clipped to 0–1), or `null`. */
  readonly ci: ConfidenceInterval | null
  /** Snapshots with a score. */
  readonly n: number
  /** Of them, churned. */
  readonly churned: number
}

/**
 * One measure's AUC.
 * @category Health
 */
export interface HealthMeasureAuc extends HealthAuc {
  /** The measure. */
  readonly id: string
}

/**
 * Churn in one band.
 * @category Health
 */
export interface HealthBandOutcome {
  /** The band. */
  readonly id: string
  /** Snapshots in it. */
  readonly n: number
  /** Of them, churned. */
  readonly churned: number
  /** The churn rate, or `null` without snapshots. */
  readonly rate: number | null
  /** Its Wilson interval. */
  readonly ci: ConfidenceInterval | null
  /** Its mean score. */
  readonly meanScore: number | null
}

/**
 * One row of the calibration table: a quantile group of the scores.
 * @category Health
 */
export interface HealthCalibrationRow {
  /** The group, 1 (lowest scores) to `groups`. */
  readonly group: number
  /** Its lowest score. */
  readonly from: number
  /** Its highest score. */
  readonly to: number
  /** Snapshots in it. */
  readonly n: number
  /** Of them, churned. */
  readonly churned: number
  /** The churn rate. */
  readonly rate: number
  /** Its mean score. */
  readonly meanScore: number
}

/**
 * The options a backtest ran with.
 * @category Health
 */
export interface HealthBacktestVariant {
  /** The confidence level. */
  readonly level: number
  /** The number of calibration groups. */
  readonly groups: number
}

/**
 * The result of {@link healthBacktest}.
 * @category Health
 */
export interface HealthBacktest {
  /** Always `'result'`. */
  readonly kind: 'result'
  /** Always `'healthBacktest'`. */
  readonly kpi: 'healthBacktest'
  /** The score's AUC, or `null` (see `reason`). */
  readonly value: number | null
  /** Why `value` is null: no snapshots, or no churner or no retained account among them. */
  readonly reason: 'no-data' | 'all-excluded' | 'one-outcome' | null
  /** The options used. */
  readonly variant: HealthBacktestVariant
  /** Snapshots with a score. */
  readonly n: number
  /** Snapshots left out: `missing` (null, or no score), `invalid` (a score that is not 0–100, or `churned` not a boolean). */
  readonly excluded: Excluded
  /** The churn rate over the snapshots with a score. */
  readonly churnRate: number | null
  /** The composite score's AUC. */
  readonly auc: HealthAuc
  /** Each measure's AUC, on the snapshots where it has a score, ordered by id. */
  readonly measures: readonly HealthMeasureAuc[]
  /** Churn by band, worst band (lowest mean score) first. */
  readonly bands: readonly HealthBandOutcome[]
  /** The worst band's churn rate over the overall rate, or `null`. */
  readonly lift: number | null
  /** Churn by quantile group of the score, lowest scores first. */
  readonly calibration: readonly HealthCalibrationRow[]
  /** Whether the score separates churners: the AUC's interval lies above 0.5. */
  readonly separates: boolean
  /** One plain sentence on it. */
  readonly verdict: string
}

/** The scores of the retained and of the churned snapshots, each sorted ascending (native sorts, no comparator). */
function split(scores: readonly number[], churned: readonly boolean[]): [Float64Array, Float64Array] {
  let lost = 0
  for (const c of churned) if (c) lost++
  const x = new Float64Array(scores.length - lost)
  const y = new Float64Array(lost)
  let xi = 0
  let yi = 0
  for (let i = 0; i < scores.length; i++) {
    if (churned[i]) y[yi++] = scores[i] as number
    else x[xi++] = scores[i] as number
  }
  return [x.sort(), y.sort()]
}

/**
 * The AUC of retained scores `x` against churned scores `y` (both sorted), with DeLong's variance from
 * the placement values (Sun & Xu 2014): V₁₀ᵢ = (#{y < xᵢ} + ½ #{y = xᵢ}) / n for each retained account,
 * V₀₁ⱼ = (#{x > yⱼ} + ½ #{x = yⱼ}) / m for each churner, each counted by walking the two sorted lists
 * together: O(n log n) for the sorts, O(n) after.
 */
function auc(x: Float64Array, y: Float64Array, z: number, level: number): HealthAuc {
  const m = x.length
  const n = y.length
  if (m === 0 || n === 0) return { value: null, ci: null, n: m + n, churned: n }
  const v10 = new Float64Array(m)
  let below = 0
  let upTo = 0
  for (let i = 0; i < m; i++) {
    const v = x[i] as number
    while (below < n && (y[below] as number) < v) below++
    if (upTo < below) upTo = below
    while (upTo < n && (y[upTo] as number) === v) upTo++
    v10[i] = (below + (upTo - below) / 2) / n
  }
  const v01 = new Float64Array(n)
  below = 0
  upTo = 0
  for (let j = 0; j < n; j++) {
    const v = y[j] as number
    while (below < m && (x[below] as number) < v) below++
    if (upTo < below) upTo = below
    while (upTo < m && (x[upTo] as number) === v) upTo++
    v01[j] = (m - upTo + (upTo - below) / 2) / m
  }
  let total = 0
  for (const t of v10) total += t
  const value = total / m
  const variance = (v: Float64Array, k: number): number => {
    if (k < 2) return 0
    let s = 0
    for (const t of v) s += (t - value) ** 2
    return s / (k - 1)
  }
  const se = Math.sqrt(variance(v10, m) / m + variance(v01, n) / n)
  const clip = (t: number): number => (t < 0 ? 0 : Math.min(t, 1))
  return {
    value,
    ci: { lower: clip(value - z * se), upper: clip(value + z * se), level, method: 'delong' },
    n: m + n,
    churned: n,
  }
}

const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 100

/**
 * Is the health score any good at predicting churn? Given score snapshots and what followed (churned
 * within a horizon after each), it reports the score's ROC AUC — the probability that an account that
 * stayed scored above one that churned, the Mann–Whitney U over both counts (ties half) — with DeLong's
 * interval; the same for each measure; churn per band with Wilson intervals, the worst band first, and
 * its lift over the overall rate; and a calibration table of churn by score decile. A score whose
 * interval does not lie above 0.5 does not separate churners, and `verdict` says so.
 *
 * Unit: AUC, a probability (0.5 = chance). Sorting makes it O(n log n).
 *
 * Sources: Hanley & McNeil (1982) for AUC = U / (m·n); DeLong, DeLong & Clarke-Pearson (1988) and
 * Sun & Xu (2014) for the variance; agrees with R's pROC (`ci.auc(method = 'delong')`).
 *
 * @example
 * ```ts
 * healthBacktest([
 *   { score: 80, churned: false }, { score: 30, churned: true },
 *   { score: 60, churned: false }, { score: 60, churned: true },
 * ]).value //=> 0.875
 * ```
 * @category Health
 */
export function healthBacktest(
  outcomes: Iterable<HealthOutcome>,
  options?: HealthBacktestOptions,
): HealthBacktest
export function healthBacktest<T>(
  outcomes: Iterable<T>,
  accessor: (item: T, index: number) => HealthOutcome,
  options?: HealthBacktestOptions,
): HealthBacktest
export function healthBacktest<T>(
  outcomes: Iterable<T>,
  accessorOrOptions?: ((item: T, index: number) => HealthOutcome) | HealthBacktestOptions,
  maybeOptions?: HealthBacktestOptions,
): HealthBacktest {
  const fn = 'healthBacktest'
  _iterable(fn, outcomes, 'outcomes')
  const [accessor, options] = _accessorAndOptions<
    (item: T, index: number) => HealthOutcome,
    HealthBacktestOptions
  >(fn, accessorOrOptions, maybeOptions)
  _knownKeys(fn, 'options', options ?? {}, ['level', 'groups'])
  const level = _level(fn, options?.level ?? 0.95)
  const groupCount = options?.groups ?? 10
  if (typeof groupCount !== 'number' || !Number.isInteger(groupCount) || groupCount < 1 || groupCount > 1000)
    throw _typeError(fn, 'options.groups', 'an integer from 1 to 1000', groupCount)
  const z = _criticalZ(level)
  const scores: number[] = []
  const churned: boolean[] = []
  const bandOf: (string | null)[] = []
  const measureScores = new Map<string, [number[], boolean[]]>()
  const excluded = { missing: 0, invalid: 0 }
  let index = 0
  for (const item of outcomes) {
    const o = accessor === undefined ? (item as unknown as HealthOutcome) : accessor(item, index)
    index++
    if (o === null || o === undefined || o.score === null || o.score === undefined) {
      excluded.missing++
      continue
    }
    if (!isScore(o.score) || typeof o.churned !== 'boolean') {
      excluded.invalid++
      continue
    }
    scores.push(o.score)
    churned.push(o.churned)
    bandOf.push(typeof o.band === 'string' ? o.band : null)
    if (o.measures !== undefined && o.measures !== null && typeof o.measures === 'object')
      for (const id of Object.keys(o.measures)) {
        const s = o.measures[id]
        if (!isScore(s)) continue
        let entry = measureScores.get(id)
        if (entry === undefined) {
          entry = [[], []]
          measureScores.set(id, entry)
        }
        entry[0].push(s)
        entry[1].push(o.churned)
      }
  }
  const n = scores.length
  const lost = churned.filter(Boolean).length
  const overall = n === 0 ? null : lost / n
  const [retainedScores, churnedScores] = split(scores, churned)
  const composite = auc(retainedScores, churnedScores, z, level)
  // Measures by id, whatever order the snapshots listed them in.
  const measures = [...measureScores]
    .sort(([a], [b]) => _compareIds(a, b))
    .map(([id, [s, c]]) => ({ id, ...auc(...split(s, c), z, level) }))

  // Bands, worst (lowest mean score) first.
  const byBand = new Map<string, { n: number; churned: number; total: number }>()
  bandOf.forEach((b, i) => {
    if (b === null) return
    const e = byBand.get(b) ?? { n: 0, churned: 0, total: 0 }
    e.n++
    if (churned[i]) e.churned++
    e.total += scores[i] as number
    byBand.set(b, e)
  })
  const bands: HealthBandOutcome[] = [...byBand]
    .map(([id, e]) => {
      const w = wilsonInterval(e.churned, e.n, { level })
      return {
        id,
        n: e.n,
        churned: e.churned,
        rate: e.churned / e.n,
        ci: w === null ? null : { lower: w.lower, upper: w.upper, level, method: 'wilson' },
        meanScore: e.total / e.n,
      }
    })
    .sort((a, b) => (a.meanScore as number) - (b.meanScore as number))
  const worst = bands[0]
  const lift =
    worst === undefined || overall === null || overall === 0 ? null : (worst.rate as number) / overall

  // Calibration: quantile groups of the sorted scores (the two sorted lists walked together); a run of
  // equal scores stays in one group.
  const calibration: { -readonly [K in keyof HealthCalibrationRow]: HealthCalibrationRow[K] }[] = []
  const x = retainedScores
  const y = churnedScores
  for (let i = 0, xi = 0, yi = 0; i < n; ) {
    const v = Math.min(
      xi < x.length ? (x[xi] as number) : Number.POSITIVE_INFINITY,
      yi < y.length ? (y[yi] as number) : Number.POSITIVE_INFINITY,
    )
    let stayed = 0
    let left = 0
    while (xi < x.length && x[xi] === v) {
      xi++
      stayed++
    }
    while (yi < y.length && y[yi] === v) {
      yi++
      left++
    }
    const group = Math.min(groupCount, Math.floor((i * groupCount) / n) + 1)
    const last = calibration[calibration.length - 1]
    const row =
      last !== undefined && last.group === group
        ? last
        : { group, from: v, to: v, n: 0, churned: 0, rate: 0, meanScore: 0 }
    row.n += stayed + left
    row.churned += left
    row.meanScore += v * (stayed + left)
    row.to = v
    if (row !== last) calibration.push(row)
    i += stayed + left
  }
  for (const row of calibration) {
    row.rate = row.churned / row.n
    row.meanScore = row.meanScore / row.n
  }
  const separates = composite.ci !== null && composite.ci.lower > 0.5
  const verdict =
    composite.value === null
      ? 'No verdict: the snapshots need both accounts that churned and accounts that stayed.'
      : separates
        ? `The score separates churners: AUC ${composite.value.toFixed(2)} (${Math.round(level * 100)} % interval ${(composite.ci as ConfidenceInterval).lower.toFixed(2)}–${(composite.ci as ConfidenceInterval).upper.toFixed(2)}), above chance (0.5).`
        : `The score does not separate churners: AUC ${composite.value.toFixed(2)}, and its ${Math.round(level * 100)} % interval (${(composite.ci as ConfidenceInterval).lower.toFixed(2)}–${(composite.ci as ConfidenceInterval).upper.toFixed(2)}) does not lie above chance (0.5).`
  return {
    kind: 'result',
    kpi: 'healthBacktest',
    value: composite.value,
    reason:
      composite.value !== null ? null : index === 0 ? 'no-data' : n === 0 ? 'all-excluded' : 'one-outcome',
    variant: { level, groups: groupCount },
    n,
    excluded,
    churnRate: overall,
    auc: composite,
    measures,
    bands,
    lift,
    calibration,
    separates,
    verdict,
  }
}
