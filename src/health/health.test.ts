// The health composer against the spec's worked examples (§14.3), the vendors' documented rules, and
// R (pROC, wilcox.test, prop.test) for the backtest. Every option has a case that fails if it were ignored.
import { readFileSync } from 'node:fs'
import {
  csatDescriptor,
  explainHealthChange,
  firstReplyTimeDescriptor,
  type HealthAccountScore,
  type HealthDefinitionInput,
  healthBacktest,
  healthDefinition,
  healthMovers,
  healthRollup,
  healthScore,
  npsDescriptor,
  roundForDisplay,
} from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const score = { type: 'score' } as const
const one = (definition: HealthDefinitionInput, values: Record<string, unknown>): HealthAccountScore =>
  healthScore([{ accountId: 'a', values: values as never }], { definition }).accounts[0] as HealthAccountScore

describe('healthScore: the worked examples', () => {
  it('E1: Gainsight group of weights 20, 15, 22 and scores 47, 59, 21 is 2287 / 57 = 40.122, shown 40', () => {
    const definition = {
      groups: [{ id: 'support', weight: 1 }],
      measures: [
        { id: 'a', group: 'support', weight: 20, normaliser: score },
        { id: 'b', group: 'support', weight: 15, normaliser: score },
        { id: 'c', group: 'support', weight: 22, normaliser: score },
      ],
    }
    const s = one(definition, { a: 47, b: 59, c: 21 })
    expect(s.value).toBeCloseTo(2287 / 57, 12)
    expect(s.groups[0]?.score).toBe(2287 / 57)
    expect(roundForDisplay(s.value as number)).toBe(40)
    // The contributions add up to the score exactly, and the weights to 1.
    expect(s.measures.reduce((t, m) => t + m.contribution, 0)).toBe(s.weighted)
    expect(s.measures.map((m) => m.weight)).toEqual(
      [20 / 57, 15 / 57, 22 / 57].map((w) => expect.closeTo(w, 15)),
    )
  })

  it('E3: Totango portfolio of 5 good, 3 average, 2 poor with poor = 40 averages 76', () => {
    const definition = {
      measures: [
        {
          id: 'quality',
          weight: 1,
          normaliser: { type: 'lookup', points: { good: 100, average: 60, poor: 40 } },
        },
      ],
    } as const
    const labels = [...Array(5).fill('good'), ...Array(3).fill('average'), ...Array(2).fill('poor')]
    const p = healthScore(
      labels.map((quality, i) => ({ accountId: i, values: { quality } })),
      { definition },
    )
    expect(p.value).toBe(76)
    // Totango's multidimensional default is good/average/poor = 100/60/0: the same portfolio is 68.
    const byDefault = healthScore(
      labels.map((quality, i) => ({ accountId: i, values: { quality } })),
      { definition: { measures: [{ id: 'quality', weight: 1, normaliser: { type: 'lookup' } }] } },
    )
    expect(byDefault.value).toBe(68)
  })

  it('E5: Planhat roll-up of a parent at 10 and three children at 5 is 6.25 → 6; a parent at 0, 3.75 → 4', () => {
    const rollup = (parent: number) =>
      healthRollup(
        [
          { accountId: 'p', value: parent },
          { accountId: 'a', value: 5 },
          { accountId: 'b', value: 5 },
          { accountId: 'c', value: 5 },
        ],
        { parentOf: (id) => (id === 'p' ? null : 'p') },
      )[0]
    expect(rollup(10)?.value).toBe(6.25)
    expect(roundForDisplay(rollup(10)?.value as number)).toBe(6)
    expect(rollup(0)?.value).toBe(3.75)
    expect(roundForDisplay(rollup(0)?.value as number)).toBe(4)
    expect(rollup(10)?.children[0]).toEqual({ accountId: 'p', value: 10, weight: 0.25, contribution: 2.5 })
  })

  it('healthRollup by contract value (Totango), without the parent: (3 × 80 + 1 × 40) / 4 = 70', () => {
    const scores = [
      { accountId: 'p', value: 10 },
      { accountId: 'a', value: 80 },
      { accountId: 'b', value: 40 },
      { accountId: 'c', value: null },
    ]
    const contract: Record<string, number> = { p: 100, a: 3, b: 1, c: 5 }
    const parentOf = (id: string) => (id === 'p' ? null : 'p')
    const [row] = healthRollup(scores, {
      parentOf,
      weightOf: (id) => contract[id] as number,
      includeParent: false,
    })
    expect(row?.value).toBe(70)
    expect(row?.children.map((c) => [c.accountId, c.weight])).toEqual([
      ['a', 0.75],
      ['b', 0.25],
    ])
    // With the parent's own score, equal weights: (10 + 80 + 40) / 3.
    expect(healthRollup(scores, { parentOf })[0]?.value).toBeCloseTo(130 / 3, 12)
  })

  it('E6: NPS 30 → 65; 3 tickets → 70; 5 days since the last login → 90', () => {
    const definition = {
      measures: [
        { id: 'nps', weight: 1, normaliser: { type: 'kpi', descriptor: npsDescriptor } },
        { id: 'tickets', weight: 1, normaliser: { type: 'linear', min: 0, max: 10, better: 'lower' } },
        { id: 'login', weight: 1, normaliser: { type: 'linear', min: 0, max: 50, better: 'lower' } },
      ],
    } as const
    const s = one(definition, { nps: { kind: 'result', value: 30 }, tickets: 3, login: 5 })
    expect(s.measures.map((m) => m.score)).toEqual([65, 70, 90])
    expect(s.value).toBeCloseTo(75, 12)
  })
})

