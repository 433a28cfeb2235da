// One result of every kind, over the sample data: what examples/notebook.ts, the notebook
// (examples/notebooks/cx-metrics.ipynb) and the browser check display. Pure: it takes the data, so that
// Node, Deno, Bun and a browser bundle compute the same numbers.

import type {
  ByKeyResult,
  ChurnRateResult,
  CodeFrameInput,
  CohortRetentionResult,
  CombinedResult,
  CsatResult,
  FirstReplyTimeResult,
  HealthPortfolio,
  HealthTrend,
  NpsResult,
  PeriodSeries,
  SurvivalResult,
  ThemesResult,
  TrailingResult,
} from 'cx-metrics'
import {
  byKey,
  byPeriod,
  churnRate,
  codeFrame,
  cohortRetention,
  combine,
  csatAggregator,
  customerLifetimes,
  firstReplyTimeAggregator,
  fold,
  healthDefinition,
  healthScore,
  healthTrend,
  nps,
  npsAggregator,
  periodRange,
  survival,
  themes,
  trailing,
} from 'cx-metrics'
import type { SampleData, SurveyResponse, Ticket } from './data/generate.ts'

export const timeZone: string = 'America/Sao_Paulo'
export const range: { readonly from: string; readonly to: string } = {
  from: '2024-01-01T00:00:00-03:00',
  to: '2026-01-01T00:00:00-03:00',
}
export const asOf: string = '2025-11-20T00:00:00-03:00'

/** One result of every kind. */
export interface Gallery {
  readonly npsOverall: NpsResult
  readonly npsByQuarter: PeriodSeries<NpsResult>
  readonly npsByPlan: ByKeyResult<NpsResult>
  readonly npsByQuarterAndPlan: PeriodSeries<ByKeyResult<NpsResult>>
  readonly firstReplyByMonth: PeriodSeries<FirstReplyTimeResult>
  readonly csatTrailing: TrailingResult<CsatResult>
  readonly survey: CombinedResult<{ nps: NpsResult; csat: CsatResult }>
  readonly churnByMonth: ChurnRateResult | PeriodSeries<ChurnRateResult>
  readonly cohorts: CohortRetentionResult
  readonly survival: SurvivalResult
  readonly health: HealthPortfolio
  readonly trend: HealthTrend
  readonly themes: ThemesResult
}

/** The results, by name. */
export function gallery(data: SampleData, frameInput: CodeFrameInput): Gallery {
  const answered = data.surveys.filter((s) => s.answeredAt !== null)
  const npsAnswers = answered.filter((s) => s.survey === 'nps')
  const score = (s: SurveyResponse) => s.score
  const at = (s: SurveyResponse) => s.answeredAt as string
  const plan = new Map(data.subscriptions.map((s) => [s.customerId, s.plan]))
  const segment = (s: SurveyResponse) => plan.get(s.customerId) ?? 'unknown'
  const npsByQuarter = fold(
    byPeriod(npsAggregator(score), { date: at, unit: 'quarter', timeZone, range, asOf }),
    npsAnswers,
  )
  const npsByPlan = fold(byKey(npsAggregator(score), segment), npsAnswers)
  const npsByQuarterAndPlan = fold(
    byPeriod(byKey(npsAggregator(score), segment), { date: at, unit: 'quarter', timeZone, range, asOf }),
    npsAnswers,
  )
  const replies = fold(
    byPeriod(
      firstReplyTimeAggregator((t: Ticket) => t),
      { date: (t) => t.createdAt, unit: 'month', timeZone, range },
    ),
    data.tickets,
  )
  const csatTrailing = fold(
    trailing(csatAggregator(score), {
      date: at,
      days: 30,
      count: 6,
      asOf: '2026-01-01T00:00:00-03:00',
      timeZone,
    }),
    answered.filter((s) => s.survey === 'csat'),
  )
  const survey = fold(combine({ nps: npsAggregator(score), csat: csatAggregator(score) }), [])
  const lifetimes = customerLifetimes(data.subscriptions, { asOf: range.to, durationUnit: 'month' })
  const definition = healthDefinition({
    id: 'gallery-health',
    version: '1',
    measures: [
      { id: 'logins', weight: 2, normaliser: { type: 'linear', min: 0, max: 20, better: 'higher' } },
      { id: 'adoption', weight: 1, normaliser: { type: 'goal', target: 0.8, better: 'higher' } },
    ],
  })
  const usageIn = (month: string) => data.usage.filter((u) => u.month === month)
  const snapshot = (month: string) =>
    healthScore(
      usageIn(month).map((u) => ({
        accountId: u.customerId,
        values: {
          logins: u.activeSeats === 0 ? 0 : u.logins / u.activeSeats,
          adoption: u.seats === 0 ? null : u.activeSeats / u.seats,
        },
      })),
      { definition },
    )
  const months = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']
  const health = snapshot('2025-12')
  const trend = healthTrend(
    months.flatMap((m) =>
      snapshot(m).accounts.map((a) => ({
        accountId: a.accountId,
        at: periodRange(m, { timeZone }).end - 1,
        value: a,
      })),
    ),
    { unit: 'month', timeZone },
  )
  const npsOf = new Map(data.surveys.map((s) => [s.id, s.score]))
  const feedback = themes(
    data.comments,
    (c) => ({ text: c.text, language: c.language, score: npsOf.get(c.responseId) }),
    { codeFrame: codeFrame(frameInput), scoreMetric: 'nps' },
  )
  return {
    npsOverall: nps(npsAnswers, score),
    npsByQuarter,
    npsByPlan,
    npsByQuarterAndPlan,
    firstReplyByMonth: replies,
    csatTrailing,
    survey,
    churnByMonth: churnRate(data.subscriptions, { range, unit: 'month', timeZone }),
    cohorts: cohortRetention(data.subscriptions, { unit: 'quarter', timeZone, asOf: range.to }),
    survival: survival(lifetimes, { horizon: 12 }),
    health,
    trend,
    themes: feedback,
  }
}
