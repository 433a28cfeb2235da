import { _iterable } from './_args.ts'
import { _show } from './_assert.ts'
import type { Aggregator } from './aggregator.ts'

/** Checks that `value` is an aggregator; names a swapped `(items, aggregator)` call as such. */
export function _aggregatorArgument(fn: string, value: unknown, arg: string = 'aggregator'): void {
  const a = value as Partial<Aggregator<unknown, unknown, unknown>> | null
  if (
    a !== null &&
    typeof a === 'object' &&
    typeof a.init === 'function' &&
    typeof a.add === 'function' &&
    typeof a.merge === 'function' &&
    typeof a.result === 'function'
  )
    return
  const swapped =
    value !== null &&
    value !== undefined &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function'
  throw new TypeError(
    `${fn} expected \`${arg}\` to be an aggregator (init, add, merge, result)${
      swapped ? ` — the arguments look swapped: ${fn}(aggregator, items)` : ''
    }, got \`${_show(value)}\``,
  )
}

/**
 * Folds every item of `items` into a fresh state of `aggregator` and returns the state (not the result).
 * Use it to keep partial states — per day, per shard, per worker — and join them later with
 * {@link mergeAll}.
 *
 * Runs in O(n): one call of `add` per item, or one call of `addRange` for an array when the aggregator
 * has it.
 *
 * @example
 * ```ts
 * const monday = accumulate(npsAggregator(), [10, 9, 3])
 * const tuesday = accumulate(npsAggregator(), [7, 10])
 * npsAggregator().result(mergeAll(npsAggregator(), [monday, tuesday])).value // 40
 * ```
 * @category Core
 */
export function accumulate<In, State>(
  aggregator: Aggregator<In, State, unknown>,
  items: Iterable<In>,
): State {
  _aggregatorArgument('accumulate', aggregator)
  _iterable('accumulate', items)
  return _accumulate(aggregator, items)
}

/** {@link accumulate} without the argument checks, for callers that made them. */
export function _accumulate<In, State>(
  aggregator: Aggregator<In, State, unknown>,
  items: Iterable<In>,
): State {
  let state = aggregator.init()
  if (Array.isArray(items)) {
    const array = items as readonly In[]
    if (aggregator.addRange !== undefined) return aggregator.addRange(state, array, 0, array.length)
    for (let i = 0; i < array.length; i++) state = aggregator.add(state, array[i] as In, i)
    return state
  }
  let i = 0
  for (const item of items) state = aggregator.add(state, item, i++)
  return state
}
