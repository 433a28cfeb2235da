import { _accessorAndOptions, _iterable } from '../core/_args.ts'
import { _integer, _level, _number, _oneOf, _options, _typeError } from '../core/_assert.ts'
import { _hash32 } from '../core/_hash.ts'
import { type DateInput, parseInstant } from '../core/parseInstant.ts'
import type { Excluded } from '../core/result.ts'
import { _criticalZ } from '../stats/_critical.ts'
import { normalCdf } from '../stats/normalCdf.ts'
import { type HealthBacktest, healthBacktest } from './healthBacktest.ts'

/**
 * One snapshot to learn weights from: each measure's score (0–100) at the snapshot, and whether the
 * account churned within the horizon after it.
 * @category Health
 */
export interface HealthWeightSnapshot {
  /** The account: snapshots of one account stay on one side of the split. */
  readonly accountId?: string | number
  /** When the snapshot was taken, for `split: 'time'`. */
  readonly at?: DateInput
  /** Each measure's score at the snapshot (its `score` in {@link healthScore}'s result), 0–100. */
  readonly measures: { readonly [measure: string]: number | null | undefined }
  /** Whether the account churned within the horizon after the snapshot. */
  readonly churned: boolean
  /** The current definition's score at the snapshot, to compare on the held-out snapshots. */
  readonly score?: number | null
}

/**
 * Options of {@link suggestHealthWeights}.
 * @category Health
 */
export interface SuggestHealthWeightsOptions {
  /** The measures to weigh, in this order. @defaultValue every measure found, ordered by id */
  readonly measures?: readonly string[]
  /** The share of snapshots held out to judge the suggestion (0 keeps none). @defaultValue 0.3 */
  readonly holdout?: number
  /**
   * How snapshots are held out: by account (a hash of `accountId`, so no account is on both sides)
   * or by time (the latest snapshots, by `at`: fitted on the past, judged on the future).
   * @defaultValue 'account'
   */
  readonly split?: 'account' | 'time'
  /** Confidence level of the coefficients' intervals and of the backtests. @defaultValue 0.95 */
  readonly level?: number
  /** The most IRLS iterations. @defaultValue 25 (as R's glm) */
  readonly maxIterations?: number
}

/**
 * One measure's suggested weight and the logistic coefficient behind it.
 * @category Health
 */
export interface HealthWeightSuggestion {
  /** The measure. */
  readonly id: string
  /** Its suggested weight, 0–1; the weights add up to 1. 0 when its score does not lower the odds of churn. */
  readonly weight: number
  /** The change in the log-odds of churn per 100 points of its score (negative: a higher score, less churn). */
  readonly coefficient: number
  /** Its standard error. */
  readonly se: number
  /** The Wald interval of the coefficient. */
  readonly lower: number
  /** The Wald interval's upper bound. */
  readonly upper: number
  /** Two-sided p-value of the Wald z-test that the coefficient is 0. */
  readonly p: number
  /** `'protective'` (lowers churn; weighted), `'no-effect'` (not below 0: weight 0) or `'constant'` (the same score everywhere: not fitted). */
  readonly status: 'protective' | 'no-effect' | 'constant'
}

/**
 * The held-out backtests: the suggested weights, and the current score where the snapshots had one.
 * @category Health
 */
export interface HealthHeldOut {
  /** Held-out snapshots. */
  readonly n: number
  /** Of them, churned. */
  readonly churned: number
  /** The backtest of the score composed with the suggested weights. */
  readonly suggested: HealthBacktest
  /** The backtest of the current score, on the same snapshots, or `null` without scores. */
  readonly current: HealthBacktest | null
}

/**
 * The options a suggestion was made with.
 * @category Health
 */
export interface SuggestHealthWeightsVariant {
  /** The measures weighed. */
  readonly measures: readonly string[]
  /** The share held out. */
  readonly holdout: number
  /** How. */
  readonly split: 'account' | 'time'
  /** The confidence level. */
  readonly level: number
}

/**
 * The snapshots a suggestion was fitted to.
 * @category Health
 */
export interface HealthWeightsFitted {
  /** Snapshots fitted. */
  readonly n: number
  /** Of them, churned. */
  readonly churned: number
}

/**
 * The result of {@link suggestHealthWeights}.
 * @category Health
 */
