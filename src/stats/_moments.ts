/**
 * Running count, mean and sum of squared deviations (Welford), as a JSON tuple
 * `[n, mean, m2]`, merged exactly by Chan et al.'s parallel formula.
 */
export type _Moments = [n: number, mean: number, m2: number]

export function _momentsAdd(state: _Moments, x: number): void {
  const n = state[0] + 1
  const delta = x - state[1]
  const mean = state[1] + delta / n
  state[2] += delta * (x - mean)
  state[0] = n
  state[1] = mean
}

export function _momentsMerge(a: _Moments, b: Readonly<_Moments>): void {
  const n = a[0] + b[0]
  if (b[0] === 0) return
  if (a[0] === 0) {
    a[0] = b[0]
    a[1] = b[1]
    a[2] = b[2]
    return
  }
  const delta = b[1] - a[1]
  a[2] = a[2] + b[2] + (delta * delta * a[0] * b[0]) / n
  a[1] = a[1] + (delta * b[0]) / n
  a[0] = n
}

/** Sample variance (n − 1 in the denominator), or NaN for n < 2. */
export function _sampleVariance(state: Readonly<_Moments>): number {
  return state[0] < 2 ? Number.NaN : Math.max(0, state[2]) / (state[0] - 1)
}
