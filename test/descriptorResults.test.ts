// What each descriptor says of its result holds for the results: on the sample data every value lies
// within the natural bounds, and for every case of options a better experience gives a better number in
// the direction the descriptor states (`describeResult` applies the cases).
import * as library from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import type { KpiDescriptor } from '../src/core/descriptor.ts'
import { requiredOptions as required } from './_required.ts'
import { responses, subscriptions, tickets } from './docs/context.ts'

const { describeResult } = library
const descriptors = Object.entries(library)
  .filter(([name]) => name.endsWith('Descriptor'))
  .map(([, d]) => d as KpiDescriptor)

const march = { period: '2024-03', unit: 'month' } as const
const day = (d: number, h = 0) => `2024-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i))
const customer = (i: number, start: string, end: string | null = null, amount = 100) => ({
  customerId: `c${i}`,
  start,
  end,
  amount,
  billingInterval: 'month',
})
const ticket = (replyHours: number, replies: number) => ({
  createdAt: day(4, 9),
  firstReplyAt: day(4, 9 + replyHours),
  solvedAt: day(4, 9 + replyHours),
  agentReplies: replies,
  reopens: 0,
})

/** The scale ends of a score KPI under its options: [good end, bad end]. */
function scaleEnds(id: string, options: Record<string, unknown>): [number, number] {
  if (id === 'nps') return [10, 0]
  if (id === 'ces') return options.version === '1.0' ? [1, 5] : [7, 1]
  const scale = (options.scale as string | undefined) ?? '1-5'
  if (scale === 'binary') return [1, 0]
  const [low, high] = scale.split('-').map(Number) as [number, number]
  return [high, low]
}

/** For each KPI: its options, a sample of real data, and data of a good and of a bad experience. */
function data(d: KpiDescriptor, options: Record<string, unknown>) {
  const id = d.id
  const survey = (kind: string) => responses.filter((r) => r.survey === kind).map((r) => r.score)
  switch (id) {
    case 'nps':
    case 'csat':
    case 'ces': {
      const [good, bad] = scaleEnds(id, options)
      const [high, low] = good > bad ? [good, bad] : [bad, good]
      const sample =
        id === 'nps'
          ? survey('nps')
          : options.scale === undefined && options.version !== '1.0'
            ? survey(id)
            : times(40, (i) => low + (i % (high - low + 1)))
      return { options, sample, good: [good, good, good], bad: [bad, bad, bad] }
    }
    case 'acsi':
      return {
        options,
        sample: times(20, (i) => [1 + (i % 10), 10 - (i % 10), 5]),
        good: [[10, 10, 10]],
        bad: [[1, 1, 1]],
      }
    case 'responseRate':
      return {
        options,
        sample: responses.map((r) => r.answeredAt !== null),
        good: [true, true],
        bad: [false, true],
      }
    case 'firstReplyTime':
    case 'resolutionTime':
      return { options, sample: tickets, good: [ticket(1, 1)], bad: [ticket(9, 1)] }
    case 'firstContactResolution':
      return { options, sample: tickets, good: [ticket(1, 1)], bad: [ticket(1, 4)] }
    case 'slaAttainment':
      return {
        options: { targetMs: 3_600_000, ...options },
        sample: tickets,
        good: [ticket(0, 1)],
        bad: [ticket(5, 1)],
      }
    case 'churnRate':
    case 'retentionRate':
    case 'revenueRetention':
      return {
        options: { ...march, ...options },
        sample: subscriptions,
        good: times(10, (i) => customer(i, '2024-01-01T00:00:00Z')),
        bad: times(10, (i) => customer(i, '2024-01-01T00:00:00Z', day(15))),
      }
    case 'mrr':
      return {
        options: { at: day(31), ...options },
        sample: subscriptions,
        good: times(10, (i) => customer(i, '2024-01-01T00:00:00Z')),
        bad: times(10, (i) => customer(i, '2024-01-01T00:00:00Z', null, 10)),
      }
    case 'mrrMovements':
      return {
        options: { ...march, ...options },
        sample: subscriptions,
        good: times(10, (i) => customer(i, day(5))),
        bad: times(10, (i) => customer(i, '2024-01-01T00:00:00Z', day(15))),
      }
    case 'cohortRetention':
      return {
        options: { unit: 'month', asOf: '2024-06-01T00:00:00Z', ...options },
        sample: subscriptions,
        good: times(10, (i) => customer(i, '2024-01-05T00:00:00Z')),
        bad: times(10, (i) => customer(i, '2024-01-05T00:00:00Z', '2024-01-20T00:00:00Z')),
      }
    case 'acquisitionCost': {
      const spend = { at: day(1), amount: 1000 }
      const joined = (n: number) => times(n, (i) => ({ customerId: `n${i}`, acquiredAt: day(10) }))
      return {
        options: { ...march, ...options },
        sample: null,
        good: [spend, ...joined(10)],
        bad: [spend, ...joined(1)],
      }
    }
    case 'growth':
      return { options, sample: [100, 110, 121], good: [100, 120], bad: [100, 80] }
    case 'survival':
      return {
        options,
        sample: library.customerLifetimes(subscriptions, { asOf: '2026-01-01T00:00:00Z' }),
        good: times(3, () => ({ time: 20, event: true })),
        bad: times(3, () => ({ time: 2, event: true })),
      }
    case 'netSentiment':
      return {
        options,
        sample: [0.5, -0.2, 'positive', 'negativo', 0],
        good: [0.9, 0.8, 0],
        bad: [-0.9, -0.8, 0],
      }
    case 'shareOfVoice': {
      const m = (brand: string, reach: number) => ({ brand, reach })
      return {
        options: { brand: 'Lumen', ...options },
        sample: [m('Lumen', 10), m('Acme', 20), m('Globex', 5)],
        good: [m('Lumen', 10), m('Lumen', 10), m('Acme', 10)],
        bad: [m('Lumen', 10), m('Acme', 10), m('Acme', 10)],
      }
    }
    case 'mentionVolume':
      return {
        options,
        sample: [{ platform: 'x' }, { platform: 'instagram' }],
        good: times(3, () => ({ platform: 'x' })),
        bad: [{ platform: 'x' }],
      }
    case 'mentionReplies': {
      const mention = (replied: boolean) => ({ at: day(4, 9), repliedAt: replied ? day(4, 10) : null })
      return {
        options,
        sample: [mention(true), mention(false), mention(true)],
        good: [mention(true), mention(true)],
        bad: [mention(true), mention(false)],
      }
    }
    case 'healthScore': {
      // Gainsight's support scorecard (spec §14 example): three measures already on 0–100.
      const account = (id: string, a: number, b: number, c: number) => ({
        accountId: id,
        values: { a, b, c },
      })
      return {
        options: required.healthScore as Record<string, unknown>,
        sample: [account('x', 47, 59, 21), account('y', 100, 0, 50)],
        good: [account('x', 90, 95, 80)],
        bad: [account('x', 10, 20, 5)],
      }
    }
    default:
      return null
  }
}

/** The number a descriptor's bounds and direction speak of. */
function numberOf(result: unknown): number | null {
  const r = result as { kind: string; value?: number | null; average?: { value: number | null }[] }
  if (r.kind === 'table') return r.average?.[1]?.value ?? null
  return r.value ?? null
}
function valuesOf(result: unknown): number[] {
  const r = result as {
    kind: string
    value?: number | null
    cohorts?: { cells: { value: number | null }[] }[]
  }
  if (r.kind === 'table')
    return (r.cohorts ?? []).flatMap((c) => c.cells.flatMap((x) => (x.value === null ? [] : [x.value])))
  return r.value === null || r.value === undefined ? [] : [r.value]
}

/** The descriptor's default, and each of its cases that names plain option values. */
const variants = (d: KpiDescriptor): Record<string, unknown>[] => [
  {},
  ...(d.result.cases ?? [])
    .map((c) => c.when)
    .filter((when) => Object.entries(when).every(([k, v]) => !k.includes('.') && v !== 'custom')),
]

// rfmSummary is a table of customers (recency, frequency, value), and themes a table of themes (volume,
// score, impact): neither has one number to orient.
const oriented = descriptors.filter((d) => d.id !== 'rfmSummary' && d.id !== 'themes')

describe('descriptors agree with results', () => {
  it('cover every KPI here but the RFM and themes tables', () => {
    expect(oriented.map((d) => d.id).filter((id) => data({ id } as KpiDescriptor, {}) === null)).toEqual([])
  })

  it.each(oriented.map((d) => [d.id, d] as const))(
    '%s: values within bounds, better in its direction',
    (_, d) => {
      for (const options of variants(d)) {
        const x = data(d, options)
        if (x === null) throw new Error(d.id)
        const traits = describeResult(d, x.options)
        const run = (items: unknown) => d.compute(items, x.options)
        const [low, high] = traits.bounds
        const inBounds = (v: number) =>
          (low === null || v >= low - 1e-9) && (high === null || v <= high + 1e-9)
        if (x.sample !== null) {
          const result = run(x.sample)
          const values = valuesOf(result)
          // A survival median not reached on the sample is null with its reason, not out of bounds.
          if (values.length === 0) expect((result as { reason: unknown }).reason, d.id).toBe('not-reached')
          for (const v of values) expect(inBounds(v), `${d.id} ${JSON.stringify(options)}: ${v}`).toBe(true)
        }
        const good = numberOf(run(x.good))
        const bad = numberOf(run(x.bad))
        expect(good, d.id).not.toBeNull()
        expect(bad, d.id).not.toBeNull()
        const where = `${d.id} ${JSON.stringify(options)}: good ${good}, bad ${bad}`
        if (traits.better === 'higher') expect(good as number, where).toBeGreaterThan(bad as number)
        else expect(good as number, where).toBeLessThan(bad as number)
      }
    },
  )

  it('describeResult reads the cases: CES 1.0 is lower-is-better on 1–5, a CSAT mean on 0–10 is in points', () => {
    expect(describeResult(library.cesDescriptor, { version: '1.0' })).toEqual({
      unit: 'score',
      measure: 'mean',
      bounds: [1, 5],
      better: 'lower',
    })
    expect(
      describeResult(library.cesDescriptor, { version: { min: 1, max: 9, higherIsBetter: false } }),
    ).toMatchObject({
      bounds: [null, null],
      better: 'lower',
    })
    expect(describeResult(library.csatDescriptor, { method: 'mean', scale: '0-10' }).bounds).toEqual([0, 10])
    expect(describeResult(library.npsDescriptor)).toEqual({
      unit: 'points',
      measure: 'nps',
      bounds: [-100, 100],
      better: 'higher',
    })
    expect(() => describeResult(null as never)).toThrow('describeResult expected `descriptor`')
  })
})