export interface HealthWeightsResult {
  /** Always `'result'`. */
  readonly kind: 'result'
  /** Always `'suggestHealthWeights'`. */
  readonly kpi: 'suggestHealthWeights'
  /** The suggested weights' AUC on the held-out snapshots, or `null` (see `reason`). */
  readonly value: number | null
  /**
   * Why `value` is null: no snapshots (`'no-data'`), none usable (`'all-excluded'`), the fit's
   * snapshots do not hold both outcomes (`'one-outcome'`), the measures are collinear (`'singular'`),
   * nothing held out (`'no-holdout'`), or the held-out snapshots do not hold both outcomes.
   */
  readonly reason: 'no-data' | 'all-excluded' | 'one-outcome' | 'singular' | 'no-holdout' | null
  /** The options used. */
  readonly variant: SuggestHealthWeightsVariant
  /** Snapshots used: fitted and held out. */
  readonly n: number
  /** Snapshots left out: `missing` (null), `invalid` (a score not 0–100, `churned` not a boolean, or no `accountId`/`at` for the split), `incomplete` (a measure without a score). */
  readonly excluded: Excluded<'incomplete'>
  /** One suggestion per measure, in `variant.measures`' order. */
  readonly weights: readonly HealthWeightSuggestion[]
  /** The fitted intercept (log-odds of churn with every score at 0), or `null`. */
  readonly intercept: number | null
  /** Snapshots fitted, and of them churned. */
  readonly fitted: HealthWeightsFitted
  /** Whether IRLS converged (it does not when a measure separates the outcomes perfectly). */
  readonly converged: boolean
  /** IRLS iterations used. */
  readonly iterations: number
  /** The residual deviance of the fit, or `null`. */
  readonly deviance: number | null
  /** The backtests on the held-out snapshots, or `null` with nothing held out. */
  readonly heldOut: HealthHeldOut | null
}

const KEYS = ['measures', 'holdout', 'split', 'level', 'maxIterations']

/** Where an account falls, as a share of 2³² of its id's hash: the same in every run and every runtime. */
const hashShare = (s: string): number => _hash32(s) / 2 ** 32

/** Cholesky factor of a symmetric matrix (row-major, k×k), or null when it is not positive definite. */
const cholesky = (a: Float64Array, k: number): Float64Array | null => {
  const l = new Float64Array(k * k)
  for (let i = 0; i < k; i++)
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j] as number
      for (let t = 0; t < j; t++) s -= (l[i * k + t] as number) * (l[j * k + t] as number)
      if (i === j) {
        if (!(s > 1e-12 * Math.max(1, a[i * k + i] as number))) return null
        l[i * k + i] = Math.sqrt(s)
      } else l[i * k + j] = s / (l[j * k + j] as number)
    }
  return l
}

/** Solves L Lᵀ x = b. */
const solve = (l: Float64Array, k: number, b: Float64Array): Float64Array => {
  const y = new Float64Array(k)
  for (let i = 0; i < k; i++) {
    let s = b[i] as number
    for (let t = 0; t < i; t++) s -= (l[i * k + t] as number) * (y[t] as number)
    y[i] = s / (l[i * k + i] as number)
  }
  const x = new Float64Array(k)
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i] as number
    for (let t = i + 1; t < k; t++) s -= (l[t * k + i] as number) * (x[t] as number)
    x[i] = s / (l[i * k + i] as number)
  }
  return x
}

interface Fit {
  readonly beta: Float64Array
  readonly se: Float64Array
  readonly converged: boolean
  readonly iterations: number
  readonly deviance: number
}

/**
 * Logistic regression by iteratively reweighted least squares, as R's glm (binomial, logit) does it:
 * the same start (μ = (y + ½) / 2), the same convergence rule (|Δdeviance| / (|deviance| + 0.1) < 1e-8)
 * and the standard errors from the last weighted fit. Written by hand: no small package fits a glm, and
 * Nelder–Mead does not reach glm's answer in ten dimensions.
 */
