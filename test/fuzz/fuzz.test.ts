// The fuzz suite: every KPI, driven from its descriptor, over hostile items (values of every type,
// prototype-key ids, instants beyond the supported span) and hostile options. Each run holds the
// library's promises: no error but the library's own; no NaN, Infinity, undefined or function anywhere
// in a result or a state; nothing written to Object.prototype; every item counted, in `n` or by reason;
// a state that survives JSON and merges — in three parts, and with itself — to the one-pass result;
// and the same result for the same items in another order.
// `npm test` runs a few hundred probes per KPI; `npm run fuzz` (FUZZ_RUNS, default 2000) many more.
// A failure prints its seed; FC_SEED replays it.
import * as library from 'cx-metrics'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { KpiDescriptor } from '../../src/core/descriptor.ts'
import { requiredOptions } from '../_required.ts'
import { anything, itemsOf } from './_hostile.ts'
import { unsafe } from './_json.ts'

const runs = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 2000 : 60))
// A cohort table over items from 1900 to 2024 has 1,500 monthly columns: allow 60 ms a probe.
const timeout = Math.max(30_000, runs * 60)
const descriptors = Object.entries(library)
  .filter(([name]) => name.endsWith('Descriptor'))
  .map(([, d]) => d as KpiDescriptor)

const required = requiredOptions
/** KPIs whose `n` and `excluded` account for every item offered. */
const countsItems = new Set([
  'nps',
  'csat',
  'ces',
  'acsi',
  'responseRate',
  'firstReplyTime',
  'resolutionTime',
  'slaAttainment',
])

/** Deep equality with round-off allowed in numbers (merging sums in another order). */
function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b)
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(
    (k) => Object.hasOwn(b, k) && close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x))

/** The library's own errors: a KpiError, or a TypeError/RangeError that names the function. */
const libraryError = (e: unknown, fn: string): boolean =>
  library.isKpiError(e) ||
  ((e instanceof TypeError || e instanceof RangeError) && e.message.startsWith(`${fn} expected \``))

const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
const prototypeUntouched = (): boolean =>
  JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) === JSON.stringify(prototypeNames) &&
  Object.getPrototypeOf({}) === Object.prototype &&
  ({} as Record<string, unknown>)[0] === undefined

type Agg = library.Aggregator<unknown, unknown, unknown>
const fuzzed = descriptors.filter((d) => d.aggregator !== null && itemsOf[d.input.kind] !== undefined)

describe('fuzz', () => {
  it('covers every KPI with an aggregator', () => {
    expect(descriptors.filter((d) => !fuzzed.includes(d)).map((d) => d.id)).toEqual([])
  })

  it.each(fuzzed.map((d) => [d.id, d] as const))(
    '%s over hostile items keeps every promise',
    (_, d) => {
      const options = required[d.id] ?? {}
      const make = () => (d.aggregator as (o: object) => Agg)(options)
      fc.assert(
        fc.property(
          fc.array(itemsOf[d.input.kind] as fc.Arbitrary<unknown>, { maxLength: 24 }),
          fc.nat(),
          fc.nat(),
          (items, i, j) => {
            const agg = make()
            let state: unknown
            try {
              state = library.accumulate(agg, items)
            } catch (e) {
              // Mixing currencies, or versions of a scale, is refused as the input's fault.
              if (library.isKpiError(e) && e.code === 'incompatible-input') return
              throw e
            }
            const result = agg.result(state)
            expect(unsafe(state), 'state').toBeNull()
            expect(unsafe(result), 'result').toBeNull()
            expect(prototypeUntouched(), 'Object.prototype').toBe(true)
            if (countsItems.has(d.id)) {
              const r = result as { n: number; excluded: Record<string, number> }
              expect(r.n + Object.values(r.excluded).reduce((s, x) => s + x, 0), 'n + excluded').toBe(
                items.length,
              )
            }
            // A JSON round trip keeps the state.
            expect(close(json(agg.result(json(state))), json(result)), 'JSON state').toBe(true)
            // Three parts merged give the one pass; so does a state merged with a copy of itself, or itself.
            const a = Math.min(i, j) % (items.length + 1)
            const b = Math.max(i, j) % (items.length + 1)
            const [lo, hi] = a <= b ? [a, b] : [b, a]
            const parts = [items.slice(0, lo), items.slice(lo, hi), items.slice(hi)].map((p) =>
              json(library.accumulate(make(), p)),
            )
            const merged = parts.reduce((s, p) => agg.merge(s, p), agg.init())
            expect(close(json(agg.result(merged)), json(result)), 'three parts').toBe(true)
            // The order of the items does not matter: the same items reversed and rotated give the same result.
            const r = items.length === 0 ? 0 : i % items.length
            const reordered = [...items.slice(r), ...items.slice(0, r)].reverse()
            if (d.input.ordered !== true) {
              const again = agg.result(library.accumulate(make(), reordered))
              expect(close(json(again), json(result)), 'any order').toBe(true)
            }
            const twice = agg.result(agg.merge(json(state), json(state)))
            const self = json(state)
            expect(close(json(agg.result(agg.merge(self, self))), json(twice)), 'merge(s, s)').toBe(true)
          },
        ),
        { numRuns: runs },
      )
    },
    timeout,
  )

  it.each(fuzzed.map((d) => [d.id, d] as const))('%s refuses hostile options with its own errors', (_, d) => {
    const keys = Object.keys(d.options)
    fc.assert(
      fc.property(fc.constantFrom(...keys), anything, (key, value) => {
        const options = { ...required[d.id], [key]: value }
        try {
          const r = d.compute([], options)
          expect(unsafe(r), `${d.id} with ${key}`).toBeNull()
        } catch (e) {
          expect(libraryError(e, d.id), `${d.id} with ${key} = ${String(value)}: ${String(e)}`).toBe(true)
        }
        expect(prototypeUntouched()).toBe(true)
      }),
      { numRuns: runs },
    )
  })
})
