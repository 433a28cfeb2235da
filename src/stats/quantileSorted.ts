/**
 * How a quantile is read off sorted data.
 * - `'linear'` (default): R type 7, numpy's default and Excel's PERCENTILE.INC — interpolate between
 *   the order statistics around h = (n − 1)·p.
 * - `'nearest-rank'`: the smallest value with at least p·n values at or below it (x at rank ⌈p·n⌉);
 *   always an observed value.
 * @category Statistics
 */
export type QuantileMethod = 'linear' | 'nearest-rank'

/**
 * The p-quantile of values already sorted ascending, without checks (see {@link quantile} for the
 * checked version). Empty input gives `NaN`; callers turn that into `null`.
 *
 * Source: Hyndman & Fan (1996); numpy.percentile documentation.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.9) //=> 3.7
 * quantileSorted([1, 2, 3, 4], 0.9, 'nearest-rank') //=> 4
 * ```
 * @category Statistics
 */
export function quantileSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: QuantileMethod = 'linear',
): number {
  const n = sorted.length
  if (n === 0 || Number.isNaN(p)) return Number.NaN
  if (method === 'nearest-rank') {
    const rank = Math.max(1, Math.ceil(p * n - 1e-9 * p * n))
    return sorted[Math.min(rank, n) - 1] as number
  }
  const h = (n - 1) * p
  const low = Math.floor(h)
  const below = sorted[low] as number
  if (low >= n - 1) return sorted[n - 1] as number
  const above = sorted[low + 1] as number
  return below + (h - low) * (above - below)
}
