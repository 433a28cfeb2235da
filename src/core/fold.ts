import { _iterable } from './_args.ts'
import { _accumulate, _aggregatorArgument } from './accumulate.ts'
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
  _aggregatorArgument('fold', aggregator)
  _iterable('fold', items)
  return aggregator.result(_accumulate(aggregator, items))
}

/** `fold` for a KPI function: `items` is checked in the KPI's name. */
export function _foldAs<In, Out>(
  fn: string,
  aggregator: Aggregator<In, unknown, Out>,
  items: Iterable<In>,
): Out {
  _iterable(fn, items)
  return aggregator.result(_accumulate(aggregator, items))
}
