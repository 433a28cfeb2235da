// The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, by its power series, written by hand:
// the model expectations need it only on that interval, where the series converges. Terms are summed
// until they no longer change the sum.

/** ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0, or NaN when the series does not settle. */
export function _hypergeometric(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) return Number.NaN
  let term = 1
  let sum = 1
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1))
    const next = sum + term
    if (next === sum && Math.abs(term) <= Number.EPSILON * Math.abs(sum)) return sum
    sum = next
  }
  return Number.NaN
}