const logistic = (
  x: Float64Array,
  y: Uint8Array,
  n: number,
  k: number,
  maxIterations: number,
): Fit | null => {
  const eta = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const mu = ((y[i] as number) + 0.5) / 2
    eta[i] = Math.log(mu / (1 - mu))
  }
  const deviance = (): number => {
    let d = 0
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-(eta[i] as number)))
      d -= 2 * Math.log(y[i] === 1 ? mu : 1 - mu)
    }
    return d
  }
  let previous = deviance()
  let beta: Float64Array = new Float64Array(k)
  let factor: Float64Array | null = null
  let converged = false
  let iterations = 0
  while (iterations < maxIterations) {
    iterations++
    const xtwx = new Float64Array(k * k)
    const xtwz = new Float64Array(k)
    for (let i = 0; i < n; i++) {
      const e = eta[i] as number
      const mu = 1 / (1 + Math.exp(-e))
      const w = Math.max(mu * (1 - mu), 1e-300)
      const z = e + ((y[i] as number) - mu) / w
      const row = i * k
      for (let a = 0; a < k; a++) {
        const wa = w * (x[row + a] as number)
        xtwz[a] = (xtwz[a] as number) + wa * z
        for (let b = 0; b <= a; b++)
          xtwx[a * k + b] = (xtwx[a * k + b] as number) + wa * (x[row + b] as number)
      }
    }
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) xtwx[a * k + b] = xtwx[b * k + a] as number
    factor = cholesky(xtwx, k)
    if (factor === null) return null
    beta = solve(factor, k, xtwz)
    for (let i = 0; i < n; i++) {
      let e = 0
      for (let a = 0; a < k; a++) e += (x[i * k + a] as number) * (beta[a] as number)
      eta[i] = e
    }
    const d = deviance()
    if (Math.abs(d - previous) / (Math.abs(d) + 0.1) < 1e-8) {
      converged = true
      previous = d
      break
    }
    previous = d
  }
  const se = new Float64Array(k)
  for (let a = 0; a < k; a++) {
    const unit = new Float64Array(k)
    unit[a] = 1
    se[a] = Math.sqrt(solve(factor as Float64Array, k, unit)[a] as number)
  }
  return { beta, se, converged, iterations, deviance: previous }
}

interface Row {
  readonly scores: readonly number[]
  readonly churned: boolean
  readonly score: number | null
  readonly side: number
}

const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 100

/**
 * Suggests a health definition's weights from the data: a logistic regression of churn on the
 * measures' scores (IRLS, as R's `glm(churned ~ …, family = binomial)`), each weight the share of a
 * measure's protective effect — `max(0, −coefficient)` over their sum — so that a measure whose higher
 * score does not lower churn gets 0. The suggestion is judged on held-out snapshots, never on those it
 * was fitted to: by account (no account on both sides) or by time (fitted on the earlier snapshots,
 * judged on the latest), with {@link healthBacktest} for the score composed with the suggested weights
 * and, where the snapshots carry it, for the current score on the same snapshots.
 *
 * A coefficient is the change in the log-odds of churn per 100 points of its measure's score, with its
 * standard error, Wald interval and p-value. A suggestion is a starting point for people who know the
 * customers, not a verdict: read the intervals, and the held-out AUCs side by side.
 *
 * Unit of `value`: the held-out AUC (0.5 = chance). Snapshots with a measure missing are left out
 * (`excluded.incomplete`).
 *
 * Source: spec §14 (backtesting); McCullagh & Nelder (1989) for IRLS; agrees with R's glm.
 *
 * @example
 * ```ts
 * const snapshots = Array.from({ length: 200 }, (_, i) => ({
 *   accountId: i,
 *   measures: { usage: (i * 37) % 101, noise: (i * 53) % 97 },
 *   churned: (i * 37) % 101 < 30 + ((i * 11) % 20),
 * }))
 * suggestHealthWeights(snapshots).weights.map((w) => [w.id, w.status])
 * //=> [['noise', 'no-effect'], ['usage', 'protective']]
 * ```
 * @category Health
 */
