import type { ScoreInput } from '../../src/core/result.ts'
// Every aggregator the library exports is listed here with a generator of its inputs; laws.prop.test.ts
// checks the aggregator laws on each, and laws.test.ts fails when an exported `…Aggregator` is missing.

import {
  accountLevel,
  acquisitionCostAggregator,
  acsiAggregator,
  byKey,
  byPeriod,
  ces,
  cesAggregator,
  churnRate,
  churnRateAggregator,
  codeFrame,
  cohortRetention,
  cohortRetentionAggregator,
  combine,
  csat,
  csatAggregator,
  customerLifetimes,
  customerLifetimesAggregator,
  firstContactResolution,
  firstContactResolutionAggregator,
  firstReplyTime,
  firstReplyTimeAggregator,
  growth,
  growthAggregator,
  type HealthDefinitionInput,
  healthScore,
  healthScoreAggregator,
  mapInput,
  mentionReplies,
  mentionRepliesAggregator,
  mentionVolume,
  mentionVolumeAggregator,
  mrr,
  mrrAggregator,
  mrrMovements,
  mrrMovementsAggregator,
  netSentiment,
  netSentimentAggregator,
  nps,
  npsAggregator,
  resolutionTime,
  resolutionTimeAggregator,
  responseRate,
  responseRateAggregator,
  retentionRate,
  retentionRateAggregator,
  revenueRetention,
  revenueRetentionAggregator,
  rfmSummary,
  rfmSummaryAggregator,
  type Subscription,
  shareOfVoice,
  shareOfVoiceAggregator,
  slaAttainment,
  slaAttainmentAggregator,
  survival,
  survivalAggregator,
  type TicketSummary,
  themes,
  themesAggregator,
  trailing,
} from 'cx-metrics'
import * as fc from 'fast-check'
import { _list, _sumCount } from '../../src/core/_testAggregators.ts'
import type { Aggregator } from '../../src/core/aggregator.ts'
import { _newYorkNineToFive } from '../../src/time/_testSchedules.ts'

export interface LawSubject {
  /** The export this subject covers (e.g. `npsAggregator`), or a description for combinator cases. */
  readonly name: string
  /** A fresh aggregator. */
  // biome-ignore lint/suspicious/noExplicitAny: subjects of every input type share one list
  readonly make: () => Aggregator<any, any, any>
  /** Inputs to feed it, invalid ones included. */
  readonly input: fc.Arbitrary<unknown>
  /** The simple call (`nps(items)`) that must equal `fold(make(), items)`, when there is one. */
  readonly direct?: (items: unknown[]) => unknown
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true })

/** Rows with a date of every kind: valid instants and strings, invalid strings, missing. */
const dated = fc.record({
  at: fc.oneof(
    fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
    fc
      .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) })
      .map((t) => new Date(t).toISOString()),
    fc.constantFrom(null, undefined, 'not a date', '2024-01-01T00:00:00', Number.NaN),
  ),
  v: fc.integer({ min: 0, max: 100 }),
  segment: fc.constantFrom('a', 'b', 'c', null),
})
type Dated = { at: unknown; v: number; segment: string | null }
const value = mapInput(_sumCount(), (row: Dated) => row.v)

export const subjects: LawSubject[] = [
  {
    name: 'combine (of a sum and an ordered list)',
    make: () => combine({ total: _sumCount(), items: _list<number>() }),
    input: finite,
  },
  {
    name: 'mapInput',
    make: () => mapInput(_sumCount(), (x: { v: number }) => x.v * 2),
    input: finite.map((v) => ({ v })),
  },
  {
    name: 'byPeriod',
    make: () =>
      byPeriod(value, {
        date: (row: Dated) => row.at as number,
        unit: 'month',
        timeZone: 'America/Sao_Paulo',
      }),
    input: dated,
  },
  {
    name: 'byPeriod (with range and asOf)',
    make: () =>
      byPeriod(value, {
        date: (row: Dated) => row.at as number,
        unit: 'week',
        range: { from: '2023-06-01T00:00:00Z', to: '2024-06-01T00:00:00Z' },
        asOf: '2024-03-01T00:00:00Z',
      }),
    input: dated,
  },
  { name: 'byKey', make: () => byKey(value, (row: Dated) => row.segment), input: dated },
  {
    name: 'trailing',
    make: () =>
      trailing(value, {
        date: (row: Dated) => row.at as number,
        days: 90,
        asOf: '2024-06-01T00:00:00Z',
        count: 3,
      }),
    input: dated,
  },
]

