import { _typeError } from './_assert.ts'
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
 * Several aggregators as one, so that several KPIs are computed in a single pass over the data (like a
 * struct of monoids). State and result are objects with the same keys as `parts`.
 *
 * @example
 * ```ts
 * const survey = combine({
 *   nps: npsAggregator((r: { nps: number }) => r.nps),
 *   count: mapInput(npsAggregator(), () => 10),
 * })
 * fold(survey, responses) // { nps: {...}, count: {...} }
 * ```
 * @category Core
 */
/* @__NO_SIDE_EFFECTS__ */
export function combine<const Parts extends Record<string, AnyAggregator>>(
  parts: Parts,
): Aggregator<
  CombinedInput<Parts>,
  { [K in keyof Parts]: StateOf<Parts[K]> },
  { [K in keyof Parts]: ResultOf<Parts[K]> }
> {
  if (parts === null || typeof parts !== 'object' || Array.isArray(parts)) {
    throw _typeError('combine', 'parts', 'an object of aggregators', parts)
  }
  const keys = Object.keys(parts)
  for (const key of keys) {
    const part = parts[key]
    if (part === null || typeof part !== 'object' || typeof part.add !== 'function') {
      throw _typeError('combine', `parts.${key}`, 'an aggregator', part)
    }
  }
  type S = { [K in keyof Parts]: StateOf<Parts[K]> }
  type O = { [K in keyof Parts]: ResultOf<Parts[K]> }
  const each = <T>(make: (part: AnyAggregator, key: string) => unknown): T => {
    const out: Record<string, unknown> = {}
    for (const key of keys) out[key] = make(parts[key] as AnyAggregator, key)
    return out as T
  }
  return {
    kpi: 'combine',
    init: () => each<S>((part) => part.init()),
    add: (state, input, index) => {
      const record = state as Record<string, unknown>
      for (const key of keys) record[key] = (parts[key] as AnyAggregator).add(record[key], input, index)
      return state
    },
    merge: (a, b) => {
      const left = a as Record<string, unknown>
      const right = b as Record<string, unknown>
      for (const key of keys) left[key] = (parts[key] as AnyAggregator).merge(left[key], right[key])
      return a
    },
    result: (state) => each<O>((part, key) => part.result((state as Record<string, unknown>)[key])),
  }
}
