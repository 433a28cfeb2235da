// One test for each class of hostile input the fuzz suite found closed: the case that showed it, with the
// answer the library now gives.
import * as cx from 'cx-metrics'
import { describe, expect, it } from 'vitest'

describe('no NaN or Infinity in results', () => {
  it('rounds tiny values and refuses non-finite ones', () => {
    expect(cx.roundForDisplay(1e-7)).toBe(0)
    expect(cx.roundForDisplay(1e-7, 7)).toBe(1e-7)
    expect(cx.roundForDisplay(1.005, 2)).toBe(1.01)
    expect(cx.roundForDisplay(-12.5)).toBe(-13)
    expect(cx.roundForDisplay(1e300, 15)).toBe(1e300)
    expect(() => cx.roundForDisplay(Number.NaN)).toThrow(
      'roundForDisplay expected `value` to be a finite number',
    )
    expect(() => cx.roundForDisplay(undefined as never)).toThrow(TypeError)
  })
  it('refuses a sum that overflows, and distribution arguments outside their domain', () => {
    expect(() => cx.compensatedSum([1e308, 1e308, -1e308])).toThrow('compensatedSum expected `values`')
    expect(() => cx.compensatedSum(undefined as never)).toThrow(TypeError)
    expect(() => cx.normalQuantile(0)).toThrow(RangeError)
    expect(() => cx.normalQuantile(Number.NaN)).toThrow(TypeError)
    expect(() => cx.studentTQuantile(0.975, 0)).toThrow('studentTQuantile expected `degreesOfFreedom`')
    expect(() => cx.logGamma(0)).toThrow(RangeError)
    expect(() => cx.logGamma(1e308)).toThrow(RangeError)
    expect(() => cx.regularizedIncompleteBeta(2, 1, 1)).toThrow(RangeError)
    // Far tails stay numbers: t = −1.8e308 on one degree of freedom is the Cauchy tail 1/(π|t|), 0 here.
    expect(cx.studentTCdf(-Number.MAX_VALUE, 1)).toBeGreaterThanOrEqual(0)
    expect(cx.studentTCdf(-1e10, 1)).toBeCloseTo(1 / (Math.PI * 1e10), 20)
    // The smallest degrees of freedom, whose half is 0: the limit ν → 0, where the mass is at ±∞.
    for (const t of [0, 1, -3, 1e300]) expect(cx.studentTCdf(t, 5e-324)).toBe(0.5)
    expect(cx.studentTQuantile(0.5, 5e-324)).toBe(0)
    expect(() => cx.studentTQuantile(0.975, 5e-324)).toThrow('studentTQuantile expected `p`')
  })
  it('gives null, not Infinity, where a quotient overflows', () => {
    expect(cx.growth([5e-324, 1])).toMatchObject({ value: null, reason: 'zero-denominator' })
    expect(cx.ltvToCacRatio(1, 5e-324)).toMatchObject({ value: null, reason: 'zero-denominator' })
    expect(cx.churnRate([], { period: '2024-03', unit: 'month', denominator: 'daily-sum' })).toMatchObject({
      value: null,
      reason: 'no-data',
    })
  })
})

describe('nothing dropped or coerced silently', () => {
  it('counts agent replies that are not whole numbers as invalid', () => {
    const t = (agentReplies: unknown) => ({
      createdAt: '2024-03-01T00:00:00Z',
      solvedAt: '2024-03-01T01:00:00Z',
      agentReplies,
      reopens: 0,
    })
    const r = cx.firstContactResolution([Number.NaN, -1, 1.5, '1', 1].map(t) as never)
    expect(r).toMatchObject({ n: 2, successes: 2, excluded: { invalid: 3 } })
  })
  it('counts spend and customers outside the periods', () => {
    const records = [
      { at: '2024-01-05T00:00:00Z', amount: 100 },
      { at: '2024-03-05T00:00:00Z', amount: 50 },
      { customerId: 'a', acquiredAt: '2024-03-06T00:00:00Z' },
      { customerId: 'b', acquiredAt: '2024-05-06T00:00:00Z' },
    ]
    const r = cx.acquisitionCost(records, { period: '2024-03', unit: 'month' })
    expect(r).toMatchObject({ value: 50, spend: 50, newCustomers: 1, excluded: { outOfRange: 2 } })
  })
  it('keeps a channel named (none) apart from spend without a channel', () => {
    const records = [
      { at: '2024-03-01T00:00:00Z', amount: 100 },
      { at: '2024-03-01T00:00:00Z', amount: 30, channel: '(none)' },
      { customerId: 'a', acquiredAt: '2024-03-02T00:00:00Z' },
      { customerId: 'b', acquiredAt: '2024-03-02T00:00:00Z', channel: '(none)' },
    ]
    const r = cx.acquisitionCost(records, { period: '2024-03', unit: 'month', attribution: 'per-channel' })
    expect(r.channels).toEqual({
      '': { value: 100, exact: '100', spend: 100, newCustomers: 1 },
      '(none)': { value: 30, exact: '30', spend: 30, newCustomers: 1 },
    })
  })
  it('does not coerce null, true or strings to numbers in quantiles', () => {
    expect(() => cx.quantile([1, true as never], 0.5)).toThrow('quantile expected `values[1]`')
    expect(() => cx.quantileSorted([null as never], 0)).toThrow('quantileSorted expected `sorted`')
  })
  it('reads instants only within 1900–2199, never year 0050 as 1950', () => {
    const r = cx.nps([9, 10], (_, i) => (i === 0 ? 9 : 10))
    expect(r.n).toBe(2)
    const t = cx.firstReplyTime([
      { createdAt: '0050-01-01T00:00:00Z', firstReplyAt: '0050-01-01T01:00:00Z' },
      { createdAt: '2024-01-01T00:00:00Z', firstReplyAt: '2024-01-01T01:00:00Z' },
    ])
    expect(t).toMatchObject({ n: 1, value: 3_600_000, excluded: { invalid: 1 } })
    expect(() =>
      cx.churnRate([], { period: '2024-03', unit: 'month', asOf: '1850-01-01T00:00:00Z' }),
    ).toThrow(/churnRate expected `options.asOf`/)
  })
})

