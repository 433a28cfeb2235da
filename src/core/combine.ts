import { _typeError } from './_assert.ts'
import { _copy } from './_copy.ts'
import type { Aggregator, AnyAggregator, InputOf, ResultOf, StateOf } from './aggregator.ts'

/**
 * The input of a combined aggregator: what every part accepts (the intersection of their inputs).
 * @category Core
 */
export type CombinedInput<Parts extends Record<string, AnyAggregator>> = (
  Parts[keyof Parts] extends infer Part
    ? Part extends AnyAggregator
      ? (x: InputOf<Part>) => void
      : never
    : never
) extends (x: infer Both) => void
  ? Both
  : never

/**
 * The state of a combined aggregator: the parts' states in the order of the parts' keys (a JSON array).
 * @category Core
 */
export type CombinedState<Parts extends Record<string, AnyAggregator>> = StateOf<Parts[keyof Parts]>[]

/**
 * The result of {@link combine}: the parts' results, under the parts' keys.
 * @category Core
 */
export interface CombinedResult<Results> {
  /** Always `'combined'`: several results over the same items. */
  readonly kind: 'combined'
  /** Always `'combine'`. */
  readonly kpi: 'combine'
  /** Each part's result, keyed like the parts. */
  readonly results: Results
}

/**
 * Several aggregators as one, so that several KPIs are computed in a single pass over the data (like a
 * struct of monoids). The result holds the parts' results in `results`, with the same keys as `parts`;
 * the state is the array of the parts' states, in the order of those keys.
 *
 * @example
 * ```ts
 * const survey = combine({ nps: npsAggregator((r: Row) => r.nps), csat: csatAggregator((r: Row) => r.csat) })
 * fold(survey, responses).results // { nps: { kpi: 'nps', value: … }, csat: { kpi: 'csat', value: … } }
 * ```
 * @category Core
 */
/* @__NO_SIDE_EFFECTS__ */
export function combine<const Parts extends Record<string, AnyAggregator>>(
  parts: Parts,
): Aggregator<
  CombinedInput<Parts>,
  CombinedState<Parts>,
  CombinedResult<{ [K in keyof Parts]: ResultOf<Parts[K]> }>
> {
  if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) {
    throw _typeError('combine', 'parts', 'an object of aggregators', parts)
  }
  const keys = Object.keys(parts)
  const list: AnyAggregator[] = keys.map((key) => {
    const part = parts[key]
    if (part === null || typeof part !== 'object' || typeof part.add !== 'function') {
      throw _typeError('combine', `parts.${key}`, 'an aggregator', part)
    }
    return part
  })
  const count = list.length
  return {
    kpi: 'combine',
    init: () => list.map((part) => part.init()),
    add: (state, input, index) => {
      for (let i = 0; i < count; i++) state[i] = (list[i] as AnyAggregator).add(state[i], input, index)
      return state
    },
    addRange: (state, items, start, end) => {
      for (let i = 0; i < count; i++) {
        const part = list[i] as AnyAggregator
        if (part.addRange !== undefined) state[i] = part.addRange(state[i], items, start, end)
        else for (let j = start; j < end; j++) state[i] = part.add(state[i], items[j], j)
      }
      return state
    },
    merge: (a, b) => {
      if (a === b) b = _copy(b)
      for (let i = 0; i < count; i++) a[i] = (list[i] as AnyAggregator).merge(a[i], b[i])
      return a
    },
    result: (state) => ({
      kind: 'combined',
      kpi: 'combine',
      // fromEntries defines own properties: a part named `__proto__` stays a part.
      results: Object.fromEntries(
        keys.map((key, i) => [key, (list[i] as AnyAggregator).result(state[i])]),
      ) as { [K in keyof Parts]: ResultOf<Parts[K]> },
    }),
  }
}