/** Scores as surveys deliver them: mostly on the scale, some off it, fractional, missing or not numbers. */
const score = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 11, -1, 7.5, Number.NaN, '9') },
)
const survey = fc.record({
  score,
  customer: fc.constantFrom('a', 'b', 'c', 'd', null),
  at: fc.oneof(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 10) }), fc.constant(null)),
})
type Survey = { score: ScoreInput; customer: string | null; at: number | null }
const directly = <R>(call: (items: unknown[]) => R) => call

subjects.push(
  {
    name: 'npsAggregator',
    make: () => npsAggregator(),
    input: score,
    direct: directly((xs) => nps(xs as number[])),
  },
  {
    name: 'npsAggregator (accessor, Wald, minN)',
    make: () => npsAggregator((r: Survey) => r.score, { interval: 'wald', minN: 3 }),
    input: survey,
    direct: directly((xs) => nps(xs as Survey[], (r) => r.score, { interval: 'wald', minN: 3 })),
  },
  {
    name: 'csatAggregator',
    make: () => csatAggregator(),
    input: score,
    direct: directly((xs) => csat(xs as never[])),
  },
  {
    name: 'csatAggregator (mean on 0–10)',
    make: () => csatAggregator({ method: 'mean', scale: '0-10' }),
    input: score,
    direct: directly((xs) => csat(xs as never[], { method: 'mean', scale: '0-10' })),
  },
  {
    name: 'acsiAggregator',
    make: () => acsiAggregator(),
    input: fc.oneof(
      fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 }),
      fc.constant(null),
    ),
  },
  {
    name: 'cesAggregator (net)',
    make: () => cesAggregator({ method: 'net' }),
    input: score,
    direct: directly((xs) => ces(xs as never[], { method: 'net' })),
  },
  {
    name: 'cesAggregator',
    make: () => cesAggregator(),
    input: score,
    direct: directly((xs) => ces(xs as never[])),
  },
  {
    name: 'responseRateAggregator',
    make: () => responseRateAggregator(),
    input: fc.constantFrom(true, false, null),
    direct: directly((xs) => responseRate(xs as (boolean | null)[])),
  },
  ...(['latest', 'first', 'mean', 'all'] as const).map((policy) => ({
    name: `accountLevel (${policy})`,
    make: () =>
      accountLevel(
        npsAggregator((r: Survey) => r.score),
        { account: (r) => r.customer, policy, date: (r) => r.at },
      ),
    input: survey,
  })),
)

/** Ticket summaries of every kind: answered or not, resolved or not, with bad dates and missing counts. */
const hour = 3_600_000
const ticket = fc
  .record({
    created: fc.integer({ min: Date.UTC(2024, 2, 1), max: Date.UTC(2024, 2, 20) }),
    reply: fc.option(fc.integer({ min: -hour, max: 80 * hour }), { nil: null }),
    solve: fc.option(fc.integer({ min: 0, max: 200 * hour }), { nil: null }),
    agentReplies: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    reopens: fc.integer({ min: 0, max: 2 }),
    requesterId: fc.constantFrom('r1', 'r2', 'r3', undefined),
    spam: fc.boolean(),
    badDate: fc.boolean(),
  })
  .map(
    (t): TicketSummary => ({
      createdAt: t.badDate ? '2024-03-01T00:00:00' : t.created,
      firstReplyAt: t.reply === null ? null : t.created + t.reply,
      solvedAt: t.solve === null ? null : t.created + t.solve,
      ...(t.agentReplies === undefined ? {} : { agentReplies: t.agentReplies }),
      reopens: t.reopens,
      ...(t.requesterId === undefined ? {} : { requesterId: t.requesterId }),
      ...(t.spam && t.reopens === 2 ? { spam: true } : {}),
    }),
  )
const schedule = _newYorkNineToFive()

