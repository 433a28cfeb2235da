import { _typeError } from '../core/_assert.ts'

/**
 * The two parameters of the shifted-beta-geometric model of contract renewal: each customer's churn
 * probability per period is Beta(α, β) across customers.
 * @category Economics
 */
export interface ShiftedBetaGeometricParameters {
  /** First shape of the Beta distribution of churn probabilities. */
  readonly alpha: number
  /** Second shape. */
  readonly beta: number
}

/** Checks the parameters argument. */
export function _sbgArgument(fn: string, p: ShiftedBetaGeometricParameters): void {
  const ok =
    p !== null &&
    typeof p === 'object' &&
    [p.alpha, p.beta].every((v) => typeof v === 'number' && Number.isFinite(v) && v > 0)
  if (!ok)
    throw _typeError(fn, 'params', 'shifted-beta-geometric parameters { alpha, beta }, both positive', p)
}

/**
 * S(0…periodCount): the share of a cohort still active after t periods. S(t) = S(t − 1) · r(t) with the
 * retention rate r(t) = (β + t − 1)/(α + β + t − 1) (Fader & Hardie 2007, eq. 4): a product, so the tail
 * keeps its precision.
 */
export function _survival(p: ShiftedBetaGeometricParameters, periodCount: number): number[] {
  const { alpha, beta } = p
  const s = [1]
  let survival = 1
  for (let t = 1; t <= periodCount; t++) {
    survival *= (beta + t - 1) / (alpha + beta + t - 1)
    s.push(survival)
  }
  return s
}
