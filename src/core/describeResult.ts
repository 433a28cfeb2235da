import { _typeError } from './_assert.ts'
import type { KpiDescriptor, OptionRules, ResultCase } from './descriptor.ts'

/**
 * What a KPI's result is under given options: its unit, measure, natural bounds and direction.
 * @category Core
 */
export interface ResultTraits {
  /** The unit of `value`. */
  readonly unit: string
  /** The kind of number, as `compare` reads it. */
  readonly measure: 'nps' | 'proportion' | 'mean' | 'points' | 'level'
  /** The natural bounds of `value`; `null` where unbounded (or set by a custom scale). */
  readonly bounds: readonly [number | null, number | null]
  /** Which direction is good. */
  readonly better: 'higher' | 'lower'
}

/** The option at a dotted path, with the rule's default where it is not given. */
function optionAt(rules: OptionRules, options: Readonly<Record<string, unknown>>, path: string): unknown {
  const [head, ...rest] = path.split('.') as [string, ...string[]]
  let value: unknown = Object.hasOwn(options, head) ? options[head] : undefined
  if (value === undefined) value = Object.hasOwn(rules, head) ? rules[head]?.default : undefined
  for (const key of rest)
    value =
      value !== null && typeof value === 'object' && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined
  return value
}

const matches = (c: ResultCase, rules: OptionRules, options: Readonly<Record<string, unknown>>): boolean =>
  Object.entries(c.when).every(([path, wanted]) => {
    const value = optionAt(rules, options, path)
    return wanted === 'custom'
      ? typeof value === 'function' || (value !== null && typeof value === 'object')
      : value === wanted
  })

/**
 * The unit, measure, natural bounds and direction of a KPI's result under the given options — the
 * descriptor's `result`, with its `cases` applied — for generic code that must know, without running
 * the KPI, whether a CES is a 1–7 mean where higher is better or a 1–5 effort score where lower is.
 *
 * @example
 * ```ts
 * describeResult(cesDescriptor).better //=> 'higher'
 * describeResult(cesDescriptor, { version: '1.0' }).better //=> 'lower'
 * describeResult(csatDescriptor, { method: 'mean', scale: '0-10' }).bounds // [0, 10]
 * ```
 * @category Core
 */
export function describeResult(
  descriptor: KpiDescriptor,
  options: Readonly<Record<string, unknown>> = {},
): ResultTraits {
  const fn = 'describeResult'
  if (descriptor === null || typeof descriptor !== 'object' || typeof descriptor.result !== 'object')
    throw _typeError(fn, 'descriptor', 'a KPI descriptor (npsDescriptor, …)', descriptor)
  if (options === null || typeof options !== 'object')
    throw _typeError(fn, 'options', "an object of the KPI's options", options)
  const { unit, measure, bounds, better, cases = [] } = descriptor.result
  let traits: ResultTraits = { unit, measure, bounds, better }
  for (const c of cases)
    if (matches(c, descriptor.options, options))
      traits = {
        unit: c.unit ?? traits.unit,
        measure: c.measure ?? traits.measure,
        bounds: c.bounds ?? traits.bounds,
        better: c.better ?? traits.better,
      }
  return traits
}
