import { normalCdf } from './normalCdf.ts'

/**
 * P(X ≥ x) for X chi-square on a whole number `df` ≥ 1 of degrees of freedom, by the closed forms for
 * whole degrees of freedom (Abramowitz & Stegun 26.4.4–26.4.5): a Poisson sum for even `df`, the
 * normal tail plus a finite series for odd `df`.
 */
export function _chiSquareUpper(x: number, df: number): number {
  if (!(x > 0)) return 1
  const half = x / 2
  if (df % 2 === 0) {
    let term = Math.exp(-half)
    let sum = term
    for (let i = 1; i < df / 2; i++) {
      term *= half / i
      sum += term
    }
    return Math.min(1, sum)
  }
  const r = Math.sqrt(x)
  let term = r
  let series = 0
  for (let i = 1; i <= (df - 1) / 2; i++) {
    series += term
    term *= x / (2 * i + 1)
  }
  return Math.min(1, 2 * normalCdf(-r) + Math.sqrt(2 / Math.PI) * Math.exp(-half) * series)
}
