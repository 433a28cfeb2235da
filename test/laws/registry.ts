// Every aggregator the library exports is listed here with a generator of its inputs; laws.prop.test.ts
// checks the aggregator laws on each, and laws.test.ts fails when an exported `…Aggregator` is missing.

import { combine, mapInput } from 'cx-metrics'
import * as fc from 'fast-check'
import { _list, _sumCount } from '../../src/core/_testAggregators.ts'
import type { Aggregator } from '../../src/core/aggregator.ts'

export interface LawSubject {
  /** The export this subject covers (e.g. `npsAggregator`), or a description for combinator cases. */
  readonly name: string
  /** A fresh aggregator. */
  // biome-ignore lint/suspicious/noExplicitAny: subjects of every input type share one list
  readonly make: () => Aggregator<any, any, any>
  /** Inputs to feed it, invalid ones included. */
  readonly input: fc.Arbitrary<unknown>
  /** The simple call (`nps(items)`) that must equal `fold(make(), items)`, when there is one. */
  readonly direct?: (items: unknown[]) => unknown
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true })

export const subjects: LawSubject[] = [
  {
    name: 'combine (of a sum and an ordered list)',
    make: () => combine({ total: _sumCount(), items: _list<number>() }),
    input: finite,
  },
  {
    name: 'mapInput',
    make: () => mapInput(_sumCount(), (x: { v: number }) => x.v * 2),
    input: finite.map((v) => ({ v })),
  },
]
