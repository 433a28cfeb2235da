import { _number, _rangeError, _typeError } from '../core/_assert.ts'
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
 * The p-quantile of values already sorted ascending, with only the checks that cost nothing per value
 * (see {@link quantile}, which sorts and checks every value). Empty input gives `null`.
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
): number | null {
  const fn = 'quantileSorted'
  if (sorted === null || typeof sorted !== 'object' || !Number.isSafeInteger(sorted.length))
    throw _typeError(fn, 'sorted', 'an array of numbers, sorted ascending', sorted)
  _number(fn, 'p', p, 0, 1)
  if (method !== 'linear' && method !== 'nearest-rank')
    throw _rangeError(fn, 'method', "'linear' or 'nearest-rank'", method)
  const n = sorted.length
  if (n === 0) return null
  const value = read(sorted, n, p, method)
  if (!Number.isFinite(value)) throw _rangeError(fn, 'sorted', 'finite numbers, sorted ascending', sorted)
  return value
}

function read(sorted: ArrayLike<number>, n: number, p: number, method: QuantileMethod): number {
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
