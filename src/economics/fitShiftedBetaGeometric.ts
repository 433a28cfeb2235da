import { _integer, _number, _options, _typeError } from '../core/_assert.ts'
import { _nelderMead } from '../stats/_nelderMead.ts'
import type { ShiftedBetaGeometricParameters } from './_sbg.ts'

/**
 * Options of {@link fitShiftedBetaGeometric}.
 * @category Economics
 */
export interface FitShiftedBetaGeometricOptions {
  /** Starting values. @defaultValue { alpha: 1, beta: 1 } */
  readonly start?: ShiftedBetaGeometricParameters
  /**
   * Convergence tolerance.
   * @defaultValue 1e-12
   */
  readonly tolerance?: number
  /**
   * Budget of log-likelihood evaluations.
   * @defaultValue 10000
   */
  readonly maxEvaluations?: number
}

/**
 * A fitted shifted-beta-geometric model.
 * @category Economics
 */
export interface ShiftedBetaGeometricFit extends ShiftedBetaGeometricParameters {
  /** Always `'shiftedBetaGeometric'`. */
  readonly model: 'shiftedBetaGeometric'
  /** The maximised log-likelihood. */
  readonly logLikelihood: number
  /** Whether the optimiser met its tolerance within its budget. */
  readonly converged: boolean
  /** Optimiser iterations. */
  readonly iterations: number
  /** Periods observed (survivor counts − 1). */
  readonly periodCount: number
  /** The cohort's size (the first count). */
  readonly cohortSize: number
}

/**
 * Fits the shifted-beta-geometric model of contract renewal (Fader & Hardie 2007, "How to project
 * customer retention") to the survivors of a cohort at the start of each period: each customer churns
 * with a constant probability per period, and those probabilities are Beta(α, β) across customers, so
 * the cohort's retention rate rises over time as the loyal remain.
 *
 * The likelihood is that of the paper (eq. 6): the churned in each period at P(T = t), the survivors at
 * S(n). Parameters are fitted on the log scale. The paper's cohorts give α = 0.704, β = 1.182 (regular)
 * and α = 0.668, β = 3.806 (high end). Project with {@link survivalCurve} and {@link retentionCurve}; value a
 * customer with {@link discountedResidualLifetime}.
 *
 * @example
 * ```ts
 * fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]) // { alpha: 0.704, beta: 1.182, … }
 * ```
 * @category Economics
 */
export function fitShiftedBetaGeometric(
  survivors: readonly number[],
  options?: FitShiftedBetaGeometricOptions,
): ShiftedBetaGeometricFit {
  const fn = 'fitShiftedBetaGeometric'
  const expected = 'an array of at least two survivor counts, the first positive, none negative or rising'
  if (!Array.isArray(survivors) || survivors.length < 2)
    throw _typeError(fn, 'survivors', expected, survivors)
  survivors.forEach((s, t) => {
    if (
      typeof s !== 'number' ||
      !Number.isFinite(s) ||
      s < 0 ||
      (t === 0 && s === 0) ||
      (t > 0 && s > (survivors[t - 1] as number))
    ) {
      throw _typeError(fn, `survivors[${t}]`, expected, s)
    }
  })
  const o = _options(fn, options, ['start', 'tolerance', 'maxEvaluations'])
  const start = o.start ?? { alpha: 1, beta: 1 }
  _number(fn, 'options.start.alpha', start.alpha, Number.MIN_VALUE)
  _number(fn, 'options.start.beta', start.beta, Number.MIN_VALUE)
  const tolerance = o.tolerance === undefined ? 1e-12 : _number(fn, 'options.tolerance', o.tolerance, 0)
  const maxEvaluations =
    o.maxEvaluations === undefined ? 10_000 : _integer(fn, 'options.maxEvaluations', o.maxEvaluations, 1)
  const n = survivors.length - 1
  const logLikelihood = (alpha: number, beta: number): number => {
    let lnS = 0
    let total = 0
    for (let t = 1; t <= n; t++) {
      // ln P(T = t) = ln S(t − 1) + ln α − ln(α + β + t − 1)
      const lost = (survivors[t - 1] as number) - (survivors[t] as number)
      if (lost > 0) total += lost * (lnS + Math.log(alpha) - Math.log(alpha + beta + t - 1))
      lnS += Math.log((beta + t - 1) / (alpha + beta + t - 1))
    }
    return total + (survivors[n] as number) * lnS
  }
  const best = _nelderMead(
    (z) => -logLikelihood(Math.exp(z[0] as number), Math.exp(z[1] as number)),
    [Math.log(start.alpha), Math.log(start.beta)],
    { tolerance, maxEvaluations },
  )
  const [alpha, beta] = best.x.map(Math.exp) as [number, number]
  return {
    model: 'shiftedBetaGeometric',
    alpha,
    beta,
    logLikelihood: -best.value,
    converged: best.converged,
    iterations: best.iterations,
    periodCount: n,
    cohortSize: survivors[0] as number,
  }
}
