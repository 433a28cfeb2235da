// healthTrend: snapshots per period (last or mean, never a sum), deltas, Gainsight's arrows and the slope,
// whose expected values are R's `coef(lm(y ~ x))` (printed in each case).
import { type HealthSnapshot, healthScore, healthTrend } from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const acme: HealthSnapshot[] = [
  { accountId: 'acme', at: '2024-01-10T00:00:00Z', value: 90 },
  { accountId: 'acme', at: '2024-01-25T00:00:00Z', value: 70 },
  { accountId: 'acme', at: '2024-02-20T00:00:00Z', value: 74 },
  { accountId: 'acme', at: '2024-04-02T00:00:00Z', value: 71 },
  { accountId: 'acme', at: '2024-05-30T00:00:00Z', value: 60 },
]
const line = (t: ReturnType<typeof healthTrend>, id = 'acme') =>
  t.accounts.find((a) => a.accountId === id)?.points ?? []

describe('healthTrend', () => {
  it("takes the period's last snapshot by default, and never sums", () => {
    const t = healthTrend(acme, { unit: 'month' })
    expect(t.kind).toBe('trend')
    expect(t.periods.map((p) => p.key)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'])
    expect(line(t).map((p) => p.value)).toEqual([70, 74, null, 71, 60])
    expect(line(t).map((p) => p.n)).toEqual([2, 1, 0, 1, 1])
    expect(t.value).toBe(60)
    expect(t.n).toBe(5)
  })

  it("snapshot: 'mean' takes the mean of the period's snapshots", () => {
    const t = healthTrend(acme, { unit: 'month', snapshot: 'mean' })
    expect(line(t)[0]?.value).toBe(80)
    expect(t.variant.snapshot).toBe('mean')
  })

  it('compares each snapshot with the previous one, over gaps, with up/down/flat arrows', () => {
    const t = healthTrend(acme, { unit: 'month' })
    expect(line(t).map((p) => [p.previous, p.delta, p.direction])).toEqual([
      [null, null, null],
      ['2024-01', 4, 'up'],
      [null, null, null],
      ['2024-02', -3, 'down'],
      ['2024-04', -11, 'down'],
    ])
  })

  it('flat: a change within the tolerance is flat', () => {
    const t = healthTrend(acme, { unit: 'month', flat: 3 })
    expect(line(t).map((p) => p.direction)).toEqual([null, 'up', null, 'flat', 'down'])
    expect(healthTrend(acme, { unit: 'month', flat: 4 }).accounts[0]?.points[1]?.direction).toBe('flat')
  })

  it('slopeOver: the least-squares slope over the last k snapshots, in points per period (R lm)', () => {
    // x = period index (0, 1, 3, 4: March has no snapshot), y = 70, 74, 71, 60.
    // R: coef(lm(c(70, 74, 71, 60) ~ c(0, 1, 3, 4)))[2] = -2.3; over the last 3, lm(c(74, 71, 60) ~ c(1, 3, 4)) = -4.2142857142857251
    expect(healthTrend(acme, { unit: 'month', slopeOver: 4 }).accounts[0]?.latest?.slope).toBeCloseTo(
      -2.3,
      12,
    )
    expect(healthTrend(acme, { unit: 'month', slopeOver: 3 }).accounts[0]?.latest?.slope).toBeCloseTo(
      -4.2142857142857251,
      12,
    )
    expect(healthTrend(acme, { unit: 'month' }).accounts[0]?.latest?.slope).toBeNull()
    // A first snapshot has no slope.
    expect(healthTrend(acme, { unit: 'month', slopeOver: 3 }).accounts[0]?.points[0]?.slope).toBeNull()
  })

  it('timeZone decides the period of a snapshot', () => {
    const s = [{ accountId: 'a', at: '2024-01-31T23:30:00-05:00', value: 50 }]
    expect(healthTrend(s, { unit: 'month' }).periods[0]?.key).toBe('2024-02')
    expect(healthTrend(s, { unit: 'month', timeZone: 'America/New_York' }).periods[0]?.key).toBe('2024-01')
  })

  it('inputTimeZone reads timestamps without an offset', () => {
    const s = [{ accountId: 'a', at: '2024-01-31 23:30:00', value: 50 }]
    expect(healthTrend(s, { unit: 'month' }).excluded.invalid).toBe(1)
    expect(healthTrend(s, { unit: 'month', inputTimeZone: 'America/New_York' }).periods[0]?.key).toBe(
      '2024-02',
    )
  })

  it('range lists every period of the range and counts snapshots outside it', () => {
    const t = healthTrend(acme, {
      unit: 'month',
      range: { from: '2024-02-01T00:00:00Z', to: '2024-07-01T00:00:00Z' },
    })
    expect(t.periods.map((p) => p.key)).toEqual(['2024-02', '2024-03', '2024-04', '2024-05', '2024-06'])
    expect(t.excluded.outOfRange).toBe(2)
    expect(t.n).toBe(3)
    expect(t.value).toBe(60)
  })

  it('asOf marks the period not over and leaves later snapshots out', () => {
    const t = healthTrend(acme, { unit: 'month', asOf: '2024-04-15T00:00:00Z' })
    expect(t.periods.at(-1)?.complete).toBe(false)
    expect(t.excluded.outOfRange).toBe(1)
    expect(t.value).toBe(71)
  })

  it('weekStartsOn and the unit choose the periods', () => {
    const s = [{ accountId: 'a', at: '2024-01-07T12:00:00Z', value: 50 }] // a Sunday
    expect(healthTrend(s, { unit: 'week' }).periods[0]?.key).toBe('2024-W01')
    expect(healthTrend(s, { unit: 'week', weekStartsOn: 0 }).periods[0]?.start).toBe(Date.UTC(2024, 0, 7))
    expect(healthTrend(s, { unit: 'quarter' }).periods[0]?.key).toBe('2024-Q1')
  })

  it('the portfolio is the mean score of the accounts in each period', () => {
    const t = healthTrend(
      [
        ...acme,
        { accountId: 'beta', at: '2024-01-05T00:00:00Z', value: 40 },
        { accountId: 'beta', at: '2024-02-05T00:00:00Z', value: 50 },
      ],
      { unit: 'month' },
    )
    expect(t.portfolio.slice(0, 2).map((p) => [p.value, p.n, p.delta])).toEqual([
      [55, 2, null],
      [62, 2, 7],
    ])
  })

  it("reads healthScore's account scores and counts every bad snapshot by reason", () => {
    const definition = { measures: [{ id: 'u', weight: 1, normaliser: { type: 'score' } }] } as const
    const [scored, unscored] = healthScore(
      [
        { accountId: 'x', values: { u: 64 } },
        { accountId: 'y', values: {} },
      ],
      { definition },
    ).accounts
    const t = healthTrend(
      [
        { accountId: 'x', at: '2024-01-01T00:00:00Z', value: scored ?? null },
        { accountId: 'y', at: '2024-01-01T00:00:00Z', value: unscored ?? null },
        { accountId: 'z', at: '2024-01-01T00:00:00Z', value: 101 },
        { accountId: 'z', at: '2024-01-01T00:00:00Z', value: Number.NaN },
        { accountId: '', at: '2024-01-01T00:00:00Z', value: 5 },
        { accountId: 'z', at: 'soon', value: 5 },
        { accountId: 'z', at: null as never, value: 5 },
        null as never,
      ],
      { unit: 'month' },
    )
    expect(t.accounts.map((a) => [a.accountId, a.latest?.value])).toEqual([['x', 64]])
    expect(t.excluded).toEqual({ missing: 3, invalid: 4, outOfRange: 0 })
  })

  it('ids are data: __proto__ and constructor are accounts like any other', () => {
    const t = healthTrend(
      ['__proto__', 'constructor', 'toString'].map((accountId) => ({
        accountId,
        at: '2024-01-01T00:00:00Z',
        value: 50,
      })),
      { unit: 'day' },
    )
    expect(t.accounts.map((a) => a.accountId).sort()).toEqual(['__proto__', 'constructor', 'toString'])
    expect(({} as Record<string, unknown>).value).toBeUndefined()
  })

  it('does not depend on the order of the snapshots, ties at one instant averaged', () => {
    const s = [...acme, { accountId: 'acme', at: '2024-01-25T00:00:00Z', value: 80 }]
    const forward = healthTrend(s, { unit: 'month' })
    expect(line(forward)[0]?.value).toBe(75)
    expect(healthTrend([...s].reverse(), { unit: 'month' })).toEqual(forward)
  })

  it('the accessor form', () => {
    const rows = acme.map((s) => ({ who: s.accountId, when: s.at, score: s.value }))
    expect(
      healthTrend(rows, (r) => ({ accountId: r.who, at: r.when, value: r.score }), { unit: 'month' }),
    ).toEqual(healthTrend(acme, { unit: 'month' }))
  })

  it('empty input is null with a reason', () => {
    expect(healthTrend([], { unit: 'month' })).toMatchObject({ value: null, reason: 'no-data', accounts: [] })
    expect(healthTrend([{ accountId: 'a', at: 'x', value: 1 }], { unit: 'month' }).reason).toBe(
      'all-excluded',
    )
  })

  it('wrong options throw, naming the function and the option', () => {
    expect(() => healthTrend(acme, undefined as never)).toThrow(/healthTrend.*options/)
    expect(() => healthTrend(acme, { unit: 'fortnight' as never })).toThrow(RangeError)
    expect(() => healthTrend(acme, { unit: 'month', slopeOver: 1 })).toThrow(/healthTrend.*slopeOver/)
    expect(() => healthTrend(acme, { unit: 'month', flat: -1 })).toThrow(/healthTrend.*flat/)
    expect(() => healthTrend(acme, { unit: 'month', snapshot: 'sum' as never })).toThrow(/snapshot/)
    expect(() => healthTrend(acme, { unit: 'month', bogus: 1 } as never)).toThrow(/healthTrend.*bogus/)
    expect(() => healthTrend(acme, { unit: 'month', range: { from: 'x', to: 'y' } })).toThrow(
      /healthTrend.*range/,
    )
    expect(() => healthTrend(42 as never, { unit: 'month' })).toThrow(/healthTrend.*snapshots/)
  })
})
