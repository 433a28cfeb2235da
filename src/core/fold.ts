import { accumulate } from './accumulate.ts'
import type { Aggregator } from './aggregator.ts'

/**
 * Runs `aggregator` over `items` in one pass and returns its result. Every KPI function is this call:
 * `nps(items)` is `fold(npsAggregator(), items)`.
 *
 * @example
 * ```ts
 * fold(npsAggregator(), [10, 9, 8, 3]).value // 25
 * ```
 * @category Core
 */
export function fold<In, Out>(aggregator: Aggregator<In, unknown, Out>, items: Iterable<In>): Out {
  return aggregator.result(accumulate(aggregator, items))
}