describe('arguments named', () => {
  it('mergeAll, and schedules inside a KPI, name the function that was called', () => {
    expect(() => cx.mergeAll(undefined as never, [])).toThrow('mergeAll expected `aggregator`')
    expect(() => cx.mergeAll(cx.npsAggregator(), 5 as never)).toThrow('mergeAll expected `states`')
    expect(() => cx.firstReplyTime([], { schedule: null as never })).toThrow(
      'firstReplyTime expected `options.schedule`',
    )
    expect(() => cx.firstReplyTime([], { schedule: { timeZone: 'Mars/Base', hours: {} } })).toThrow(
      /firstReplyTime expected `options\.schedule\.timeZone`/,
    )
  })
})

describe('states say what made them', () => {
  it('refuses to merge a daily byPeriod state into a monthly one, or one of another zone', () => {
    const score = (r: { at: string; score: number }) => r.score
    const rows = [{ at: '2024-03-05T12:00:00Z', score: 10 }]
    const monthly = cx.byPeriod(cx.npsAggregator(score), { date: (r) => r.at, unit: 'month' })
    const daily = cx.byPeriod(cx.npsAggregator(score), { date: (r) => r.at, unit: 'day' })
    const saoPaulo = cx.byPeriod(cx.npsAggregator(score), {
      date: (r) => r.at,
      unit: 'month',
      timeZone: 'America/Sao_Paulo',
    })
    const state = JSON.parse(JSON.stringify(cx.accumulate(daily, rows)))
    expect(() => monthly.merge(monthly.init(), state)).toThrow('byPeriod: cannot merge')
    expect(() => monthly.merge(monthly.init(), cx.accumulate(saoPaulo, rows))).toThrow(cx.KpiError)
    const again = cx.byPeriod(cx.npsAggregator(score), { date: (r) => r.at, unit: 'month' })
    expect(again.result(monthly.merge(monthly.init(), cx.accumulate(again, rows))).periods).toHaveLength(1)
  })
})

describe('states say what made them, in every KPI whose options decide what its state holds', () => {
  const refuses = (a: cx.Aggregator<never, unknown, unknown>, b: cx.Aggregator<never, unknown, unknown>) =>
    expect(() => a.merge(a.init(), JSON.parse(JSON.stringify(b.init())))).toThrow(
      expect.objectContaining({ code: 'incompatible-state' }),
    )
  const ticket = { createdAt: '2024-03-01T09:00:00Z', firstReplyAt: '2024-03-01T10:00:00Z' }
  const schedule = { timeZone: 'UTC', hours: { monday: [['09:00', '17:00']] } } as never
  it('CSAT: the scale and thresholds', () => {
    refuses(cx.csatAggregator(), cx.csatAggregator({ scale: '0-10' }))
    refuses(cx.csatAggregator(), cx.csatAggregator({ satisfiedThreshold: 5 }))
    // The same scale named and given as bounds with the same thresholds is the same state.
    const named = cx.csatAggregator({ scale: '1-5' })
    const custom = cx.csatAggregator({
      scale: { min: 1, max: 5 },
      satisfiedThreshold: 4,
      dissatisfiedThreshold: 2,
    })
    expect(named.result(named.merge(named.init(), custom.init())).n).toBe(0)
    // Options that only change how the result is read merge: another level or minN.
    const level = cx.csatAggregator({ level: 0.9 })
    expect(named.result(named.merge(named.init(), level.init())).n).toBe(0)
  })
  it('SLA attainment: the target, its clock and asOf', () => {
    const base = { metric: 'first-reply', targetMs: 3_600_000 } as const
    refuses(cx.slaAttainmentAggregator(base), cx.slaAttainmentAggregator({ ...base, targetMs: 60_000 }))
    refuses(cx.slaAttainmentAggregator(base), cx.slaAttainmentAggregator({ ...base, schedule }))
    refuses(
      cx.slaAttainmentAggregator(base),
      cx.slaAttainmentAggregator({ ...base, asOf: '2024-04-01T00:00:00Z' }),
    )
  })
  it('response times: the business-hours schedule', () => {
    refuses(cx.firstReplyTimeAggregator(), cx.firstReplyTimeAggregator({ schedule }))
    refuses(cx.resolutionTimeAggregator(), cx.resolutionTimeAggregator({ schedule }))
    const a = cx.firstReplyTimeAggregator({ schedule })
    const b = cx.firstReplyTimeAggregator({ schedule, method: 'median' })
    expect(a.result(a.merge(a.init(), cx.accumulate(b, [ticket]))).n).toBe(1)
  })
  it('FCR: the method and denominator; RFM: the zone; ACSI: the number of questions', () => {
    refuses(
      cx.firstContactResolutionAggregator(),
      cx.firstContactResolutionAggregator({ method: 'zendesk-lt2' }),
    )
    refuses(
      cx.firstContactResolutionAggregator(),
      cx.firstContactResolutionAggregator({ denominator: 'all' }),
    )
    const rfm = { calibrationEnd: '2024-06-01T00:00:00Z' }
    refuses(cx.rfmSummaryAggregator(rfm), cx.rfmSummaryAggregator({ ...rfm, timeZone: 'America/Sao_Paulo' }))
    refuses(cx.acsiAggregator(), cx.acsiAggregator({ weights: [1, 1, 1, 1] }))
  })
})