subjects.push(
  {
    name: 'firstReplyTimeAggregator',
    make: () => firstReplyTimeAggregator({ schedule, targetMs: 4 * hour }),
    input: ticket,
    direct: directly((xs) => firstReplyTime(xs as TicketSummary[], { schedule, targetMs: 4 * hour })),
  },
  {
    name: 'resolutionTimeAggregator',
    make: () => resolutionTimeAggregator({ method: 'p90' }),
    input: ticket,
    direct: directly((xs) => resolutionTime(xs as TicketSummary[], { method: 'p90' })),
  },
  {
    name: 'firstContactResolutionAggregator',
    make: () => firstContactResolutionAggregator({ denominator: 'all' }),
    input: ticket,
    direct: directly((xs) => firstContactResolution(xs as TicketSummary[], { denominator: 'all' })),
  },
  {
    name: 'slaAttainmentAggregator',
    make: () => slaAttainmentAggregator({ targetMs: 4 * hour, schedule, asOf: Date.UTC(2024, 2, 25) }),
    input: ticket,
    direct: directly((xs) =>
      slaAttainment(xs as TicketSummary[], {
        targetMs: 4 * hour,
        schedule,
        asOf: Date.UTC(2024, 2, 25),
      }),
    ),
  },
  {
    name: 'firstContactResolutionAggregator (repeat-contact window)',
    make: () => firstContactResolutionAggregator({ method: 'repeat-contact-window', windowMs: 72 * hour }),
    input: ticket,
  },
)

/** Subscriptions as billing exports deliver them: several per customer, gaps, trials, free plans, junk. */
const day = 86_400_000
const subscription = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 7),
        subscriptionId: fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }),
        start: fc.integer({ min: Date.UTC(2023, 10, 1), max: Date.UTC(2024, 8, 1) }),
        days: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        cancelAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        amount: fc.constantFrom(0, 10, 29.99, 120, 1200, -5),
        billingInterval: fc.constantFrom('month', 'year', 'quarter', 'week', 6),
        quantity: fc.constantFrom(1, 2, 5),
        percentOff: fc.option(fc.constantFrom(10, 25), { nil: undefined }),
        trial: fc.boolean(),
      })
      .map(
        (r): Subscription => ({
          customerId: r.customerId,
          ...(r.subscriptionId === undefined ? {} : { subscriptionId: r.subscriptionId }),
          start: r.start,
          end: r.days === null ? null : r.start + r.days * day,
          cancelledAt: r.cancelAfter === null ? null : r.start + r.cancelAfter * day,
          amount: r.amount,
          billingInterval: r.billingInterval as 'month',
          quantity: r.quantity,
          ...(r.percentOff === undefined ? {} : { discount: { percentOff: r.percentOff } }),
          trial: r.trial && r.amount === 0,
          currency: 'USD',
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      {},
      { customerId: 'a', start: 'junk' },
      { customerId: 'b', start: 5, end: 1 },
    ),
  },
)
const subscriptions = (items: unknown[]) => items as Subscription[]
const monthly = {
  range: { from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' },
  unit: 'month',
} as const
const asOf = '2024-06-15T00:00:00Z'
const activity = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', null),
  at: fc.oneof(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 2, 1) }), fc.constant('nope')),
  event: fc.constantFrom('signup', 'login', 'other'),
})
const observation = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        time: fc.integer({ min: 1, max: 30 }),
        event: fc.boolean(),
        entry: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
        group: fc.constantFrom('x', 'y'),
      })
      .map((o) => (o.entry !== undefined && o.entry >= o.time ? { ...o, entry: undefined } : o)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, { time: Number.NaN, event: true }, { time: 3, event: 'yes' }),
  },
)