export function suggestHealthWeights(
  snapshots: Iterable<HealthWeightSnapshot>,
  options?: SuggestHealthWeightsOptions,
): HealthWeightsResult
export function suggestHealthWeights<T>(
  snapshots: Iterable<T>,
  accessor: (item: T, index: number) => HealthWeightSnapshot,
  options?: SuggestHealthWeightsOptions,
): HealthWeightsResult
export function suggestHealthWeights<T>(
  items: Iterable<T>,
  accessorOrOptions?: ((item: T, index: number) => HealthWeightSnapshot) | SuggestHealthWeightsOptions,
  maybeOptions?: SuggestHealthWeightsOptions,
): HealthWeightsResult {
  const fn = 'suggestHealthWeights'
  _iterable(fn, items, 'snapshots')
  const [accessor, given] = _accessorAndOptions<
    (item: T, index: number) => HealthWeightSnapshot,
    SuggestHealthWeightsOptions
  >(fn, accessorOrOptions, maybeOptions)
  const o = _options(fn, given, KEYS)
  if (
    o.measures !== undefined &&
    (!Array.isArray(o.measures) ||
      o.measures.length === 0 ||
      o.measures.some((m) => typeof m !== 'string') ||
      new Set(o.measures).size !== o.measures.length)
  )
    throw _typeError(fn, 'options.measures', 'a non-empty array of distinct measure ids', o.measures)
  const holdout = o.holdout === undefined ? 0.3 : _number(fn, 'options.holdout', o.holdout, 0, 0.9)
  const split = o.split === undefined ? 'account' : _oneOf(fn, 'options.split', o.split, ['account', 'time'])
  const level = _level(fn, o.level ?? 0.95)
  const maxIterations =
    o.maxIterations === undefined ? 25 : _integer(fn, 'options.maxIterations', o.maxIterations, 1, 1000)

  // Read every snapshot once; measure ids are those asked for, or every one found, ordered by id.
  const read: { s: HealthWeightSnapshot; side: number }[] = []
  const found = new Set<string>()
  const excluded = { missing: 0, invalid: 0, incomplete: 0 }
  let index = 0
  for (const item of items) {
    const s = accessor === undefined ? (item as unknown as HealthWeightSnapshot) : accessor(item, index)
    index++
    if (s === null || s === undefined) {
      excluded.missing++
      continue
    }
    const m = typeof s === 'object' ? s.measures : undefined
    if (m === null || typeof m !== 'object' || Array.isArray(m) || typeof s.churned !== 'boolean') {
      excluded.invalid++
      continue
    }
    let side: number
    if (split === 'time') {
      const t = s.at === undefined || s.at === null ? null : parseInstant(s.at)
      if (t === null) {
        excluded.invalid++
        continue
      }
      side = t
    } else {
      const id = s.accountId
      if (!(typeof id === 'string' ? id !== '' : typeof id === 'number' && Number.isFinite(id))) {
        excluded.invalid++
        continue
      }
      side = hashShare(String(id))
    }
    if (o.measures === undefined) for (const k of Object.keys(m)) found.add(k)
    read.push({ s, side })
  }
  const ids = o.measures === undefined ? [...found].sort() : [...o.measures]
  const rows: Row[] = []
  for (const { s, side } of read) {
    const scores: number[] = []
    let bad = false
    let gap = false
    for (const id of ids) {
      const v = Object.hasOwn(s.measures, id) ? s.measures[id] : undefined
      if (v === null || v === undefined) gap = true
      else if (!isScore(v)) bad = true
      else scores.push(v)
    }
    const score = s.score === undefined || s.score === null ? null : s.score
    if (bad || (score !== null && !isScore(score))) excluded.invalid++
    else if (gap) excluded.incomplete++
    else rows.push({ scores, churned: s.churned, score, side })
  }

  // A canonical order (by split key, scores, outcome, score), so that the fit's sums, and so its last
  // digits, do not depend on the order of the input.
  rows.sort((a, b) => {
    if (a.side !== b.side) return a.side - b.side
    for (let j = 0; j < a.scores.length; j++)
      if (a.scores[j] !== b.scores[j]) return (a.scores[j] as number) - (b.scores[j] as number)
    if (a.churned !== b.churned) return a.churned ? 1 : -1
    return (a.score ?? -1) - (b.score ?? -1)
  })

  // The split: by account, the accounts whose hash falls below `holdout`; by time, the latest
  // snapshots — every one at or after the instant of the first held-out snapshot in time order, so
  // that snapshots taken at the same instant stay together.
  let heldOutRows: Row[]
  let fitRows: Row[]
  if (split === 'account') {
    heldOutRows = rows.filter((r) => r.side < holdout)
    fitRows = rows.filter((r) => r.side >= holdout)
  } else {
    const times = rows.map((r) => r.side).sort((a, b) => a - b)
    const first = Math.floor(rows.length * (1 - holdout))
    const cutoff = holdout === 0 || first >= rows.length ? Number.POSITIVE_INFINITY : (times[first] as number)
    heldOutRows = rows.filter((r) => r.side >= cutoff)
    fitRows = rows.filter((r) => r.side < cutoff)
  }

  const variant = { measures: ids, holdout, split, level }
  const churnedFit = fitRows.filter((r) => r.churned).length
  const empty = (
    reason: HealthWeightsResult['reason'],
    weights: HealthWeightSuggestion[] = [],
  ): HealthWeightsResult => ({
    kind: 'result',
    kpi: fn,
    value: null,
    reason,
    variant,
    n: rows.length,
    excluded,
    weights,
    intercept: null,
    fitted: { n: fitRows.length, churned: churnedFit },
    converged: false,
    iterations: 0,
    deviance: null,
    heldOut: null,
  })
  if (index === 0) return empty('no-data')
  if (rows.length === 0) return empty('all-excluded')
  if (churnedFit === 0 || churnedFit === fitRows.length) return empty('one-outcome')

  // Measures with one score across the fitted snapshots cannot be fitted; the rest are, per 100 points.
  const varies = ids.map((_, j) => fitRows.some((r) => r.scores[j] !== (fitRows[0] as Row).scores[j]))
  const used = ids.map((_, j) => j).filter((j) => varies[j])
  const k = used.length + 1
  const n = fitRows.length
  const x = new Float64Array(n * k)
  const y = new Uint8Array(n)
  fitRows.forEach((r, i) => {
    x[i * k] = 1
    used.forEach((j, c) => {
      x[i * k + c + 1] = (r.scores[j] as number) / 100
    })
    y[i] = r.churned ? 1 : 0
  })
  const fit = logistic(x, y, n, k, maxIterations)
  const constant = (id: string): HealthWeightSuggestion => ({
    id,
    weight: 0,
    coefficient: 0,
    se: 0,
    lower: 0,
    upper: 0,
    p: 1,
    status: 'constant',
  })
  if (fit === null) return empty('singular', ids.map(constant))
  const z = _criticalZ(level)
  let protective = 0
  for (let c = 1; c < k; c++) protective += Math.max(0, -(fit.beta[c] as number))
  const weights = ids.map((id, j): HealthWeightSuggestion => {
    const c = used.indexOf(j) + 1
    if (c === 0) return constant(id)
    const b = fit.beta[c] as number
    const se = fit.se[c] as number
    return {
      id,
      weight: protective === 0 ? 0 : Math.max(0, -b) / protective,
      coefficient: b,
      se,
      lower: b - z * se,
      upper: b + z * se,
      p: 2 * (1 - normalCdf(Math.abs(b / se))),
      status: b < 0 ? 'protective' : 'no-effect',
    }
  })

  let heldOut: HealthHeldOut | null = null
  if (heldOutRows.length > 0) {
    const compose = (r: Row): number => {
      let t = 0
      weights.forEach((w, j) => {
        t += w.weight * (r.scores[j] as number)
      })
      return protective === 0 ? 50 : t
    }
    const suggested = healthBacktest(
      heldOutRows.map((r) => ({ score: compose(r), churned: r.churned })),
      { level },
    )
    const withScore = heldOutRows.filter((r) => r.score !== null)
    heldOut = {
      n: heldOutRows.length,
      churned: heldOutRows.filter((r) => r.churned).length,
      suggested,
      current:
        withScore.length === 0
          ? null
          : healthBacktest(
              withScore.map((r) => ({ score: r.score as number, churned: r.churned })),
              { level },
            ),
    }
  }
  return {
    kind: 'result',
    kpi: fn,
    value: heldOut?.suggested.value ?? null,
    reason: heldOut === null ? 'no-holdout' : heldOut.suggested.value === null ? 'one-outcome' : null,
    variant,
    n: rows.length,
    excluded,
    weights,
    intercept: fit.beta[0] as number,
    fitted: { n, churned: churnedFit },
    converged: fit.converged,
    iterations: fit.iterations,
    deviance: fit.deviance,
    heldOut,
  }
}