describe('the same items in any order give the same result', () => {
  const subscriptions = [
    { customerId: 'b', start: '2024-01-10T00:00:00Z', end: '2024-03-20T00:00:00Z', mrr: 20 },
    { customerId: 'a', start: '2024-01-05T00:00:00Z', end: null, mrr: 10 },
    { customerId: 'c', start: '2024-01-20T00:00:00Z', end: null, mrr: 30 },
    { customerId: '__proto__', start: '2024-02-01T00:00:00Z', end: null, mrr: 5 },
  ]
  const orders = [
    subscriptions,
    [...subscriptions].reverse(),
    [subscriptions[2], subscriptions[0], subscriptions[3], subscriptions[1]],
  ]
  it('lists cohort members and per-customer movements by customer id', () => {
    const cohorts = orders.map((s) =>
      cx.cohortRetention(s as never, { unit: 'month', asOf: '2024-05-01T00:00:00Z', members: true }),
    )
    expect(cohorts[0]?.cohorts[0]?.cells[0]?.members).toEqual(['a', 'b', 'c'])
    for (const c of cohorts) expect(c).toEqual(cohorts[0])
    const moves = orders.map((s) =>
      cx.mrrMovements(s as never, {
        unit: 'month',
        range: { from: '2024-01-01T00:00:00Z', to: '2024-05-01T00:00:00Z' },
        detail: true,
      }),
    )
    expect(moves[0]?.periods[0]?.result.customers?.map((m) => m.customerId)).toEqual(['a', 'b', 'c'])
    for (const m of moves) expect(m).toEqual(moves[0])
  })
  it('gives the bits of CSAT and CES means in one pass, in parts and in reverse', () => {
    const ratings = Array.from({ length: 1000 }, (_, i) => 1 + ((i * 7919) % 5))
    const one = cx.csat(ratings, { method: 'mean' })
    const agg = cx.csatAggregator({ method: 'mean' })
    const parts = [ratings.slice(0, 333), ratings.slice(333, 777), ratings.slice(777)].map((p) =>
      cx.accumulate(agg, p),
    )
    const merged = parts.reduceRight((s, p) => agg.merge(s, p), agg.init())
    expect(agg.result(merged)).toEqual(one)
    expect(cx.csat([...ratings].reverse(), { method: 'mean' })).toEqual(one)
    // The mean of the ratings: 3000 / 1000 exactly.
    expect(one.value).toBe(3)
    const ces = cx.ces(ratings.map((r) => r + 2))
    expect(cx.ces([...ratings].reverse().map((r) => r + 2))).toEqual(ces)
  })
})

describe('engine errors', () => {
  it('names an observation whose String() throws', () => {
    expect(() => cx.nps([Object.create(null)], { onInvalid: 'throw' })).toThrow(
      'nps: observation 0 is invalid (an object)',
    )
  })
  it('ticketSummaries refuses an event it cannot place, unless asked to skip it', () => {
    const good = { ticketId: 1, at: '2024-03-01T09:00:00Z', type: 'message', author: 'customer' } as const
    expect(() => cx.ticketSummaries([good, { ...good, at: '2024-13-01' }])).toThrow(
      'ticketSummaries: observation 1 is invalid ("2024-13-01")',
    )
    expect(() => cx.ticketSummaries([{ ...good, ticketId: undefined as never }])).toThrow(
      expect.objectContaining({ code: 'invalid-observation', reason: 'missing', index: 0 }),
    )
    expect(() => cx.ticketSummaries([null as never])).toThrow(cx.KpiError)
    expect(cx.ticketSummaries([good, { ...good, at: 'soon' }], { onInvalid: 'skip' })).toHaveLength(1)
  })
})
