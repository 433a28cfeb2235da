import { _iterable } from './_args.ts'
import { _aggregatorArgument } from './accumulate.ts'
import type { Aggregator } from './aggregator.ts'

/**
 * Joins any number of states of one aggregator — stored daily states, the states of parallel shards —
 * into one. An empty list gives `init()`.
 *
 * The states are not modified: each is merged into a fresh `init()` state.
 *
 * @example
 * ```ts
 * const agg = npsAggregator()
 * const shards = [[10, 9], [3], [8, 10]].map((part) => accumulate(agg, part))
 * agg.result(mergeAll(agg, shards)).value // 40
 * ```
 * @category Core
 */
export function mergeAll<State>(
  aggregator: Aggregator<never, State, unknown>,
  states: Iterable<State>,
): State {
  _aggregatorArgument('mergeAll', aggregator)
  _iterable('mergeAll', states, 'states')
  let merged = aggregator.init()
  for (const state of states) merged = aggregator.merge(merged, state)
  return merged
}
