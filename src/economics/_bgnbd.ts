import { _typeError } from '../core/_assert.ts'
import { _hypergeometric } from '../stats/_hypergeometric.ts'

/**
 * The four parameters of the BG/NBD model: purchase rates are Gamma(r, α) across customers, dropout
 * probabilities Beta(a, b).
 * @category Economics
 */
export interface BgNbdParameters {
  /** Shape of the Gamma distribution of purchase rates. */
  readonly r: number
  /** Scale (rate) of that Gamma distribution, in the summary's time unit. */
  readonly alpha: number
  /** First shape of the Beta distribution of dropout probabilities. */
  readonly a: number
  /** Second shape of that Beta distribution. */
  readonly b: number
}

/** Checks the parameters argument of a prediction. */
export function _bgnbdArgument(fn: string, p: BgNbdParameters, arg = 'params'): void {
  const ok =
    p !== null &&
    typeof p === 'object' &&
    [p.r, p.alpha, p.a, p.b].every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)
  if (!ok) throw _typeError(fn, arg, 'BG/NBD parameters { r, alpha, a, b }, all positive', p)
}

/**
 * E[Y(t) | x, t_x, T] (Fader, Hardie & Lee 2005, eq. 10), with the expectation of a customer with no
 * history as the special case x = t_x = T = 0.
 */
export function _conditional(p: BgNbdParameters, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, a, b } = p
  if (t === 0) return 0
  const z = t / (alpha + T + t)
  const hyp = _hypergeometric(r + x, b + x, a + b + x - 1, z)
  const head = (a + b + x - 1) / (a - 1)
  const tail = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp
  return (head * tail) / (1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0))
}

/** P(alive | x, t_x, T) (Fader, Hardie & Lee 2008 note; eq. in Hardie's note 021). */
export function _alive(p: BgNbdParameters, x: number, tx: number, T: number): number {
  if (x === 0) return 1
  const { r, alpha, a, b } = p
  return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x))
}
