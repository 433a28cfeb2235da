import { _function } from './_assert.ts'
import type { Aggregator } from './aggregator.ts'

/**
 * Adapts an aggregator to another input type: each item is passed through `map` before `add`.
 * The state and result are the inner aggregator's.
 *
 * @example
 * ```ts
 * const byScore = mapInput(npsAggregator(), (response: { score: number }) => response.score)
 * fold(byScore, [{ score: 10 }, { score: 4 }]).value // 0
 * ```
 * @category Core
 */
/* @__NO_SIDE_EFFECTS__ */
export function mapInput<In, Mid, State, Out>(
  aggregator: Aggregator<Mid, State, Out>,
  map: (item: In, index: number) => Mid,
): Aggregator<In, State, Out> {
  _function('mapInput', 'map', map)
  return {
    kpi: aggregator.kpi,
    init: () => aggregator.init(),
    add: (state, item, index) => aggregator.add(state, map(item, index), index),
    addRange: (state, items, start, end) => {
      for (let i = start; i < end; i++) state = aggregator.add(state, map(items[i] as In, i), i)
      return state
    },
    merge: (a, b) => aggregator.merge(a, b),
    result: (state) => aggregator.result(state),
  }
}