describe('healthScore: normalisers', () => {
  it('linear clamps, and reverses when lower is better', () => {
    const d = (better: 'higher' | 'lower') =>
      ({
        measures: [{ id: 'x', weight: 1, normaliser: { type: 'linear', min: 10, max: 20, better } }],
      }) as const
    expect(one(d('higher'), { x: 12 }).value).toBeCloseTo(20, 12)
    expect(one(d('lower'), { x: 12 }).value).toBeCloseTo(80, 12)
    expect(one(d('higher'), { x: 99 }).value).toBe(100)
    expect(one(d('higher'), { x: -5 }).value).toBe(0)
  })
  it('tiers: the top of a range inclusive and the bottom exclusive (ChurnZero), unless said otherwise', () => {
    const tiers = [
      { max: 10, score: 0 },
      { min: 10, max: 20, score: 50 },
      { min: 20, score: 100 },
    ]
    const d = { measures: [{ id: 'x', weight: 1, normaliser: { type: 'tiers', tiers } }] } as const
    expect([5, 10, 10.5, 20, 21].map((x) => one(d, { x }).value)).toEqual([0, 0, 50, 50, 100])
    const flipped = tiers.map((t) => ({ ...t, minInclusive: true, maxInclusive: false }))
    const e = { measures: [{ id: 'x', weight: 1, normaliser: { type: 'tiers', tiers: flipped } }] } as const
    expect([10, 20].map((x) => one(e, { x }).value)).toEqual([50, 100])
    // A value in no tier is invalid, not 0.
    const gap = {
      measures: [
        { id: 'x', weight: 1, normaliser: { type: 'tiers', tiers: [{ min: 0, max: 5, score: 10 }] } },
      ],
    } as const
    expect(one(gap, { x: 9 })).toMatchObject({
      value: null,
      reason: 'no-data',
      measures: [{ status: 'invalid' }],
    })
    expect(() =>
      healthDefinition({
        measures: [
          {
            id: 'x',
            weight: 1,
            normaliser: {
              type: 'tiers',
              tiers: [
                { max: 10, score: 0 },
                { min: 5, score: 1 },
              ],
            },
          },
        ],
      }),
    ).toThrow(/tiers that do not overlap/)
  })
  it('goal: percent to goal, target / value when lower is better, capped', () => {
    const d = (better: 'higher' | 'lower', cap?: number) =>
      ({
        measures: [
          {
            id: 'x',
            weight: 1,
            normaliser: { type: 'goal', target: 50, better, ...(cap === undefined ? {} : { cap }) },
          },
        ],
      }) as const
    expect(one(d('higher'), { x: 40 }).value).toBe(80)
    expect(one(d('higher'), { x: 80 }).value).toBe(100)
    expect(one(d('higher', 90), { x: 80 }).value).toBe(90)
    expect(one(d('lower'), { x: 100 }).value).toBe(50)
    expect(one(d('lower'), { x: 0 }).value).toBe(100)
  })
  it('kpi: from the descriptor — a proportion × 100; lower-is-better durations need `worst`', () => {
    const csat = {
      measures: [{ id: 'csat', weight: 1, normaliser: { type: 'kpi', descriptor: csatDescriptor } }],
    } as const
    expect(one(csat, { csat: 0.85 }).value).toBeCloseTo(85, 12)
    // A CSAT mean on 1–5 is in points of the scale: 4 is 75.
    const mean = {
      measures: [
        {
          id: 'csat',
          weight: 1,
          normaliser: { type: 'kpi', descriptor: csatDescriptor, options: { method: 'mean' } },
        },
      ],
    } as const
    expect(one(mean, { csat: 4 }).value).toBeCloseTo(75, 12)
    const frt = (worst?: number) => ({
      measures: [
        {
          id: 'frt',
          weight: 1,
          normaliser: {
            type: 'kpi',
            descriptor: firstReplyTimeDescriptor,
            ...(worst === undefined ? {} : { worst }),
          },
        },
      ],
    })
    expect(() => healthDefinition(frt() as never)).toThrow(/firstReplyTime that scores 0/)
    expect(one(frt(8 * 3_600_000) as never, { frt: 2 * 3_600_000 }).value).toBeCloseTo(75, 12)
  })
  it('lookup and score read labels and ready scores; anything else is invalid, counted by measure', () => {
    const d = {
      measures: [
        { id: 'q', weight: 1, normaliser: { type: 'lookup' } },
        { id: 's', weight: 1, normaliser: score },
      ],
    } as const
    const p = healthScore(
      [
        { accountId: 1, values: { q: 'good', s: 50 } },
        { accountId: 2, values: { q: 'great', s: 101 } },
        { accountId: 3, values: { q: 'poor' } },
      ],
      { definition: d },
    )
    expect(p.accounts.map((a) => a.value)).toEqual([75, null, 0])
    expect(p.measures).toEqual([
      { id: 'q', present: 2, missing: 0, invalid: 1, meanScore: 50 },
      { id: 's', present: 1, missing: 1, invalid: 1, meanScore: 50 },
    ])
  })
})

