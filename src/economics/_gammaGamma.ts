import { _typeError } from '../core/_assert.ts'

/**
 * The three parameters of the Gamma-Gamma spend model: a customer's transaction values are Gamma(p, ν),
 * and ν is Gamma(q, γ) across customers.
 * @category Economics
 */
export interface GammaGammaParameters {
  /** Shape of the Gamma distribution of transaction values. */
  readonly p: number
  /** Shape of the Gamma distribution of ν across customers (must exceed 1 for a finite mean). */
  readonly q: number
  /** Scale (rate) of that distribution, in currency units. */
  readonly gamma: number
}

/** Checks the parameters argument of a prediction. */
export function _gammaGammaArgument(fn: string, p: GammaGammaParameters, arg = 'params'): void {
  const ok =
    p !== null &&
    typeof p === 'object' &&
    [p.p, p.q, p.gamma].every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0) &&
    p.q > 1
  if (!ok) throw _typeError(fn, arg, 'Gamma-Gamma parameters { p, q, gamma }, all positive, q > 1', p)
}

/** E[M | x, m_x] (Fader & Hardie 2013, eq. 5); the population mean p γ / (q − 1) without repeat purchases. */
export function _spend(g: GammaGammaParameters, x: number, m: number): number {
  return x === 0 ? (g.p * g.gamma) / (g.q - 1) : ((g.gamma + m * x) * g.p) / (g.p * x + g.q - 1)
}
