import { _integer, _number, _options } from '../core/_assert.ts'
import { KpiError } from '../core/KpiError.ts'
import { _nelderMead } from '../stats/_nelderMead.ts'
import { logGamma } from '../stats/logGamma.ts'
import type { GammaGammaParameters } from './_gammaGamma.ts'
import { _rows, _validCustomer, type RfmRows } from './_rfm.ts'

/**
 * Options of {@link fitGammaGamma}.
 * @category Economics
 */
export interface FitGammaGammaOptions {
  /**
   * The model assumes spend per transaction does not depend on how often a customer buys. When the
   * Pearson correlation between x and m_x exceeds this in absolute value, the fit refuses with a
   * `KpiError` (`'model-assumption'`) that reports it. 1 turns the check off.
   * @defaultValue 0.3
   */
  readonly maxCorrelation?: number
  /** Starting values. @defaultValue { p: 1, q: 1, gamma: 1 } */
  readonly start?: GammaGammaParameters
  /**
   * Convergence tolerance.
   * @defaultValue 1e-10
   */
  readonly tolerance?: number
  /**
   * Budget of log-likelihood evaluations.
   * @defaultValue 20000
   */
  readonly maxEvaluations?: number
}

/**
 * A fitted Gamma-Gamma model.
 * @category Economics
 */
export interface GammaGammaFit extends GammaGammaParameters {
  /** Always `'gammaGamma'`. */
  readonly model: 'gammaGamma'
  /** The maximised log-likelihood. */
  readonly logLikelihood: number
  /** Whether the optimiser met its tolerance within its budget. */
  readonly converged: boolean
  /** Optimiser iterations. */
  readonly iterations: number
  /** Customers fitted on (x > 0 and m_x > 0). */
  readonly n: number
  /** Pearson correlation between x and m_x among them. */
  readonly correlation: number | null
  /** Customers left out: without repeat purchases (`noRepeat`), or with an invalid x or m_x. */
  readonly excluded: {
    /** Customers without repeat purchases (x = 0): the model is fitted on the others. */
    readonly noRepeat: number
    /** Rows with an invalid x, t_x, T or m_x. */
    readonly invalid: number
  }
}

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader & Hardie 2013; Fader, Hardie & Lee 2005,
 * "RFM and CLV") by maximum likelihood, on the customers with repeat purchases (x > 0) and their mean
 * repeat value m_x. Parameters are kept positive by fitting their logarithms.
 *
 * The model assumes spend does not depend on purchase frequency: when |corr(x, m_x)| exceeds
 * `maxCorrelation` the fit refuses with a `KpiError` (`'model-assumption'`) that reports the correlation.
 * On CDNOW (946 customers) it gives the published p = 6.25, q = 3.74, γ = 15.44.
 *
 * @example
 * ```ts
 * const spend = fitGammaGamma(summary)
 * conditionalExpectedSpend(spend, { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 })
 * ```
 * @category Economics
 */
export function fitGammaGamma(summary: RfmRows, options?: FitGammaGammaOptions): GammaGammaFit {
  const fn = 'fitGammaGamma'
  const o = _options(fn, options, ['maxCorrelation', 'start', 'tolerance', 'maxEvaluations'])
  const { rows } = _rows(fn, summary)
  const maxCorrelation =
    o.maxCorrelation === undefined ? 0.3 : _number(fn, 'options.maxCorrelation', o.maxCorrelation, 0, 1)
  const start = o.start ?? { p: 1, q: 1, gamma: 1 }
  for (const key of ['p', 'q', 'gamma'] as const)
    _number(fn, `options.start.${key}`, start[key], Number.MIN_VALUE)
  const tolerance = o.tolerance === undefined ? 1e-10 : _number(fn, 'options.tolerance', o.tolerance, 0)
  const maxEvaluations =
    o.maxEvaluations === undefined ? 20_000 : _integer(fn, 'options.maxEvaluations', o.maxEvaluations, 1)

  const xs: number[] = []
  const ms: number[] = []
  let noRepeat = 0
  let invalid = 0
  for (const c of rows) {
    if (!_validCustomer(c)) invalid++
    else if (c.frequency === 0) noRepeat++
    else if (
      typeof c.monetaryValue !== 'number' ||
      !(c.monetaryValue > 0) ||
      !Number.isFinite(c.monetaryValue)
    )
      invalid++
    else {
      xs.push(c.frequency)
      ms.push(c.monetaryValue)
    }
  }
  const n = xs.length
  const correlation = pearson(xs, ms)
  if (correlation !== null && Math.abs(correlation) > maxCorrelation) {
    throw new KpiError(
      'model-assumption',
      `fitGammaGamma: spend correlates with purchase frequency (r = ${correlation.toFixed(3)}, above ${maxCorrelation}); the Gamma-Gamma model assumes they are independent`,
      { kpi: fn, value: correlation },
    )
  }
  // Terms that do not depend on the parameters.
  const lnM = ms.map(Math.log)
  const xLnX = xs.map((x) => x * Math.log(x))
  const logLikelihood = (p: number, q: number, gamma: number): number => {
    let total = 0
    const lnGammaQ = logGamma(q)
    const qLnG = q * Math.log(gamma)
    for (let i = 0; i < n; i++) {
      const x = xs[i] as number
      const px = p * x
      total +=
        logGamma(px + q) -
        logGamma(px) -
        lnGammaQ +
        qLnG +
        (px - 1) * (lnM[i] as number) +
        p * (xLnX[i] as number) -
        (px + q) * Math.log(gamma + (ms[i] as number) * x)
    }
    return total
  }
  const best = _nelderMead(
    (z) => -logLikelihood(Math.exp(z[0] as number), Math.exp(z[1] as number), Math.exp(z[2] as number)),
    [Math.log(start.p), Math.log(start.q), Math.log(start.gamma)],
    { tolerance, maxEvaluations },
  )
  const [p, q, gamma] = best.x.map(Math.exp) as [number, number, number]
  return {
    model: 'gammaGamma',
    p,
    q,
    gamma,
    logLikelihood: n === 0 ? 0 : -best.value,
    converged: n > 0 && best.converged,
    iterations: best.iterations,
    n,
    correlation,
    excluded: { noRepeat, invalid },
  }
}

function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length
  if (n < 2) return null
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += xs[i] as number
    my += ys[i] as number
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx
    const dy = (ys[i] as number) - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy)
}