describe('healthScore: weights, groups, missing data, gates, bands, segments', () => {
  const grouped = {
    groups: [
      { id: 'usage', weight: 3 },
      { id: 'support', weight: 1 },
    ],
    measures: [
      { id: 'logins', group: 'usage', weight: 1, normaliser: score },
      { id: 'seats', group: 'usage', weight: 3, normaliser: score },
      { id: 'csat', group: 'support', weight: 1, normaliser: score },
    ],
  }
  it('weights any non-negative numbers, normalised within groups and across them (Totango dimensions)', () => {
    const s = one(grouped, { logins: 100, seats: 60, csat: 20 })
    // usage = (100 + 3 × 60) / 4 = 70; support = 20; overall = (3 × 70 + 20) / 4 = 57.5.
    expect(s.groups.map((g) => g.score)).toEqual([70, 20])
    expect(s.value).toBeCloseTo(57.5, 12)
    expect(s.measures.map((m) => m.weight)).toEqual([0.1875, 0.5625, 0.25])
  })
  it('missing: excluded and renormalised by default; zero; neutral at neutralScore; per measure', () => {
    expect(one(grouped, { logins: 100, seats: 60 }).value).toBeCloseTo(70, 12)
    expect(one({ ...grouped, missing: 'zero' }, { logins: 100, seats: 60 }).value).toBeCloseTo(52.5, 12)
    expect(one({ ...grouped, missing: 'neutral' }, { logins: 100, seats: 60 }).value).toBeCloseTo(65, 12)
    expect(
      one({ ...grouped, missing: 'neutral', neutralScore: 90 }, { logins: 100, seats: 60 }).value,
    ).toBeCloseTo(75, 12)
    const perMeasure = {
      ...grouped,
      measures: grouped.measures.map((m) => (m.id === 'csat' ? { ...m, missing: 'zero' as const } : m)),
    }
    expect(one(perMeasure, { logins: 100, seats: 60 }).value).toBeCloseTo(52.5, 12)
    expect(one(grouped, {})).toMatchObject({ value: null, reason: 'no-data', coverage: 0 })
  })
  it('minCoverage: below the share of weight present the score is null', () => {
    const s = one({ ...grouped, minCoverage: 0.8 }, { logins: 100, seats: 60 })
    expect(s).toMatchObject({ value: null, reason: 'low-coverage', coverage: 0.75 })
    expect(one({ ...grouped, minCoverage: 0.7 }, { logins: 100, seats: 60 }).value).toBeCloseTo(70, 12)
  })
  it('gates after the weighted score, named: a cap, a floor, a set, any measure poor', () => {
    const base = {
      measures: [
        { id: 'usage', weight: 1, normaliser: score },
        { id: 'escalations', weight: 0, normaliser: { type: 'linear', min: 0, max: 5, better: 'lower' } },
      ],
    } as const
    const cap = {
      ...base,
      gates: [{ id: 'escalation', measure: 'escalations', on: 'value', when: { gt: 0 }, cap: 40 }],
    } as const
    expect(one(cap, { usage: 90, escalations: 1 })).toMatchObject({
      value: 40,
      weighted: 90,
      gates: [{ id: 'escalation', from: 90, to: 40 }],
    })
    expect(one(cap, { usage: 90, escalations: 0 })).toMatchObject({ value: 90, gates: [] })
    const floor = { ...base, gates: [{ id: 'vip', measure: 'usage', when: { gte: 80 }, floor: 95 }] } as const
    expect(one(floor, { usage: 85 }).value).toBe(95)
    const set = { ...base, gates: [{ id: 'any-poor', anyMeasure: true, when: { lt: 40 }, set: 0 }] } as const
    expect(one(set, { usage: 30 }).value).toBe(0)
    expect(one(set, { usage: 50 }).value).toBe(50)
  })
  it('bands with explicit inclusivity: 40 is yellow by default, red with maxInclusive; gaps refused', () => {
    const d = { measures: [{ id: 'x', weight: 1, normaliser: score }] }
    expect(one(d, { x: 40 }).band).toBe('yellow')
    expect(one(d, { x: 100 }).band).toBe('green')
    const bands = [
      { id: 'red', min: 0, max: 40, maxInclusive: true },
      { id: 'yellow', min: 40, max: 70, minInclusive: false },
      { id: 'green', min: 70, max: 100 },
    ]
    expect(one({ ...d, bands }, { x: 40 }).band).toBe('red')
    expect(() =>
      healthDefinition({
        ...d,
        bands: [
          { id: 'a', min: 0, max: 40 },
          { id: 'b', min: 40, max: 90 },
        ],
      }),
    ).toThrow(/no band holding 90/)
    expect(() =>
      healthDefinition({
        ...d,
        bands: [
          { id: 'a', min: 0, max: 50 },
          { id: 'b', min: 40, max: 100 },
        ],
      }),
    ).toThrow(/bands a and b both holding 40/)
  })
  it('segments choose a definition; unknown segments, duplicates and non-accounts are counted', () => {
    const d = (id: string) =>
      ({
        id,
        version: '2',
        measures: [{ id: 'x', weight: 1, normaliser: { type: 'linear', min: 0, max: 10, better: 'higher' } }],
      }) as const
    const p = healthScore(
      [
        { accountId: 'a', segment: 'smb', values: { x: 5 } },
        { accountId: 'b', segment: 'enterprise', values: { x: 5 } },
        { accountId: 'a', segment: 'smb', values: { x: 9 } },
        { accountId: 'c', segment: 'mid', values: { x: 5 } },
        null as never,
        { values: {} } as never,
      ],
      {
        definitions: {
          smb: d('smb'),
          enterprise: {
            ...d('ent'),
            measures: [
              { id: 'x', weight: 1, normaliser: { type: 'linear', min: 0, max: 20, better: 'higher' } },
            ],
          },
        },
      },
    )
    expect(p.accounts.map((a) => [a.accountId, a.segment, a.value])).toEqual([
      ['a', 'smb', 50],
      ['b', 'enterprise', 25],
    ])
    expect(p.excluded).toEqual({ missing: 1, invalid: 1, duplicate: 1, unknownSegment: 1 })
    expect(p.variant).toEqual({ smb: 'smb@2', enterprise: 'ent@2' })
    expect(p.n + Object.values(p.excluded).reduce((s, x) => s + x, 0)).toBe(6)
  })
  it('reads ids and measure names as data: __proto__ and constructor are measures like any other', () => {
    const d = {
      measures: [
        { id: '__proto__', weight: 1, normaliser: score },
        { id: 'constructor', weight: 1, normaliser: score },
      ],
    }
    const values = JSON.parse('{"__proto__": 80, "constructor": 40}')
    const p = healthScore([{ accountId: '__proto__', values }], { definition: d })
    expect(p.accounts[0]).toMatchObject({ accountId: '__proto__', value: 60 })
    expect(
      healthScore([{ accountId: 'x', values: {} }], { definition: d }).accounts[0]?.measures.map(
        (m) => m.status,
      ),
    ).toEqual(['missing', 'missing'])
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })
  it('gives null with a reason for no accounts, and the portfolio by band', () => {
    const d = { measures: [{ id: 'x', weight: 1, normaliser: score }] }
    expect(healthScore([], { definition: d })).toMatchObject({ value: null, reason: 'no-data', n: 0 })
    const p = healthScore(
      [10, 50, 80, 90].map((x, i) => ({ accountId: i, values: { x } })),
      { definition: d },
    )
    expect(p.bands).toEqual([
      { id: 'red', count: 1, share: 0.25 },
      { id: 'yellow', count: 1, share: 0.25 },
      { id: 'green', count: 2, share: 0.5 },
    ])
    expect(p.value).toBe(57.5)
  })
})

