import { _rangeError, _typeError } from '../core/_assert.ts'

/**
 * The sum of `values` with Neumaier's compensated summation: the rounding error of every addition is
 * carried and added back, so the result is as if summed in twice the precision (1e16 + 1 − 1e16 is 1,
 * not 0). Empty input gives 0 — a sum, unlike a KPI, has a natural empty value.
 *
 * Source: A. Neumaier (1974), an improvement of Kahan summation.
 *
 * @example
 * ```ts
 * compensatedSum([0.1, 0.2, 0.3]) //=> 0.6 (plain addition gives 0.6000000000000001)
 * ```
 * @category Statistics
 */
export function compensatedSum(values: Iterable<number>): number {
  if (typeof (values as Iterable<number> | null | undefined)?.[Symbol.iterator] !== 'function') {
    throw _typeError('compensatedSum', 'values', 'an iterable of numbers', values)
  }
  const state: [number, number] = [0, 0]
  let i = 0
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw _rangeError('compensatedSum', `values[${i}]`, 'a finite number', value)
    }
    _neumaierAdd(state, value)
    i++
  }
  const total = state[0] + state[1]
  if (!Number.isFinite(total))
    throw _rangeError('compensatedSum', 'values', 'numbers whose sum is finite', values)
  return total
}

/**
 * Adds `value` to a running compensated sum kept as `[sum, compensation]` (a JSON-safe state); the
 * total is `sum + compensation`.
 */
export function _neumaierAdd(state: [number, number], value: number): void {
  const sum = state[0]
  const total = sum + value
  state[1] += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum
  state[0] = total
}
