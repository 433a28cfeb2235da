import { _number, _oneOf, _options, _rangeError, _typeError } from '../core/_assert.ts'
import { type QuantileMethod, quantileSorted } from './quantileSorted.ts'

/**
 * Options of {@link quantile}.
 * @category Statistics
 */
export interface QuantileOptions {
  /**
   * How the quantile is read off the sorted values.
   * @defaultValue 'linear'
   */
  readonly method?: QuantileMethod
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of `values`: the median at 0.5, p90 at 0.9. Sorts a copy (O(n log n)).
 * Empty input gives `null`; a value that is not a finite number is a `RangeError` (filter first — the
 * KPIs count such values under `excluded` before they reach this function).
 *
 * Source: Hyndman & Fan (1996), type 7 by default; spec §12.3.
 *
 * @example
 * ```ts
 * quantile([15, 20, 35, 40, 50], 0.4)                            //=> 29
 * quantile([15, 20, 35, 40, 50], 0.4, { method: 'nearest-rank' }) //=> 20
 * ```
 * @category Statistics
 */
export function quantile(values: Iterable<number>, p: number, options?: QuantileOptions): number | null {
  const fn = 'quantile'
  _number(fn, 'p', p, 0, 1)
  const o = _options(fn, options, ['method'])
  const method =
    o.method === undefined ? 'linear' : _oneOf(fn, 'options.method', o.method, ['linear', 'nearest-rank'])
  if (values === null || typeof (values as Iterable<number>)[Symbol.iterator] !== 'function') {
    throw _typeError(fn, 'values', 'an iterable of numbers', values)
  }
  const list: number[] = []
  for (const x of values) {
    // A value is a number as it is: null, true or '5' are not coerced.
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw _rangeError(fn, `values[${list.length}]`, 'a finite number', x)
    list.push(x)
  }
  const sorted = Float64Array.from(list)
  if (sorted.length === 0) return null
  sorted.sort()
  return quantileSorted(sorted, p, method)
}
