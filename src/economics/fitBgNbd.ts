import { _integer, _number, _options } from '../core/_assert.ts'
import { _nelderMead } from '../stats/_nelderMead.ts'
import type { BgNbdParameters } from './_bgnbd.ts'
import { _rows, _validCustomer, type RfmRows } from './_rfm.ts'

/**
 * Options of {@link fitBgNbd}.
 * @category Economics
 */
export interface FitBgNbdOptions {
  /** Starting values. @defaultValue { r: 1, alpha: 1, a: 1, b: 1 } */
  readonly start?: BgNbdParameters
  /**
   * Convergence tolerance on the log parameters and the log-likelihood.
   * @defaultValue 1e-10
   */
  readonly tolerance?: number
  /**
   * Budget of log-likelihood evaluations.
   * @defaultValue 20000
   */
  readonly maxEvaluations?: number
  /** Days per time unit of the summary, when it is given as rows (an rfmSummary result says it). */
  readonly unitDays?: number
}

/**
 * A fitted BG/NBD model.
 * @category Economics
 */
export interface BgNbdFit extends BgNbdParameters {
  /** Always `'bgNbd'`. */
  readonly model: 'bgNbd'
  /** The maximised log-likelihood. */
  readonly logLikelihood: number
  /** Whether the optimiser met its tolerance within its budget. */
  readonly converged: boolean
  /** Optimiser iterations. */
  readonly iterations: number
  /** Customers fitted on. */
  readonly n: number
  /** Customers left out: invalid x, t_x or T. */
  readonly excluded: {
    /** Rows with an invalid x, t_x or T. */
    readonly invalid: number
  }
  /** Days per time unit of the summary (7 for weeks), or null when unknown. */
  readonly unitDays: number | null
}

/**
 * Fits the BG/NBD model of repeat buying (Fader, Hardie & Lee 2005) to a customer summary by maximum
 * likelihood: customers buy at Gamma(r, α)-distributed Poisson rates while alive and may drop out after
 * any purchase with a Beta(a, b)-distributed probability.
 *
 * The likelihood is evaluated in log space, grouping customers by x so that the Gamma-function ratios
 * are running sums; the parameters are kept positive by fitting their logarithms, with a restarted
 * Nelder–Mead search. The result says whether it converged. On CDNOW it gives the published
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426 and log-likelihood −9582.4.
 *
 * Predict with {@link expectedPurchases}, {@link conditionalExpectedPurchases} and
 * {@link probabilityAlive}.
 *
 * @example
 * ```ts
 * const model = fitBgNbd(rfmSummary(transactions, { calibrationEnd: '1997-09-30T00:00:00Z' }))
 * model.r // 0.243
 * ```
 * @category Economics
 */
export function fitBgNbd(summary: RfmRows, options?: FitBgNbdOptions): BgNbdFit {
  const fn = 'fitBgNbd'
  const o = _options(fn, options, ['start', 'tolerance', 'maxEvaluations', 'unitDays'])
  const { rows, unitDays } = _rows(fn, summary)
  const start = o.start ?? { r: 1, alpha: 1, a: 1, b: 1 }
  for (const key of ['r', 'alpha', 'a', 'b'] as const)
    _number(fn, `options.start.${key}`, start[key], Number.MIN_VALUE)
  const tolerance = o.tolerance === undefined ? 1e-10 : _number(fn, 'options.tolerance', o.tolerance, 0)
  const maxEvaluations =
    o.maxEvaluations === undefined ? 20_000 : _integer(fn, 'options.maxEvaluations', o.maxEvaluations, 1)
  const days =
    o.unitDays === undefined ? unitDays : _number(fn, 'options.unitDays', o.unitDays, Number.MIN_VALUE)

  // Distinct (x, t_x, T) with their counts.
  const groups = new Map<string, [number, number, number, number]>()
  let invalid = 0
  let maxX = 0
  for (const c of rows) {
    if (!_validCustomer(c)) {
      invalid++
      continue
    }
    const key = `${c.frequency}|${c.recency}|${c.T}`
    const g = groups.get(key)
    if (g === undefined) groups.set(key, [c.frequency, c.recency, c.T, 1])
    else g[3]++
    maxX = Math.max(maxX, c.frequency)
  }
  const data = [...groups.values()]
  const n = data.reduce((s, g) => s + g[3], 0)
  const lnGammaRatioR = new Float64Array(maxX + 1)
  const lnBetaRatio = new Float64Array(maxX + 1)

  const logLikelihood = (r: number, alpha: number, a: number, b: number): number => {
    // ln Γ(r + x) − ln Γ(r), and ln B(a, b + x) − ln B(a, b), for every x, as running sums.
    for (let x = 1; x <= maxX; x++) {
      lnGammaRatioR[x] = (lnGammaRatioR[x - 1] as number) + Math.log(r + x - 1)
      lnBetaRatio[x] = (lnBetaRatio[x - 1] as number) + Math.log((b + x - 1) / (a + b + x - 1))
    }
    const rLnAlpha = r * Math.log(alpha)
    const lnA = Math.log(a)
    let total = 0
    for (const [x, tx, T, count] of data) {
      const first = -(r + x) * Math.log(alpha + T)
      let mix = first
      if (x > 0) {
        const second = lnA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx)
        const top = Math.max(first, second)
        mix = top + Math.log(Math.exp(first - top) + Math.exp(second - top))
      }
      total += count * ((lnGammaRatioR[x] as number) + rLnAlpha + (lnBetaRatio[x] as number) + mix)
    }
    return total
  }

  const best = _nelderMead(
    (z) =>
      -logLikelihood(
        Math.exp(z[0] as number),
        Math.exp(z[1] as number),
        Math.exp(z[2] as number),
        Math.exp(z[3] as number),
      ),
    [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)],
    { tolerance, maxEvaluations },
  )
  const [r, alpha, a, b] = best.x.map(Math.exp) as [number, number, number, number]
  return {
    model: 'bgNbd',
    r,
    alpha,
    a,
    b,
    logLikelihood: n === 0 ? 0 : -best.value,
    converged: n > 0 && best.converged,
    iterations: best.iterations,
    n,
    excluded: { invalid },
    unitDays: days,
  }
}