subjects.push(
  {
    name: 'churnRateAggregator',
    make: () => churnRateAggregator({ ...monthly, asOf }),
    input: subscription,
    direct: directly((xs) => churnRate(subscriptions(xs), { ...monthly, asOf })),
  },
  {
    name: 'churnRateAggregator (daily sum, Stripe policies, subscriptions)',
    make: () =>
      churnRateAggregator({
        ...monthly,
        denominator: 'daily-sum',
        joinedAndChurned: 'include',
        churnedAndReactivated: 'include',
        entity: 'subscription',
        recognition: 'cancellation',
      }),
    input: subscription,
  },
  {
    name: 'retentionRateAggregator',
    make: () => retentionRateAggregator({ period: '2024-Q2', unit: 'quarter' }),
    input: subscription,
    direct: directly((xs) => retentionRate(subscriptions(xs), { period: '2024-Q2', unit: 'quarter' })),
  },
  {
    name: 'mrrAggregator',
    make: () => mrrAggregator({ at: '2024-04-01T00:00:00Z' }),
    input: subscription,
    direct: directly((xs) => mrr(subscriptions(xs), { at: '2024-04-01T00:00:00Z' })),
  },
  {
    name: 'mrrMovementsAggregator',
    make: () => mrrMovementsAggregator({ ...monthly, detail: true }),
    input: subscription,
    direct: directly((xs) => mrrMovements(subscriptions(xs), { ...monthly, detail: true })),
  },
  {
    name: 'revenueRetentionAggregator',
    make: () => revenueRetentionAggregator({ ...monthly, horizonMonths: 3 }),
    input: subscription,
    direct: directly((xs) => revenueRetention(subscriptions(xs), { ...monthly, horizonMonths: 3 })),
  },
  {
    name: 'cohortRetentionAggregator',
    make: () => cohortRetentionAggregator({ unit: 'month', asOf, members: true }),
    input: subscription,
    direct: directly((xs) => cohortRetention(subscriptions(xs), { unit: 'month', asOf, members: true })),
  },
  {
    name: 'cohortRetentionAggregator (revenue)',
    make: () => cohortRetentionAggregator({ unit: 'quarter', basis: 'revenue' }),
    input: subscription,
  },
  {
    name: 'cohortRetentionAggregator (events, recurring, brackets)',
    make: () =>
      cohortRetentionAggregator({
        source: 'events',
        unit: 'week',
        cohorting: 'recurring',
        criterion: 'bracket',
        brackets: [
          [1, 1],
          [2, 4],
        ],
        events: { start: 'signup', return: 'login' },
      }),
    input: activity,
  },
  {
    name: 'customerLifetimesAggregator',
    make: () => customerLifetimesAggregator({ asOf, observedFrom: '2024-02-01T00:00:00Z' }),
    input: subscription,
    direct: directly((xs) =>
      customerLifetimes(subscriptions(xs), { asOf, observedFrom: '2024-02-01T00:00:00Z' }),
    ),
  },
  {
    name: 'survivalAggregator',
    make: () => survivalAggregator({ horizon: 20, interval: 'log-log' }),
    input: observation,
    direct: directly((xs) => survival(xs as never[], { horizon: 20, interval: 'log-log' })),
  },
  {
    // Accounts are listed in order and the first row of an account counts: merge appends, in order.
    name: 'healthScoreAggregator',
    make: () => healthScoreAggregator({ definition: health }),
    input: fc.oneof(
      fc.record({
        accountId: fc.constantFrom('acme', 'globex', '__proto__', 'constructor'),
        values: fc.record({
          csat: fc.oneof(fc.integer({ min: -5, max: 110 }), fc.constant(null)),
          fcr: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom('n/a', null)),
        }),
      }),
      fc.constantFrom(null, 'not an account'),
    ),
    direct: directly((xs) => healthScore(xs as never, { definition: health })),
  },
  {
    name: 'growthAggregator',
    make: () => growthAggregator({ method: 'cmgr' }),
    input: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.constantFrom(null, Number.NaN)),
    direct: directly((xs) => growth(xs as number[], { method: 'cmgr' })),
  },
)

const health: HealthDefinitionInput = {
  measures: [
    { id: 'csat', weight: 2, normaliser: { type: 'score' } },
    { id: 'fcr', weight: 1, normaliser: { type: 'linear', min: 0, max: 100, better: 'higher' } },
  ],
}

const acquisition = fc.oneof(
  fc.record({
    at: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 6, 1) }),
    amount: fc.constantFrom(100, 0.1, 0.2, '1234.56', -5, 'x'),
    channel: fc.constantFrom('search', 'social', undefined),
    kind: fc.constantFrom('media', 'salaries'),
  }),
  fc.record({
    customerId: fc.constantFrom('a', 'b', 'c', 'd', null),
    acquiredAt: fc.oneof(
      fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 6, 1) }),
      fc.constant('nope'),
    ),
    channel: fc.constantFrom('search', 'social', undefined),
  }),
)
const purchase = fc.record({
  customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  at: fc.oneof(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 11, 31) }), fc.constant('bad')),
  amount: fc.constantFrom(9.99, 20, 35.5),
})
const calibration = {
  calibrationEnd: '2024-09-30T00:00:00Z',
  holdoutEnd: '2024-12-31T00:00:00Z',
  timeZone: 'America/New_York',
}

