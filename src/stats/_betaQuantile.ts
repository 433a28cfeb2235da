import { regularizedIncompleteBeta } from './regularizedIncompleteBeta.ts'

/**
 * The x with I_x(a, b) = p, by bisection (I is increasing in x), to a relative precision of about
 * 1e−15 — also for quantiles far in the lower tail, such as 1e−20.
 */
export function _betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0
  if (p >= 1) return 1
  let low = 0
  let high = 1
  for (let i = 0; i < 2000 && high - low > 1e-15 * high; i++) {
    const middle = 0.5 * (low + high)
    if (middle === low || middle === high) break
    if (regularizedIncompleteBeta(middle, a, b) < p) low = middle
    else high = middle
  }
  return 0.5 * (low + high)
}
