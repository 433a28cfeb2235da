/**
 * Running count, sum and sum of squares of ratings, as a JSON tuple `[n, sum, sumOfSquares]`. Ratings
 * on a scale of whole points make every part a whole number, summed exactly (below 2⁵³), so that one
 * pass, any split merged and any order of the ratings give the same bits. (Welford's running mean, kept
 * before, merges by Chan's formula, which is exact in real numbers but not in the last bits.)
 */
export type _Moments = [n: number, sum: number, sumOfSquares: number]

export function _momentsAdd(state: _Moments, x: number): void {
  state[0]++
  state[1] += x
  state[2] += x * x
}

export function _momentsMerge(a: _Moments, b: Readonly<_Moments>): void {
  a[0] += b[0]
  a[1] += b[1]
  a[2] += b[2]
}

/** The mean, or NaN for n = 0. */
export function _momentsMean(state: Readonly<_Moments>): number {
  return state[0] === 0 ? Number.NaN : state[1] / state[0]
}

/** Sample variance (n − 1 in the denominator), or NaN for n < 2. */
export function _sampleVariance(state: Readonly<_Moments>): number {
  const [n, sum, squares] = state
  return n < 2 ? Number.NaN : Math.max(0, squares - sum * (sum / n)) / (n - 1)
}
