// Both call forms of every KPI, and honest result types: a series for a literal `range`, one result
// without one, and the union when the options' type does not say (options read from a file).

import type {
  AcquisitionCostResult,
  AcquisitionRecord,
  ChurnRateOptions,
  ChurnRateResult,
  PeriodSeries,
  Subscription,
  SurvivalObservation,
  TicketSummary,
  Transaction,
} from 'cx-metrics'
import * as cx from 'cx-metrics'
import { describe, expectTypeOf, it } from 'vitest'

type Row = { readonly score: number | null; readonly ticket: TicketSummary; readonly sub: Subscription }
declare const rows: Row[]
declare const scores: number[]
declare const tickets: TicketSummary[]
declare const subs: Subscription[]
declare const records: AcquisitionRecord[]
declare const observations: SurvivalObservation[]
declare const transactions: Transaction[]
const march = { period: '2024-03', unit: 'month' } as const
const range = { range: { from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, unit: 'month' } as const

describe('customerLifetimeValue', () => {
  it('takes the records first, with the models in the options, or an accessor to them', () => {
    const purchases = { r: 1, alpha: 1, a: 1, b: 1 }
    const spend = { p: 1, q: 2, gamma: 1 }
    const summaries = [{ customerId: 'a', frequency: 1, recency: 1, T: 2, monetaryValue: 3 }]
    expectTypeOf(cx.customerLifetimeValue(summaries, { purchases, spend, horizon: 12 })).toEqualTypeOf<
      cx.CustomerValue[]
    >()
    cx.customerLifetimeValue([{ s: summaries[0] as cx.CustomerSummary }], (x) => x.s, {
      purchases,
      spend,
      horizon: 1,
    })
    // @ts-expect-error the models are options
    cx.customerLifetimeValue(purchases, spend, summaries, { horizon: 12 })
  })
})

describe('the two call forms', () => {
  it('give the same result type with options second or an accessor then options', () => {
    expectTypeOf(cx.nps(scores, { minN: 30 })).toEqualTypeOf<cx.NpsResult>()
    expectTypeOf(cx.nps(rows, (r) => r.score, { minN: 30 })).toEqualTypeOf<cx.NpsResult>()
    expectTypeOf(cx.csat(scores, { method: 'mean' })).toEqualTypeOf<cx.CsatResult>()
    expectTypeOf(cx.csat(rows, (r) => r.score)).toEqualTypeOf<cx.CsatResult>()
    expectTypeOf(cx.ces(scores)).toEqualTypeOf<cx.CesResult>()
    expectTypeOf(cx.ces(rows, (r) => r.score, { method: 'net' })).toEqualTypeOf<cx.CesResult>()
    expectTypeOf(cx.acsi([[9, 8, 7]], { weights: [1, 1, 1] })).toEqualTypeOf<cx.AcsiResult>()
    expectTypeOf(cx.acsi(rows, (r) => [r.score, r.score, r.score])).toEqualTypeOf<cx.AcsiResult>()
    // @ts-expect-error an ACSI response is an array of scores
    cx.acsi(scores)
    expectTypeOf(cx.responseRate([true, false])).toEqualTypeOf<cx.ResponseRateResult>()
    expectTypeOf(cx.responseRate(rows, (r) => r.score !== null)).toEqualTypeOf<cx.ResponseRateResult>()
    expectTypeOf(cx.firstReplyTime(tickets)).toEqualTypeOf<cx.FirstReplyTimeResult>()
    expectTypeOf(
      cx.firstReplyTime(rows, (r) => r.ticket, { method: 'p90' }),
    ).toEqualTypeOf<cx.FirstReplyTimeResult>()
    expectTypeOf(cx.resolutionTime(tickets)).toEqualTypeOf<cx.ResolutionTimeResult>()
    expectTypeOf(cx.resolutionTime(rows, (r) => r.ticket)).toEqualTypeOf<cx.ResolutionTimeResult>()
    expectTypeOf(cx.firstContactResolution(tickets)).toEqualTypeOf<cx.FirstContactResolutionResult>()
    expectTypeOf(
      cx.firstContactResolution(rows, (r) => r.ticket),
    ).toEqualTypeOf<cx.FirstContactResolutionResult>()
    expectTypeOf(cx.slaAttainment(tickets, { targetMs: 1 })).toEqualTypeOf<cx.SlaAttainmentResult>()
    // The target function reads the record as given: its own fields are typed.
    const withPriority = tickets.map((t) => ({ ...t, priority: 'urgent' as 'urgent' | 'normal' }))
    cx.slaAttainment(withPriority, { targetMs: (t) => (t.priority === 'urgent' ? 1 : 4) * 3_600_000 })
    cx.slaAttainment(rows, (r) => r.ticket, { targetMs: (r) => (r.score === null ? 1 : 2) })
    expectTypeOf(
      cx.slaAttainment(rows, (r) => r.ticket, { targetMs: 1 }),
    ).toEqualTypeOf<cx.SlaAttainmentResult>()
    expectTypeOf(cx.churnRate(subs, march)).toEqualTypeOf<ChurnRateResult>()
    expectTypeOf(cx.churnRate(rows, (r) => r.sub, march)).toEqualTypeOf<ChurnRateResult>()
    expectTypeOf(cx.retentionRate(subs, march)).toEqualTypeOf<cx.RetentionRateResult>()
    expectTypeOf(cx.retentionRate(rows, (r) => r.sub, march)).toEqualTypeOf<cx.RetentionRateResult>()
    expectTypeOf(cx.mrrMovements(subs, march)).toEqualTypeOf<cx.MrrMovementsResult>()
    expectTypeOf(cx.mrrMovements(rows, (r) => r.sub, march)).toEqualTypeOf<cx.MrrMovementsResult>()
    expectTypeOf(cx.revenueRetention(subs, march)).toEqualTypeOf<cx.RevenueRetentionResult>()
    expectTypeOf(cx.revenueRetention(rows, (r) => r.sub, march)).toEqualTypeOf<cx.RevenueRetentionResult>()
    expectTypeOf(cx.mrr(subs, { at: 0 })).toEqualTypeOf<cx.MrrResult>()
    expectTypeOf(cx.mrr(rows, (r) => r.sub, { at: 0 })).toEqualTypeOf<cx.MrrResult>()
    expectTypeOf(cx.cohortRetention(subs, { unit: 'month' })).toEqualTypeOf<cx.CohortRetentionResult>()
    expectTypeOf(
      cx.cohortRetention(rows, (r) => r.sub, { unit: 'month' }),
    ).toEqualTypeOf<cx.CohortRetentionResult>()
    expectTypeOf(cx.growth([1, 2, 3])).toEqualTypeOf<cx.GrowthResult>()
    expectTypeOf(cx.growth(rows, (r) => r.score, { method: 'cmgr' })).toEqualTypeOf<cx.GrowthResult>()
    expectTypeOf(cx.survival(observations)).toEqualTypeOf<cx.SurvivalResult>()
    expectTypeOf(cx.survival(rows, () => ({ time: 1, event: true }))).toEqualTypeOf<cx.SurvivalResult>()
    expectTypeOf(cx.acquisitionCost(records, march)).toEqualTypeOf<AcquisitionCostResult>()
    expectTypeOf(
      cx.acquisitionCost(rows, () => records[0] as AcquisitionRecord, march),
    ).toEqualTypeOf<AcquisitionCostResult>()
    expectTypeOf(cx.rfmSummary(transactions, { calibrationEnd: 0 })).toEqualTypeOf<cx.RfmSummaryResult>()
    expectTypeOf(
      cx.rfmSummary(rows, () => transactions[0] as Transaction, { calibrationEnd: 0 }),
    ).toEqualTypeOf<cx.RfmSummaryResult>()
    // @ts-expect-error an accessor that returns an object where a score is read
    cx.nps(rows, (r) => r.ticket)
  })

  it('say what each result is in its kind', () => {
    expectTypeOf(cx.nps(scores).kind).toEqualTypeOf<'result'>()
    expectTypeOf(cx.survival(observations).kind).toEqualTypeOf<'figure'>()
    expectTypeOf(cx.cohortRetention(subs, { unit: 'month' }).kind).toEqualTypeOf<'table'>()
    expectTypeOf(cx.churnRate(subs, range).kind).toEqualTypeOf<'series'>()
    expectTypeOf(cx.nps(scores).reason).toEqualTypeOf<cx.NullReason | null>()
  })
})

describe('honest result types', () => {
  it('are a series for a range, one result without, and the union when the options do not say', () => {
    expectTypeOf(cx.churnRate(subs, range)).toEqualTypeOf<
      PeriodSeries<ChurnRateResult, 'churnRate', cx.SubscriptionExclusion>
    >()
    expectTypeOf(cx.churnRate(subs, march)).toEqualTypeOf<ChurnRateResult>()
    const fromFile = JSON.parse('{}') as ChurnRateOptions
    expectTypeOf(cx.churnRate(subs, fromFile)).toEqualTypeOf<
      ChurnRateResult | PeriodSeries<ChurnRateResult, 'churnRate', cx.SubscriptionExclusion>
    >()
    // @ts-expect-error `value` may be a series: narrow on `kind` first
    cx.churnRate(subs, fromFile).value
    const r = cx.churnRate(subs, fromFile)
    if (r.kind === 'result') expectTypeOf(r.value).toEqualTypeOf<number | null>()
    else expectTypeOf(r.periods[0]?.result.value).toEqualTypeOf<number | null | undefined>()
  })

  it('let comparePeriods take a KPI series, a byPeriod result and a rolling result', () => {
    expectTypeOf(cx.comparePeriods(cx.churnRate(subs, range))).toEqualTypeOf<cx.PeriodComparison[]>()
    const monthly = cx.byPeriod(
      cx.npsAggregator((r: Row) => r.score),
      { date: () => 0, unit: 'month' },
    )
    expectTypeOf(cx.comparePeriods(cx.fold(monthly, rows))).toEqualTypeOf<cx.PeriodComparison[]>()
    const state = cx.accumulate(monthly, rows)
    expectTypeOf(cx.comparePeriods(cx.rolling(monthly, state, { size: 3 }))).toEqualTypeOf<
      cx.PeriodComparison[]
    >()
  })
})
