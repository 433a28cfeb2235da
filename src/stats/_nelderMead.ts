// Nelder–Mead minimisation, written by hand for the model fits: no dependency does derivative-free
// minimisation in a few KB. Adaptive coefficients (Gao & Han 2012) keep it robust in 3–4 dimensions, and
// the search restarts from its best point until a restart no longer improves it.

/** What a minimisation returns. */
export interface _Minimum {
  /** The best point found. */
  readonly x: number[]
  /** f at it. */
  readonly value: number
  /** Function evaluations used. */
  readonly evaluations: number
  /** Iterations (simplex updates) used. */
  readonly iterations: number
  /** Whether the simplex shrank below the tolerances before the budget ran out. */
  readonly converged: boolean
}

/** Minimises `f` from `start`. Non-finite values of `f` count as +Infinity. */
export function _nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: { tolerance?: number; maxEvaluations?: number; step?: number } = {},
): _Minimum {
  const tolerance = options.tolerance ?? 1e-10
  const maxEvaluations = options.maxEvaluations ?? 20_000
  const n = start.length
  let evaluations = 0
  let iterations = 0
  const g = (x: readonly number[]): number => {
    evaluations++
    const y = f(x)
    return Number.isFinite(y) ? y : Number.POSITIVE_INFINITY
  }
  const alpha = 1
  const beta = 1 + 2 / n
  const gamma = 0.75 - 1 / (2 * n)
  const delta = 1 - 1 / n

  let best = start.slice()
  let bestValue = g(best)
  let converged = false
  for (let restart = 0; restart < 20 && evaluations < maxEvaluations; restart++) {
    const simplex: number[][] = [best.slice()]
    const values: number[] = [bestValue]
    for (let i = 0; i < n; i++) {
      const p = best.slice()
      p[i] = (p[i] as number) + (options.step ?? 0.5) * (restart === 0 ? 1 : 0.1)
      simplex.push(p)
      values.push(g(p))
    }
    converged = false
    while (evaluations < maxEvaluations) {
      iterations++
      const order = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number))
      const s = order.map((i) => simplex[i] as number[])
      const v = order.map((i) => values[i] as number)
      for (let i = 0; i <= n; i++) {
        simplex[i] = s[i] as number[]
        values[i] = v[i] as number
      }
      const low = values[0] as number
      const high = values[n] as number
      let size = 0
      for (let i = 1; i <= n; i++) {
        for (let j = 0; j < n; j++)
          size = Math.max(
            size,
            Math.abs(((simplex[i] as number[])[j] as number) - ((simplex[0] as number[])[j] as number)),
          )
      }
      if (size <= tolerance && Math.abs(high - low) <= tolerance * (1 + Math.abs(low))) {
        converged = true
        break
      }
      const centroid = new Array<number>(n).fill(0)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++)
          centroid[j] = (centroid[j] as number) + ((simplex[i] as number[])[j] as number) / n
      const worst = simplex[n] as number[]
      const along = (t: number): number[] => centroid.map((c, j) => c + t * (c - (worst[j] as number)))
      const reflected = along(alpha)
      const fr = g(reflected)
      if (fr < low) {
        const expanded = along(alpha * beta)
        const fe = g(expanded)
        if (fe < fr) {
          simplex[n] = expanded
          values[n] = fe
        } else {
          simplex[n] = reflected
          values[n] = fr
        }
        continue
      }
      if (fr < (values[n - 1] as number)) {
        simplex[n] = reflected
        values[n] = fr
        continue
      }
      const outside = fr < high
      const contracted = along(outside ? alpha * gamma : -gamma)
      const fc = g(contracted)
      if (fc < (outside ? fr : high)) {
        simplex[n] = contracted
        values[n] = fc
        continue
      }
      for (let i = 1; i <= n; i++) {
        const p = (simplex[0] as number[]).map(
          (b, j) => b + delta * (((simplex[i] as number[])[j] as number) - b),
        )
        simplex[i] = p
        values[i] = g(p)
      }
    }
    const improved = (values[0] as number) < bestValue - tolerance * (1 + Math.abs(bestValue))
    best = (simplex[0] as number[]).slice()
    bestValue = values[0] as number
    if (!improved && restart > 0) break
  }
  return { x: best, value: bestValue, evaluations, iterations, converged }
}