subjects.push(
  {
    name: 'acquisitionCostAggregator',
    make: () =>
      acquisitionCostAggregator({
        range: { from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' },
        unit: 'month',
        attribution: 'per-channel',
        lag: 1,
        costKinds: ['media'],
      }),
    input: acquisition,
  },
  {
    name: 'rfmSummaryAggregator',
    make: () => rfmSummaryAggregator(calibration),
    input: purchase,
    direct: directly((xs) => rfmSummary(xs as never[], calibration)),
  },
)

/** Functions that make aggregators without the `…Aggregator` suffix; each must have a subject. */
export const combinators: readonly string[] = [
  'combine',
  'mapInput',
  'byPeriod',
  'byKey',
  'trailing',
  'accountLevel',
]

const lawFrame = codeFrame({
  id: 'laws',
  version: '1',
  themes: [
    { id: 'support', label: 'Support', phrases: ['support', 'atendimento'] },
    { id: 'slow', label: 'Slow replies', parent: 'support', phrases: ['slow', 'demora'] },
    { id: 'price', label: 'Price', phrases: ['price', 'preço'], exclude: ['price is fine'] },
  ],
})
const commentText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'slow support',
      'o atendimento demorou',
      'price is fine',
      'Preços altos',
      'great',
      'support and price',
      'n/a',
      '   ',
      '!!',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 5, {}) },
)
const feedbackComment = fc.oneof(
  commentText,
  fc.record({
    text: commentText,
    score,
    sentiment: fc.constantFrom(0.5, -0.5, 0, 'positive', 'negativo', 'bad label', 2, null),
    tags: fc.constantFrom(
      undefined,
      [{ theme: 'price', confidence: 0.3 }],
      [{ theme: 'nope' }],
      [{ theme: 'slow', confidence: 0.9 }],
    ),
  }),
)
const mention = fc.record({
  platform: fc.constantFrom('x', 'instagram', '__proto__', 'constructor', null),
  brand: fc.constantFrom('Lumen', 'lumen', 'Acme', 'Other', null, 7),
  reach: fc.constantFrom(10, 0, '250', -1, null, undefined),
  at: fc.oneof(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 10) }),
    fc.constantFrom(null, 'bad'),
  ),
  repliedAt: fc.oneof(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2024, 0, 12) }),
    fc.constant(null),
  ),
  needsReply: fc.constantFrom(true, false, undefined, 'yes'),
})

subjects.push(
  {
    name: 'themesAggregator',
    make: () => themesAggregator({ codeFrame: lawFrame, scoreMetric: 'nps' }),
    input: feedbackComment,
    direct: directly((xs) => themes(xs as never[], { codeFrame: lawFrame, scoreMetric: 'nps' })),
  },
  {
    name: 'themesAggregator (sentiment, all comments, minMentions)',
    make: () =>
      themesAggregator({ codeFrame: lawFrame, scoreMetric: 'sentiment', denominator: 'all', minMentions: 2 }),
    input: feedbackComment,
  },
  {
    name: 'netSentimentAggregator',
    make: () => netSentimentAggregator(),
    input: fc.constantFrom(0.5, -0.5, 0, 0.04, 'positive', 'Muito negativo', 'mixed', 'bad', 2, null),
    direct: directly((xs) => netSentiment(xs as never[])),
  },
  {
    name: 'shareOfVoiceAggregator',
    make: () => shareOfVoiceAggregator({ brand: 'Lumen', competitors: ['Acme'] }),
    input: mention,
    direct: directly((xs) => shareOfVoice(xs as never[], { brand: 'Lumen', competitors: ['Acme'] })),
  },
  {
    name: 'shareOfVoiceAggregator (by reach, every brand)',
    make: () => shareOfVoiceAggregator({ brand: 'Lumen', weight: 'reach' }),
    input: mention,
  },
  {
    name: 'mentionVolumeAggregator',
    make: () => mentionVolumeAggregator({ platforms: ['facebook'] }),
    input: mention,
    direct: directly((xs) => mentionVolume(xs as never[], { platforms: ['facebook'] })),
  },
  {
    name: 'mentionRepliesAggregator',
    make: () => mentionRepliesAggregator({ replyTime: { method: 'median', targetMs: 3_600_000 } }),
    input: mention,
    direct: directly((xs) =>
      mentionReplies(xs as never[], { replyTime: { method: 'median', targetMs: 3_600_000 } }),
    ),
  },
)
