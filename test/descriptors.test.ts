// Every KPI describes itself, and what the descriptor says is what the function accepts: every option
// rule is exercised with a wrong type, a wrong value and a misspelt key, and every result says its kind.
import * as library from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import type { KpiDescriptor, OptionRule } from '../src/core/descriptor.ts'
import { requiredOptions } from './_required.ts'

const exports = library as unknown as Record<string, unknown>
const descriptors = Object.entries(exports)
  .filter(([name]) => name.endsWith('Descriptor'))
  .map(([, d]) => d as KpiDescriptor)

const required = requiredOptions
const call = (d: KpiDescriptor, options: Record<string, unknown>) => () =>
  d.compute([], { ...required[d.id], ...options })

/** Aggregator factories that are combinators, not KPIs. */
const combinators = new Set(['byPeriod', 'byKey', 'rolling', 'trailing', 'customerLifetimes'])

describe('descriptors', () => {
  it('there is one for every KPI aggregator, and it names its own function and factory', () => {
    const kpis = Object.keys(exports)
      .filter((name) => name.endsWith('Aggregator'))
      .map((name) => name.slice(0, -'Aggregator'.length))
      .filter((id) => !combinators.has(id))
    expect(descriptors.map((d) => d.id).sort()).toEqual(kpis.sort())
    for (const d of descriptors) {
      expect(d.compute, d.id).toBe(exports[d.id])
      expect(d.aggregator, d.id).toBe(exports[`${d.id}Aggregator`])
      expect(['higher', 'lower']).toContain(d.result.better)
      const [low, high] = d.result.bounds
      if (low !== null && high !== null) expect(low, d.id).toBeLessThan(high)
    }
  })

  it.each(descriptors.map((d) => [d.id, d] as const))('%s runs with its required options only', (_, d) => {
    expect(call(d, {})).not.toThrow()
  })

  it.each(descriptors.map((d) => [d.id, d] as const))(
    '%s rejects a misspelt option key and suggests the right one',
    (_, d) => {
      for (const key of Object.keys(d.options)) {
        const typo = `${key.slice(0, -1)}${key.endsWith('x') ? 'y' : 'x'}`
        if (key.length < 4) continue
        // `definitionx` is one edit from `definition` and from `definitions`: either is a fair guess.
        if (Object.keys(d.options).some((k) => k !== key && k.startsWith(key.slice(0, -1)))) {
          expect(call(d, { [typo]: 1 }), `${d.id} ${typo}`).toThrow(/did you mean `definitions?`\?/)
          continue
        }
        expect(call(d, { [typo]: 1 }), `${d.id} ${typo}`).toThrow(RangeError)
        expect(call(d, { [typo]: 1 }), `${d.id} ${typo}`).toThrow(`did you mean \`${key}\`?`)
      }
      expect(call(d, { definitelyNotAnOption: 1 })).toThrow(/expected `options` to have only the keys/)
    },
  )

  it.each(descriptors.map((d) => [d.id, d] as const))(
    '%s checks every enum and number option by its rule',
    (_, d) => {
      const rules = Object.entries(d.options) as [string, OptionRule][]
      for (const [key, rule] of rules) {
        if (rule.type === 'enum' && rule.also === undefined) {
          expect(call(d, { [key]: 'no-such-value' }), `${d.id}.${key}`).toThrow(RangeError)
          expect(call(d, { [key]: 12_345 }), `${d.id}.${key}`).toThrow(TypeError)
          expect(call(d, { [key]: 'no-such-value' }), `${d.id}.${key}`).toThrow(`\`options.${key}\``)
        }
        if (rule.type === 'number' && rule.also === undefined) {
          expect(call(d, { [key]: 'seven' }), `${d.id}.${key}`).toThrow(TypeError)
          expect(call(d, { [key]: Number.NaN }), `${d.id}.${key}`).toThrow(TypeError)
          if (rule.min !== undefined && rule.min > Number.MIN_SAFE_INTEGER)
            expect(call(d, { [key]: rule.min - 1 }), `${d.id}.${key}`).toThrow(RangeError)
        }
        if (rule.type === 'boolean') expect(call(d, { [key]: 'yes' }), `${d.id}.${key}`).toThrow(TypeError)
        if (rule.default !== undefined && rule.type === 'enum')
          expect(rule.values, `${d.id}.${key}`).toContain(rule.default)
      }
    },
  )

  /** What a result of `d` is: the descriptor's kind, or one number for a KPI that also makes series. */
  const kindOf = (d: KpiDescriptor): string =>
    d.result.kind === 'result-or-series' ? 'result' : d.result.kind
  const json = (x: unknown) => JSON.parse(JSON.stringify(x))

  it.each(descriptors.map((d) => [d.id, d] as const))(
    '%s says what its result is, echoes its options as JSON, and says why an empty one has no value',
    (_, d) => {
      const r = call(d, {})() as { kind: string; variant: unknown; value?: unknown; reason?: unknown }
      expect(r.kind).toBe(kindOf(d))
      expect(json(r.variant)).toEqual(r.variant)
      for (const [key, rule] of Object.entries(d.options) as [string, OptionRule][]) {
        const given = (required[d.id] as Record<string, unknown> | undefined)?.[key]
        const echoed = (r.variant as Record<string, unknown>)[key]
        if (rule.variant === false) expect(echoed, `${d.id}.${key}`).toBeUndefined()
        else if (given === undefined && rule.default !== undefined)
          expect(echoed, `${d.id}.${key}`).toEqual(rule.default)
      }
      if (r.kind === 'result' || r.kind === 'figure') {
        expect(r.value).toBeNull()
        expect(['no-data', 'zero-denominator']).toContain(r.reason)
      }
    },
  )

  it.each(descriptors.map((d) => [d.id, d] as const))(
    '%s echoes every non-default enum value it is given in `variant`',
    (_, d) => {
      for (const [key, rule] of Object.entries(d.options) as [string, OptionRule][]) {
        if (rule.type !== 'enum' || rule.variant === false || rule.values === undefined) continue
        for (const value of rule.values) {
          if (value === rule.default) continue
          let r: { variant: Record<string, unknown> }
          try {
            r = call(d, { [key]: value })() as typeof r
          } catch (error) {
            // A value that needs another option (CES 'custom' needs a scale): it must say so.
            expect(String(error), `${d.id}.${key}: ${value}`).toMatch(/expected `options/)
            continue
          }
          expect(r.variant[key], `${d.id}.${key}`).toBe(value)
        }
      }
    },
  )

  it.each(descriptors.map((d) => [d.id, d] as const))(
    "%s says 'all-excluded' when every observation was left out",
    (_, d) => {
      const r = d.compute([{ nonsense: true }, 'nonsense'], required[d.id] ?? {}) as {
        kind: string
        reason?: unknown
        excluded: Record<string, number>
      }
      // A bare string is a comment, which themes reads as its text ('nonsense' is a comment like any other).
      expect(
        Object.values(r.excluded).reduce((a, b) => a + b, 0),
        d.id,
      ).toBe(d.input.kind === 'comment' ? 1 : 2)
      if (r.kind === 'result' || r.kind === 'figure') expect(r.reason, d.id).toBe('all-excluded')
    },
  )

  it.each(descriptors.map((d) => [d.id, d] as const))(
    '%s documents every option, field and element',
    (_, d) => {
      const walk = (rules: Readonly<Record<string, OptionRule>>, prefix: string): void => {
        for (const [key, rule] of Object.entries(rules)) {
          expect(rule.doc.length, `${d.id}: ${prefix}${key}`).toBeGreaterThan(8)
          if (rule.fields !== undefined) walk(rule.fields, `${prefix}${key}.`)
          if (rule.items !== undefined) walk({ '[]': rule.items }, `${prefix}${key}`)
        }
      }
      walk(d.options, '')
    },
  )
})

describe('the two call forms', () => {
  it('take options second or an accessor then options, and refuse anything else', () => {
    const rows = [{ s: 9 }, { s: 10 }, { s: 3 }]
    expect(library.nps([9, 10, 3], { minN: 3 }).value).toBeCloseTo(100 / 3, 12)
    expect(library.nps(rows, (r) => r.s, { minN: 3 }).value).toBeCloseTo(100 / 3, 12)
    expect(library.npsAggregator({ minN: 4 }).result(library.npsAggregator().init()).value).toBeNull()
    expect(() => library.nps([9], 'mean' as never)).toThrow(TypeError)
    expect(() => library.nps([9], { minN: 1 } as never, { minN: 2 })).toThrow(/nps expected `accessor`/)
    expect(() => library.nps(null as never)).toThrow(/nps expected `items` to be an iterable/)
  })

  it('say so when fold gets its arguments swapped', () => {
    expect(() => library.fold([1, 2] as never, library.npsAggregator() as never)).toThrow(
      /arguments look swapped/,
    )
  })

  it('check nested options: schedules, their holidays, NPS buckets', () => {
    const schedule = { timeZone: 'UTC', hours: { mon: [['09:00', '17:00']] }, holiday: [] }
    expect(() => library.businessHours(schedule as never)).toThrow(/did you mean `holidays`/)
    expect(() =>
      library.nps([1], {
        buckets: { min: 0, max: 10, detractorMax: 6, promoterMin: 9, passiveMax: 8 } as never,
      }),
    ).toThrow(/options.buckets/)
    expect(() => library.firstReplyTime([], { businessHours: {} } as never)).toThrow(
      /did you mean `schedule`/,
    )
  })
})