describe('healthDefinition: every problem named at once', () => {
  it('lists every problem in one error, with the path of each', () => {
    let message = ''
    try {
      healthDefinition({
        measures: [
          { id: 'a', weight: -1, normaliser: { type: 'linear', min: 0, max: 10 } as never },
          { id: 'a', weight: 1, normaliser: { type: 'zscore' } as never, group: 'x' },
        ],
        missing: 'skip' as never,
        gates: [{ id: 'g', measure: 'b', when: {}, cap: 40, set: 0 }],
      })
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError)
      message = (e as Error).message
    }
    for (const path of [
      'definition.missing',
      'definition.measures[0].weight',
      'definition.measures[0].normaliser.better',
      'definition.measures[1].id',
      'definition.measures[1].normaliser.type',
      'definition.measures[1].group',
      'definition.gates[0].measure',
      'definition.gates[0].when',
      'definition.gates[0]',
    ])
      expect(message).toContain(`\`${path}\``)
    expect(message).toMatch(/^healthDefinition expected `/)
    expect(() => healthDefinition(null as never)).toThrow(TypeError)
    expect(() =>
      healthDefinition({ measures: [{ id: 'x', weight: 1, normaliser: score }], weights: [] } as never),
    ).toThrow(/only the keys kind, id, version/)
  })
  it('fills the defaults, and a checked definition is accepted again', () => {
    const d = healthDefinition({ measures: [{ id: 'x', weight: 2, normaliser: score }] })
    expect(d).toMatchObject({
      kind: 'health-definition',
      missing: 'exclude',
      neutralScore: 50,
      minCoverage: 0,
      gates: [],
    })
    expect(healthScore([{ accountId: 1, values: { x: 30 } }], { definition: d }).value).toBe(30)
  })
  it('healthScore names unknown options and a missing definition', () => {
    expect(() => healthScore([], {} as never)).toThrow('healthScore expected `options.definition`')
    expect(() => healthScore([], { definition: { measures: [] }, bands: [] } as never)).toThrow(
      /only the keys definition, definitions/,
    )
    expect(() => healthScore([], { definition: { measures: [] } })).toThrow(
      'healthScore expected `options.definition.measures`',
    )
  })
})

describe('explainHealthChange and healthMovers', () => {
  const definition = {
    groups: [
      { id: 'support', weight: 1 },
      { id: 'usage', weight: 1 },
    ],
    measures: [
      {
        id: 'frtP90',
        group: 'support',
        weight: 1,
        normaliser: { type: 'linear', min: 0, max: 10, better: 'lower' },
      },
      { id: 'csat', group: 'support', weight: 1, normaliser: score },
      { id: 'logins', group: 'usage', weight: 1, normaliser: score },
    ],
    gates: [{ id: 'cap', measure: 'csat', when: { lt: 20 }, cap: 30 }],
  } as const
  const at = (accountId: string, values: Record<string, number>) =>
    healthScore([{ accountId, values }], { definition }).accounts[0] as HealthAccountScore
  it('splits the change into parts per measure that add up to it exactly, with the raw movement', () => {
    const before = at('acme', { frtP90: 2, csat: 80, logins: 70 })
    const after = at('acme', { frtP90: 9, csat: 75, logins: 71 })
    const c = explainHealthChange(before, after)
    expect(c.parts.reduce((s, p) => s + p.points, 0)).toBe(c.weightedDelta)
    expect(c.delta).toBe((after.value as number) - (before.value as number))
    expect(c.direction).toBe('down')
    // frt p90 went 2 → 9 on 0–10 lower-is-better: score 80 → 10, at weight 1/4: −17.5 points.
    expect(c.parts[0]).toMatchObject({ id: 'frtP90', fromScore: -17.5, fromWeight: 0 })
    expect(c.parts[0]?.points).toBeCloseTo(-17.5, 12)
    expect(c.parts[0]?.text).toBe('−17.5 points from frtP90 (support): 2 → 9')
    for (const p of c.parts) expect(p.fromScore + p.fromWeight).toBeCloseTo(p.points, 12)
  })
  it('names the part due to weights shifting when a measure becomes missing, and the gates apart', () => {
    const before = at('acme', { frtP90: 2, csat: 80, logins: 70 })
    const after = at('acme', { frtP90: 2, logins: 70 })
    const c = explainHealthChange(before, after)
    const csat = c.parts.find((p) => p.id === 'csat')
    // csat left (−80 × 1/4 = −20); frt's weight rose from 1/4 to 1/2 at score 80 (+20): a net change of 0.
    expect(csat).toMatchObject({
      points: -20,
      fromScore: 0,
      fromWeight: -20,
      after: { score: null, weight: 0 },
    })
    expect(c.parts.find((p) => p.id === 'frtP90')?.fromWeight).toBeCloseTo(20, 12)
    expect(c.weightedDelta).toBeCloseTo(0, 12)
    const gated = at('acme', { frtP90: 2, csat: 10, logins: 70 })
    const g = explainHealthChange(before, gated)
    expect(g.gates).toBeCloseTo(30 - (gated.weighted as number), 12)
    expect((g.weightedDelta as number) + (g.gates as number)).toBeCloseTo(g.delta as number, 12)
  })
  it('ranks the movers of a portfolio, largest first, by direction', () => {
    const q1 = healthScore(
      [
        { accountId: 'a', values: { frtP90: 2, csat: 80, logins: 70 } },
        { accountId: 'b', values: { frtP90: 2, csat: 80, logins: 70 } },
        { accountId: 'c', values: { frtP90: 2, csat: 80, logins: 70 } },
      ],
      { definition },
    )
    const q2 = healthScore(
      [
        { accountId: 'a', values: { frtP90: 4, csat: 80, logins: 70 } },
        { accountId: 'b', values: { frtP90: 2, csat: 90, logins: 90 } },
        { accountId: 'c', values: { frtP90: 9, csat: 80, logins: 70 } },
        { accountId: 'd', values: { frtP90: 9, csat: 80, logins: 70 } },
      ],
      { definition },
    )
    expect(healthMovers(q1, q2).map((m) => m.accountId)).toEqual(['c', 'b', 'a'])
    expect(healthMovers(q1, q2, { direction: 'down', top: 1 }).map((m) => m.accountId)).toEqual(['c'])
    expect(healthMovers(q1, q2, { direction: 'up' }).map((m) => m.accountId)).toEqual(['b'])
    expect(() => healthMovers(q1, q2, { top: -1 })).toThrow(RangeError)
    expect(() => healthMovers(q1, q2, { tops: 3 } as never)).toThrow(/did you mean `top`/)
  })
})

describe('healthBacktest against R (pROC, wilcox.test, prop.test)', () => {
  const csv = readFileSync(new URL('../../test/fixtures/health/backtest.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
  const rows = csv.map((line) => {
    const [s, c, support, band] = line.split(',')
    return {
      score: Number(s),
      churned: c === '1',
      band: band as string,
      measures: { support: Number(support) },
    }
  })
  const r = JSON.parse(
    readFileSync(new URL('../../test/fixtures/health/backtest-r.json', import.meta.url), 'utf8'),
  )
  const b = healthBacktest(rows)
  it('gives pROC’s AUC and DeLong interval, and the Mann–Whitney W', () => {
    expect(b.value).toBeCloseTo(r.score.auc, 12)
    expect(b.auc.ci?.lower).toBeCloseTo(r.score.lower, 10)
    expect(b.auc.ci?.upper).toBeCloseTo(r.score.upper, 10)
    const churned = rows.filter((x) => x.churned).length
    expect((b.value as number) * churned * (rows.length - churned)).toBeCloseTo(r.score.W, 6)
    expect(b.measures[0]).toMatchObject({ id: 'support' })
    expect(b.measures[0]?.value).toBeCloseTo(r.support.auc, 12)
    expect(b.measures[0]?.ci?.lower).toBeCloseTo(r.support.lower, 10)
    expect(b.separates).toBe(true)
    expect(b.verdict).toMatch(/^The score separates churners: AUC 0\.73/)
  })
  it('gives churn per band with Wilson intervals (prop.test), worst band first, and its lift', () => {
    expect(b.bands.map((x) => x.id)).toEqual(['red', 'yellow', 'green'])
    for (const band of b.bands) {
      expect(band).toMatchObject({ n: r.bands[band.id].n, churned: r.bands[band.id].churned })
      expect(band.ci?.lower).toBeCloseTo(r.bands[band.id].lower, 10)
      expect(band.ci?.upper).toBeCloseTo(r.bands[band.id].upper, 10)
    }
    expect(b.lift).toBeCloseTo(24 / 36 / (106 / 400), 12)
  })
  it('gives a calibration table by decile, lowest scores first, ties kept together', () => {
    expect(b.calibration.reduce((s, x) => s + x.n, 0)).toBe(400)
    expect(b.calibration.reduce((s, x) => s + x.churned, 0)).toBe(106)
    for (let i = 1; i < b.calibration.length; i++)
      expect((b.calibration[i]?.from as number) > (b.calibration[i - 1]?.to as number)).toBe(true)
    expect(healthBacktest(rows, { groups: 4 }).calibration).toHaveLength(4)
    expect((b.calibration[0]?.rate as number) > (b.calibration.at(-1)?.rate as number)).toBe(true)
  })
  it('says so plainly when the score does not separate churners, and null when one outcome is missing', () => {
    const random = rows.map((x, i) => ({ score: (i * 37) % 101, churned: x.churned }))
    const n = healthBacktest(random)
    expect(n.separates).toBe(false)
    expect(n.verdict).toMatch(/^The score does not separate churners/)
    expect(healthBacktest([{ score: 50, churned: false }])).toMatchObject({
      value: null,
      reason: 'one-outcome',
    })
    expect(healthBacktest([])).toMatchObject({ value: null, reason: 'no-data' })
    expect(
      healthBacktest([
        { score: null, churned: true },
        { score: 120, churned: false },
      ]),
    ).toMatchObject({
      reason: 'all-excluded',
      excluded: { missing: 1, invalid: 1 },
    })
    // The level is used: a 90 % interval is narrower.
    const ninety = healthBacktest(rows, { level: 0.9 })
    expect((ninety.auc.ci?.lower as number) > (b.auc.ci?.lower as number)).toBe(true)
  })
  it('counts ties half (the spec example)', () => {
    expect(
      healthBacktest([
        { score: 80, churned: false },
        { score: 30, churned: true },
        { score: 60, churned: false },
        { score: 60, churned: true },
      ]).value,
    ).toBe(0.875)
  })
})
