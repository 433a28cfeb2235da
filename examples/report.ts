// The main job: a KPI report over the bundled sample data (examples/data), printed as text.
// Run with `npm run demo`.
import {
  type Aggregator,
  accumulate,
  acquisitionCost,
  businessHours,
  byKey,
  byPeriod,
  cacPayback,
  cesAggregator,
  churnRate,
  codeFrame,
  cohortRetention,
  combine,
  comparePeriods,
  csatAggregator,
  csatDescriptor,
  customerLifetimes,
  customerLifetimeValue,
  firstContactResolutionAggregator,
  firstReplyTimeAggregator,
  fitBgNbd,
  fitGammaGamma,
  fold,
  healthBacktest,
  healthDefinition,
  healthMovers,
  healthScore,
  healthTrend,
  lifetimeValue,
  ltvToCacRatio,
  mapInput,
  mentionReplies,
  mentionVolumeAggregator,
  mrrMovements,
  netSentimentAggregator,
  npsAggregator,
  npsDescriptor,
  parseInstant,
  periodRange,
  probabilityAlive,
  responseRateAggregator,
  revenueRetention,
  rfmSummary,
  rolling,
  roundForDisplay,
  shareOfVoiceAggregator,
  suggestHealthWeights,
  survival,
  themeChanges,
  themes,
  themesAggregator,
} from 'cx-metrics'
import { loadCdnow } from './_cdnow.ts'
import {
  type Comment,
  loadCodeFrame,
  loadSampleData,
  type Mention,
  type SurveyResponse,
  type Ticket,
} from './_load.ts'
import { supportSchedule } from './_schedule.ts'
import { fixed, percent, table } from './_table.ts'

const data = loadSampleData()

/** Counts rows, their valid timestamps and the earliest and latest of them. */
function timeline<T>(at: (row: T) => unknown): Aggregator<
  T,
  [number, number, number, number],
  {
    rows: number
    invalidDates: number
    first: string | null
    last: string | null
  }
> {
  return {
    kpi: 'timeline',
    init: () => [0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    add: (s, row) => {
      s[0]++
      const t = parseInstant(at(row))
      if (t === null) s[1]++
      else {
        s[2] = Math.min(s[2], t)
        s[3] = Math.max(s[3], t)
      }
      return s
    },
    merge: (a, b) => [a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])],
    result: (s) => ({
      rows: s[0],
      invalidDates: s[1],
      first: Number.isFinite(s[2]) ? new Date(s[2]).toISOString().slice(0, 10) : null,
      last: Number.isFinite(s[3]) ? new Date(s[3]).toISOString().slice(0, 10) : null,
    }),
  }
}

console.log('Lumen Desk — customer KPI report (sample data, 2024–2025, reported in America/Sao_Paulo)\n')

console.log('Data set')
const entities = [
  [
    'customers',
    fold(
      timeline((c: { signedUpAt: string }) => c.signedUpAt),
      data.customers,
    ),
  ],
  [
    'subscriptions',
    fold(
      timeline((s: { start: string }) => s.start),
      data.subscriptions,
    ),
  ],
  [
    'survey offers',
    fold(
      timeline((s: SurveyResponse) => s.offeredAt),
      data.surveys,
    ),
  ],
  [
    'tickets',
    fold(
      timeline((t: { createdAt: string }) => t.createdAt),
      data.tickets,
    ),
  ],
  [
    'feedback comments',
    fold(
      timeline((c: { at: string }) => c.at),
      data.comments,
    ),
  ],
] as const
console.log(
  table(
    ['entity', 'rows', 'invalid dates', 'first', 'last'],
    entities.map(([name, r]) => [name, r.rows, r.invalidDates, r.first, r.last]),
  ),
)

// Survey response rates, the three surveys in one pass, segmented with byKey.
const rates = fold(
  byKey(
    responseRateAggregator((s: SurveyResponse) => s.answeredAt !== null),
    (s) => s.survey,
    {
      keys: ['nps', 'csat', 'ces'],
    },
  ),
  data.surveys,
)
console.log('\nSurvey response rate (answered / offered, Wilson 95 % interval)')
console.log(
  table(
    ['survey', 'offered', 'answered', 'rate', '95 % interval'],
    rates.groups.map(({ key, result: r }) => [
      key,
      r.offered,
      r.answered,
      percent(r.value),
      r.ci && `${percent(r.ci.lower)} – ${percent(r.ci.upper)}`,
    ]),
  ),
)

const timeZone = 'America/Sao_Paulo'
const range = { from: '2024-01-01T00:00:00-03:00', to: '2026-01-01T00:00:00-03:00' }
const answeredSurvey = (kind: SurveyResponse['survey']) => data.surveys.filter((s) => s.survey === kind)
const points = (x: number | null | undefined): string =>
  x === null || x === undefined ? '—' : `${x >= 0 ? '+' : ''}${fixed(x)}`

// NPS by quarter, with its interval and the change against the previous quarter.
const npsQuarterly = fold(
  byPeriod(
    npsAggregator((s: SurveyResponse) => s.score),
    { date: (s) => s.answeredAt, unit: 'quarter', timeZone, range },
  ),
  answeredSurvey('nps'),
)
const npsChanges = comparePeriods(npsQuarterly)
console.log(
  `\nNPS by quarter (${timeZone}; adjusted-Wald 95 % interval; change against the previous quarter, NPS z-test)`,
)
console.log(
  table(
    ['quarter', 'n', 'NPS', '95 % interval', 'change', 'p-value', 'excluded'],
    npsQuarterly.periods.map(({ period, result: r }, i) => {
      const c = npsChanges[i]?.comparison
      const excluded = r.excluded.offScale + r.excluded.nonInteger + r.excluded.invalid
      return [
        period.key,
        r.n,
        r.value === null ? null : String(roundForDisplay(r.value)),
        r.ci && `${fixed(r.ci.lower)} – ${fixed(r.ci.upper)}`,
        points(c?.change),
        c?.test?.pValue === null || c?.test?.pValue === undefined ? null : c.test.pValue.toFixed(3),
        excluded,
      ]
    }),
  ),
)

// CSAT (top-2-box on 1–5) and CES (2.0 mean on 1–7) by month, the last twelve months.
const monthly = <R>(aggregator: Aggregator<SurveyResponse, unknown, R>, kind: SurveyResponse['survey']) =>
  fold(
    byPeriod(aggregator, { date: (s) => s.answeredAt, unit: 'month', timeZone, range }),
    answeredSurvey(kind),
  ).periods
const csatByMonth = monthly(
  csatAggregator((s: SurveyResponse) => s.score),
  'csat',
)
const cesByMonth = monthly(
  cesAggregator((s: SurveyResponse) => s.score),
  'ces',
)
console.log(`\nCSAT and CES by month (${timeZone}; Wilson and t 95 % intervals)`)
console.log(
  table(
    ['month', 'CSAT n', 'CSAT', 'CSAT 95 %', 'CES n', 'CES', 'CES 95 %'],
    csatByMonth.slice(-12).map(({ period, result: c }) => {
      const e = cesByMonth.find((row) => row.period.key === period.key)?.result
      return [
        period.key,
        c.n,
        percent(c.value),
        c.ci && `${percent(c.ci.lower)} – ${percent(c.ci.upper)}`,
        e?.n ?? null,
        fixed(e?.value, 2),
        e?.ci ? `${fixed(e.ci.lower, 2)} – ${fixed(e.ci.upper, 2)}` : null,
      ]
    }),
  ),
)

// Support: first reply time in business hours and first-contact resolution, by month of creation.
const hoursOf = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : `${(ms / 3_600_000).toFixed(1)} h`
const minutesOf = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : `${(ms / 60_000).toFixed(0)} min`
const schedule = businessHours(supportSchedule)
const supportByMonth = <R>(aggregator: Aggregator<Ticket, unknown, R>) =>
  fold(byPeriod(aggregator, { date: (t) => t.createdAt, unit: 'month', timeZone, range }), data.tickets)
    .periods
const replies = supportByMonth(firstReplyTimeAggregator({ schedule, targetMs: 8 * 3_600_000 }))
const fcr = supportByMonth(firstContactResolutionAggregator())
console.log(
  `\nSupport by month of creation (business hours: ${supportSchedule.name}; FCR: one agent reply, no reopen, over solved tickets)`,
)
console.log(
  table(
    [
      'month',
      'answered',
      'unanswered',
      'FRT median (business)',
      'p90 (business)',
      'median (calendar)',
      'within 8 business h',
      'FCR',
      'FCR 95 %',
    ],
    replies.slice(-12).map(({ period, result: r }) => {
      const f = fcr.find((row) => row.period.key === period.key)?.result
      return [
        period.key,
        r.n,
        r.excluded.unanswered,
        minutesOf(r.business?.medianMs),
        hoursOf(r.business?.p90Ms),
        hoursOf(r.calendar.medianMs),
        percent(r.withinTarget?.value),
        percent(f?.value),
        f?.ci ? `${percent(f.ci.lower)} – ${percent(f.ci.upper)}` : null,
      ]
    }),
  ),
)

// Tickets created per month, month over month and over the trailing three months.
const count: Aggregator<Ticket, [number], { value: number }> = {
  kpi: 'count',
  init: () => [0],
  add: (s) => {
    s[0]++
    return s
  },
  merge: (a, b) => [a[0] + b[0]],
  result: (s) => ({ value: s[0] }),
}
const monthlyTickets = byPeriod(count, { date: (t) => t.createdAt, unit: 'month', timeZone, range })
const ticketState = accumulate(monthlyTickets, data.tickets)
const ticketMonths = monthlyTickets.result(ticketState)
const momTickets = comparePeriods(ticketMonths)
const trailing3 = new Map(
  rolling(monthlyTickets, ticketState, { size: 3 }).periods.map((w) => [w.period.key, w.result.value]),
)
console.log(
  `\nTickets created by month (${timeZone}; ${ticketMonths.excluded.invalid} with an invalid date left out)`,
)
console.log(
  table(
    ['month', 'tickets', 'vs previous month', 'trailing 3 months'],
    ticketMonths.periods.slice(-12).map(({ period, result }) => {
      const change = momTickets.find((c) => c.period.key === period.key)?.comparison?.relativeChange
      return [
        period.key,
        result.value,
        change === undefined || change === null ? null : `${change >= 0 ? '+' : ''}${percent(change)}`,
        trailing3.get(period.key) ?? null,
      ]
    }),
  ),
)

// Customer lifecycle and revenue, from the subscriptions (churn recognised when the paid period ends).
const asOf = '2026-01-01T00:00:00-03:00'
const subscriptions = data.subscriptions
const churn = churnRate(subscriptions, { range, unit: 'month', timeZone })
const movements = mrrMovements(subscriptions, { range, unit: 'month', timeZone })
console.log(
  `\nMonthly customer churn and MRR movements (${timeZone}; ChartMogul standard: customers at the start, ` +
    `joined-and-churned and churned-and-reactivated left out; ${churn.excluded.trial} trials and ` +
    `${churn.excluded.invalid} invalid subscriptions left out)`,
)
console.log(
  table(
    [
      'month',
      'at start',
      'churned',
      'churn',
      'new',
      'MRR start',
      'new MRR',
      'expansion',
      'contraction',
      'churned MRR',
      'reactivation',
      'MRR end',
    ],
    churn.periods.slice(-12).map(({ period, result }, i) => {
      const m = movements.periods[movements.periods.length - 12 + i]?.result
      return [
        period.key,
        result.atStart,
        result.churned,
        percent(result.value),
        result.new,
        fixed(m?.start, 0),
        fixed(m?.movements.new, 0),
        fixed(m?.movements.expansion, 0),
        fixed(m?.movements.contraction, 0),
        fixed(m?.movements.churn, 0),
        fixed(m?.movements.reactivation, 0),
        fixed(m?.end, 0),
      ]
    }),
  ),
)

const quarterly = revenueRetention(subscriptions, { range, unit: 'quarter', timeZone })
const annualNrr = revenueRetention(subscriptions, {
  range,
  unit: 'quarter',
  timeZone,
  horizonMonths: 12,
})
console.log(
  '\nRevenue retention by quarter (NRR and GRR of the customers paying at the start; 12-month NRR trailing)',
)
console.log(
  table(
    [
      'quarter',
      'MRR start',
      'NRR',
      'GRR',
      'gross MRR churn',
      'net MRR churn',
      'quick ratio',
      '12-month NRR',
      '12-month GRR',
    ],
    quarterly.periods.map(({ period, result }, i) => {
      const year = annualNrr.periods[i]?.result
      return [
        period.key,
        fixed(result.startMrr, 0),
        percent(result.nrr),
        percent(result.grr),
        percent(result.grossMrrChurn),
        percent(result.netMrrChurn),
        fixed(result.quickRatio, 2),
        percent(year?.nrr),
        percent(year?.grr),
      ]
    }),
  ),
)

const cohorts = cohortRetention(subscriptions, { unit: 'quarter', timeZone, asOf })
console.log(
  '\nLogo retention by quarterly cohort (share paying at the end of each quarter since the first; — not over yet)',
)
console.log(
  table(
    ['cohort', 'customers', ...cohorts.columns.map((c) => `Q+${c}`)],
    [
      ...cohorts.cohorts.map((c) => [c.period.key, c.size, ...c.cells.map((cell) => percent(cell.value, 0))]),
      ['weighted', null, ...cohorts.average.map((a) => percent(a.value, 0))],
    ],
  ),
)

const lifetimes = customerLifetimes(subscriptions, { asOf, durationUnit: 'month' })
const km = survival(lifetimes, { horizon: 12 })
const at = (months: number) => km.curve.filter((p) => p.time <= months).at(-1)
console.log(
  `\nCustomer survival (Kaplan–Meier over ${km.n} customers' first paid spell, ${km.n - km.events} still active and censored; log 95 % intervals)`,
)
console.log(
  table(
    ['months', 'still paying', '95 % interval', 'at risk'],
    [3, 6, 9, 12, 18].map((months) => {
      const p = at(months)
      return [months, percent(p?.survival), `${percent(p?.lower)} – ${percent(p?.upper)}`, p?.atRisk ?? null]
    }),
  ),
)
console.log(
  `Median lifetime: ${km.median.reached ? `${fixed(km.median.value)} months` : 'not reached'}; ` +
    `restricted mean over the first 12 months: ${fixed(km.restrictedMean?.value)} months.`,
)

// Customer health, scored at the end of each quarter for every customer paying then: product usage
// (logins per active seat in the month before, the share of seats active over the three months before), satisfaction over the six months before (the
// customer's own NPS and CSAT results), and support load over the ninety days before. Then: the
// portfolio by band, the largest movers of the last quarter with why they moved, and a backtest against
// churn within 90 days of each snapshot (from the customer lifetimes above).
const health = healthDefinition({
  id: 'lumen-health',
  version: '1',
  groups: [
    { id: 'usage', weight: 2 },
    { id: 'sentiment', weight: 1 },
    { id: 'support', weight: 1 },
  ],
  measures: [
    {
      id: 'logins',
      group: 'usage',
      weight: 1,
      normaliser: { type: 'linear', min: 0, max: 20, better: 'higher' },
    },
    {
      id: 'adoption',
      group: 'usage',
      weight: 1,
      normaliser: { type: 'goal', target: 0.8, better: 'higher' },
    },
    { id: 'nps', group: 'sentiment', weight: 1, normaliser: { type: 'kpi', descriptor: npsDescriptor } },
    { id: 'csat', group: 'sentiment', weight: 1, normaliser: { type: 'kpi', descriptor: csatDescriptor } },
    {
      id: 'tickets',
      group: 'support',
      weight: 1,
      normaliser: { type: 'linear', min: 0, max: 6, better: 'lower' },
    },
  ],
  gates: [{ id: 'no-logins', measure: 'logins', on: 'value', when: { eq: 0 }, cap: 30 }],
})
const MONTH_MS = 2_629_800_000 // customerLifetimes' month
const usageOf = new Map(data.usage.map((u) => [`${u.customerId} ${u.month}`, u]))
const quarterEnds = ['2024', '2025'].flatMap((year) =>
  [1, 2, 3, 4].map((q) => ({ key: `${year}-Q${q}`, at: periodRange(`${year}-Q${q}`, { timeZone }).end })),
)
const answered = data.surveys.filter((s) => s.answeredAt !== null)
const snapshotAt = (at: number) => {
  const within = <T>(rows: readonly T[], when: (row: T) => string, days: number) =>
    rows.filter((row) => {
      const t = Date.parse(when(row))
      return t <= at && t > at - days * 86_400_000
    })
  const recent = within(answered, (s) => s.answeredAt as string, 180)
  const bySurvey = (survey: string) => recent.filter((s) => s.survey === survey)
  const npsOf = new Map(
    fold(
      byKey(
        npsAggregator((s: SurveyResponse) => s.score),
        (s) => s.customerId,
      ),
      bySurvey('nps'),
    ).groups.map((g) => [g.key, g.result]),
  )
  const csatOf = new Map(
    fold(
      byKey(
        csatAggregator((s: SurveyResponse) => s.score),
        (s) => s.customerId,
      ),
      bySurvey('csat'),
    ).groups.map((g) => [g.key, g.result]),
  )
  const ticketsOf = new Map<string, number>()
  for (const t of within(data.tickets, (t) => t.createdAt, 90))
    ticketsOf.set(t.requesterId, (ticketsOf.get(t.requesterId) ?? 0) + 1)
  // The three calendar months before the snapshot.
  const months = [1, 2, 3].map((k) => {
    const d = new Date(at - 86_400_000)
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1 - k, 1)).toISOString().slice(0, 7)
  })
  const paying = lifetimes.filter((l) => l.since < at && (!l.event || l.since + l.time * MONTH_MS > at))
  return healthScore(
    paying.map((l) => {
      const used = months.flatMap((m) => usageOf.get(`${l.customerId} ${m}`) ?? [])
      const seats = used.reduce((t, u) => t + u.seats, 0)
      const active = used.reduce((t, u) => t + u.activeSeats, 0)
      const last = usageOf.get(`${l.customerId} ${months[0]}`)
      return {
        accountId: l.customerId,
        values: {
          logins: last === undefined ? null : last.activeSeats === 0 ? 0 : last.logins / last.activeSeats,
          adoption: seats === 0 ? null : active / seats,
          nps: npsOf.get(l.customerId) ?? null,
          csat: csatOf.get(l.customerId) ?? null,
          tickets: ticketsOf.get(l.customerId) ?? 0,
        },
      }
    }),
    { definition: health },
  )
}
const snapshots = quarterEnds.map((q) => ({ ...q, portfolio: snapshotAt(q.at) }))
const latest = snapshots.at(-1) as (typeof snapshots)[number]
const previous = snapshots.at(-2) as (typeof snapshots)[number]
const trend = healthTrend(
  snapshots.flatMap((s) =>
    s.portfolio.accounts.map((a) => ({ accountId: a.accountId, at: s.at - 1, value: a })),
  ),
  { unit: 'quarter', timeZone, flat: 2 },
)
const lastPoints = new Map(trend.accounts.map((a) => [a.accountId, a.points.at(-1)]))
console.log(
  `\nCustomer health at the end of ${latest.key} (${latest.portfolio.n} paying customers; definition ${health.id}@${health.version}; ` +
    `portfolio score ${fixed(latest.portfolio.value)}, ${fixed(previous.portfolio.value)} a quarter before)`,
)
console.log(
  table(
    ['band', 'accounts', 'share', 'mean score', 'up', 'flat', 'down'],
    latest.portfolio.bands.map((b) => {
      const members = latest.portfolio.accounts.filter((a) => a.band === b.id)
      const moved = (d: string) => members.filter((a) => lastPoints.get(a.accountId)?.direction === d).length
      const mean = members.reduce((t, a) => t + (a.value as number), 0) / members.length
      return [
        b.id,
        b.count,
        percent(b.share),
        fixed(members.length === 0 ? null : mean),
        moved('up'),
        moved('flat'),
        moved('down'),
      ]
    }),
  ),
)
console.log(
  `\nLargest health movers, ${previous.key} → ${latest.key} (the measure that moved the score most, and the gates' part)`,
)
console.log(
  table(
    ['customer', 'from', 'to', 'change', 'why'],
    healthMovers(previous.portfolio, latest.portfolio, { top: 10 }).map((m) => [
      m.accountId,
      fixed(m.from),
      fixed(m.to),
      fixed(m.delta),
      `${m.parts[0]?.text ?? ''}${m.gates === null || m.gates === 0 ? '' : `; gates ${m.gates > 0 ? '+' : '−'}${fixed(Math.abs(m.gates))}`}`,
    ]),
  ),
)
// Outcomes: churned within 90 days after the snapshot (the first paid spell ended then). Snapshots whose
// 90 days run past the end of the data are left out.
const horizon = 90 * 86_400_000
const endOf = new Map(lifetimes.map((l) => [l.customerId, l.event ? l.since + l.time * MONTH_MS : null]))
const outcomes = snapshots
  .filter((s) => s.at + horizon <= Date.parse(asOf))
  .flatMap((s) =>
    s.portfolio.accounts.map((a) => {
      const end = endOf.get(a.accountId) ?? null
      return {
        accountId: a.accountId,
        at: s.at,
        score: a.value,
        band: a.band,
        churned: end !== null && end <= s.at + horizon,
        measures: Object.fromEntries(a.measures.map((m) => [m.id, m.status === 'present' ? m.score : null])),
      }
    }),
  )
const backtest = healthBacktest(outcomes)
console.log(
  `\nHealth backtest: churn within 90 days of ${backtest.n} quarterly snapshots (${backtest.auc.churned} churned; ` +
    `AUC with DeLong 95 % interval, churn by band with Wilson 95 % interval)`,
)
console.log(
  table(
    ['score or measure', 'snapshots', 'AUC', '95 % interval'],
    [{ id: 'health score', ...backtest.auc }, ...backtest.measures].map((m) => [
      m.id,
      m.n,
      fixed(m.value, 3),
      m.ci === null ? null : `${fixed(m.ci.lower, 3)} – ${fixed(m.ci.upper, 3)}`,
    ]),
  ),
)
console.log(
  table(
    ['band', 'snapshots', 'churned', 'churn', '95 % interval'],
    backtest.bands.map((b) => [
      b.id,
      b.n,
      b.churned,
      percent(b.rate),
      b.ci === null ? null : `${percent(b.ci.lower)} – ${percent(b.ci.upper)}`,
    ]),
  ),
)
console.log(`Lift of the worst band: ${fixed(backtest.lift, 2)}×. ${backtest.verdict}`)
const learned = suggestHealthWeights(
  outcomes.map((o) => ({
    ...o,
    measures: { logins: o.measures.logins, adoption: o.measures.adoption, tickets: o.measures.tickets },
  })),
  { split: 'time' },
)
const effective = health.measures.filter((m) => ['logins', 'adoption', 'tickets'].includes(m.id))
console.log(
  `\nSuggested weights for the measures every snapshot has (logistic regression on the ${learned.fitted.n} earlier snapshots; ` +
    `judged on the latest ${learned.heldOut?.n ?? 0})`,
)
console.log(
  table(
    ['measure', 'coefficient', 'p-value', 'suggested weight'],
    learned.weights.map((w) => [w.id, fixed(w.coefficient, 2), fixed(w.p, 4), percent(w.weight, 0)]),
  ),
)
console.log(
  `Held-out AUC: suggested weights ${fixed(learned.heldOut?.suggested.value, 3)}, ` +
    `current score ${fixed(learned.heldOut?.current?.value, 3)} (${effective.length} of ${health.measures.length} measures weighed).`,
)

// Open comments, left with NPS answers in Portuguese (customers in Brazil) and English: their themes
// under the code frame of examples/data/code-frame.json, each scored by the NPS of the answers that
// mention it; impact by removal (how much the NPS of these answers would change without the theme).
const frame = codeFrame(loadCodeFrame())
const npsScore = new Map(data.surveys.map((s) => [s.id, s.score]))
const comment = (c: Comment) => ({ text: c.text, language: c.language, score: npsScore.get(c.responseId) })
const label = (t: { label: { en?: string } }) => t.label.en ?? ''
const overallThemes = themes(data.comments, comment, { codeFrame: frame, scoreMetric: 'nps' })
console.log(
  `\nFeedback themes, 2024–2025 (code frame ${frame.id} v${frame.version}; ${overallThemes.n} meaningful comments of ` +
    `${overallThemes.comments}, ${overallThemes.excluded.placeholder} placeholders such as "n/a" or "nada" left out; ` +
    `NPS of these answers ${fixed(overallThemes.score?.value)})`,
)
console.log(
  table(
    ['theme', 'mentions', 'volume', '95 % interval', 'NPS of mentions', 'impact on NPS'],
    overallThemes.themes.map((t) => [
      `${'  '.repeat(t.depth)}${label(t)}`,
      t.mentions,
      percent(t.volume),
      t.ci && `${percent(t.ci.lower)} – ${percent(t.ci.upper)}`,
      fixed(t.score?.value),
      points(t.impact),
    ]),
  ),
)
const themesQuarterly = fold(
  byPeriod(themesAggregator(comment, { codeFrame: frame, scoreMetric: 'nps' }), {
    date: (c: Comment) => c.at,
    unit: 'quarter',
    timeZone,
    range,
  }),
  data.comments,
)
const quarters = themesQuarterly.periods.slice(-4)
console.log(
  '\nThemes by quarter, the last four quarters: volume (share of meaningful comments) / NPS of its mentions / impact on NPS',
)
console.log(
  table(
    ['theme', ...quarters.map((q) => `${q.period.key} (n ${q.result.n})`)],
    overallThemes.themes.map((t) => [
      label(t),
      ...quarters.map((q) => {
        const r = q.result.themes.find((x) => x.id === t.id)
        return r === undefined
          ? null
          : `${percent(r.volume, 0)} / ${fixed(r.score?.value, 0)} / ${points(r.impact)}`
      }),
    ]),
  ),
)
const movers = themesQuarterly.periods.slice(1).flatMap(({ period, result }, i) => {
  const before = (themesQuarterly.periods[i] as (typeof themesQuarterly.periods)[number]).result
  if (before.n < 30 || result.n < 30) return []
  return themeChanges(before, result)
    .themes.filter((t) => t.significant)
    .map((t) => ({ quarter: period.key, ...t }))
})
console.log(
  '\nThemes whose volume changed significantly from one quarter to the next (quarters with 30 comments or more; two-proportion z-test, Benjamini–Hochberg across themes, 5 %)',
)
console.log(
  movers.length === 0
    ? 'none'
    : table(
        ['quarter', 'theme', 'before', 'after', 'change', 'adjusted p', 'impact change'],
        movers.map((m) => [
          m.quarter,
          label(m),
          percent(m.before.volume),
          percent(m.after.volume),
          m.volumeChange === null
            ? null
            : `${m.volumeChange > 0 ? '+' : ''}${fixed(100 * m.volumeChange)} pp`,
          fixed(m.adjustedPValue, 4),
          points(m.impactChange),
        ]),
      ),
)

// Social listening: mentions of Lumen Desk and of the two competitors it tracks.
const brands = { brand: 'Lumen Desk', competitors: ['Zenbox', 'HelpHub'] }
const ownMentions = data.mentions.filter((m) => m.brand === 'Lumen Desk')
const social = fold(
  byPeriod(
    combine({
      volume: mentionVolumeAggregator({ platforms: ['x', 'instagram', 'linkedin', 'reclameaqui'] }),
      voice: shareOfVoiceAggregator(brands),
      reachVoice: shareOfVoiceAggregator({ ...brands, weight: 'reach' }),
      sentiment: mapInput(netSentimentAggregator(), (m: Mention) =>
        m.brand === 'Lumen Desk' ? m.sentiment : null,
      ),
    }),
    { date: (m: Mention) => m.at, unit: 'quarter', timeZone, range },
  ),
  data.mentions,
)
console.log(
  `\nSocial mentions by quarter (share of voice against ${brands.competitors.join(' and ')}; net sentiment of the mentions of Lumen Desk, points)`,
)
console.log(
  table(
    [
      'quarter',
      'mentions',
      'x',
      'instagram',
      'linkedin',
      'reclameaqui',
      'share of voice',
      'by reach',
      'net sentiment',
      '95 % interval',
    ],
    social.periods.map(({ period, result: { results: r } }) => {
      const on = (p: string) => r.volume.platforms.find((x) => x.platform === p)?.mentions ?? 0
      const s = r.sentiment
      return [
        period.key,
        r.volume.n,
        on('x'),
        on('instagram'),
        on('linkedin'),
        on('reclameaqui'),
        percent(r.voice.value),
        percent(r.reachVoice.value),
        fixed(s.value),
        s.ci && `${fixed(s.ci.lower)} – ${fixed(s.ci.upper)}`,
      ]
    }),
  ),
)
const mentionAnswers = mentionReplies(ownMentions, { replyTime: { targetMs: 4 * 3_600_000 } })
const replyHours = mentionAnswers.replyTime.calendar
console.log(
  `Mentions of Lumen Desk needing a reply: ${mentionAnswers.needingReply}, answered ${percent(mentionAnswers.value)} ` +
    `(${mentionAnswers.ci && `${percent(mentionAnswers.ci.lower)} – ${percent(mentionAnswers.ci.upper)}`}); median first reply ` +
    `${fixed((replyHours?.medianMs ?? 0) / 3_600_000)} hours, ${percent(mentionAnswers.replyTime.withinTarget?.value)} within 4 hours (the social team answers around the clock).`,
)
const mentionThemes = themes(
  ownMentions,
  (m) => ({ text: m.text, language: m.language, sentiment: m.sentiment }),
  {
    codeFrame: frame,
  },
)
console.log(
  table(
    ['theme in mentions of Lumen Desk', 'mentions', 'volume', 'net sentiment'],
    mentionThemes.themes
      .filter((t) => t.mentions > 0)
      .map((t) => [label(t), t.mentions, percent(t.volume), fixed(t.sentiment.value)]),
  ),
)

// Unit economics. Spend comes by month; new customers are those whose first paid subscription starts in a
// period (a customer who comes back is not new), with the channel they signed up through.
const spendRecords = data.spend.map((r) => ({ ...r, at: periodRange(r.month, { timeZone }).start }))
const channelOf = new Map(data.customers.map((c) => [c.id, c.channel]))
const acquired = lifetimes.map((l) => ({
  customerId: l.customerId,
  acquiredAt: l.since,
  channel: channelOf.get(l.customerId) ?? 'unknown',
}))
const cacByMonth = acquisitionCost([...spendRecords, ...acquired], {
  range,
  unit: 'month',
  timeZone,
  attribution: 'per-channel',
})
const channelNames = ['paid-search', 'paid-social', 'partner', 'outbound', 'organic']
console.log(
  '\nCustomer acquisition cost by month and channel (blended; per channel: its spend / the customers it brought)',
)
console.log(
  table(
    ['month', 'spend', 'new', 'blended CAC', ...channelNames],
    cacByMonth.periods
      .slice(-6)
      .map(({ period, result }) => [
        period.key,
        fixed(result.spend, 0),
        result.newCustomers,
        fixed(result.value, 0),
        ...channelNames.map((c) => fixed(result.channels?.[c]?.value, 0)),
      ]),
  ),
)

const margin = 0.8
const quarterlyChurn = churnRate(subscriptions, { range, unit: 'quarter', timeZone })
const quarterlyMrr = mrrMovements(subscriptions, { range, unit: 'quarter', timeZone })
const cacByQuarter = acquisitionCost([...spendRecords, ...acquired], { range, unit: 'quarter', timeZone })
console.log(
  `\nLTV, LTV:CAC and CAC payback by quarter (gross margin ${100 * margin} % assumed; ARPA = MRR / paying customers at the quarter's end; quarterly churn)`,
)
console.log(
  table(
    ['quarter', 'ARPA / month', 'churn', 'LTV', 'CAC', 'LTV:CAC', 'payback (months)'],
    quarterlyChurn.periods.slice(1).map(({ period, result }, i) => {
      const mrrEnd = quarterlyMrr.periods[i + 1]?.result.end ?? 0
      const arpa = result.atEnd === 0 ? null : mrrEnd / result.atEnd
      const ltv = lifetimeValue({
        arpa: 3 * (arpa ?? 0),
        churn: result.value,
        margin,
        arpaPeriod: 'quarter',
        churnPeriod: 'quarter',
      })
      const cac = cacByQuarter.periods[i + 1]?.result ?? null
      return [
        period.key,
        fixed(arpa, 0),
        percent(result.value),
        fixed(ltv.value, 0),
        fixed(cac?.value, 0),
        fixed(ltvToCacRatio(ltv, cac).value, 1),
        fixed(arpa === null || cac === null ? null : cacPayback({ cac, arpa, margin }).value, 1),
      ]
    }),
  ),
)

// Predicted customer value needs purchases, not subscriptions: the CDNOW sample (examples/data/cdnow),
// the data set of the BG/NBD and Gamma-Gamma papers.
const cdnow = rfmSummary(loadCdnow(), { calibrationEnd: '1997-09-30T00:00:00Z' })
const buying = fitBgNbd(cdnow)
const spending = fitGammaGamma(cdnow)
const predicted = customerLifetimeValue(cdnow.customers, {
  purchases: buying,
  spend: spending,
  horizon: 12,
  discountRate: 0.01,
})
const byId = new Map(cdnow.customers.map((c) => [c.customerId, c]))
console.log(
  `\nTop customers by predicted 12-month CLV (CDNOW sample, ${cdnow.customers.length} customers, calibration to 1997-09-30; ` +
    `BG/NBD r ${buying.r.toFixed(3)}, α ${buying.alpha.toFixed(3)}, a ${buying.a.toFixed(3)}, b ${buying.b.toFixed(3)}; ` +
    `Gamma-Gamma p ${spending.p.toFixed(2)}, q ${spending.q.toFixed(2)}, γ ${spending.gamma.toFixed(2)}; 1 % a month discount)`,
)
console.log(
  table(
    [
      'customer',
      'repeat purchases',
      'weeks since last',
      'mean spend',
      'P(alive)',
      'expected purchases',
      'CLV',
    ],
    predicted
      .filter((v) => v.value !== null)
      .sort((a, b) => (b.value as number) - (a.value as number))
      .slice(0, 10)
      .map((v) => {
        const c = byId.get(v.customerId as string)
        return [
          v.customerId,
          c?.frequency ?? null,
          c === undefined ? null : fixed(c.T - c.recency, 1),
          fixed(c?.monetaryValue, 2),
          c === undefined ? null : fixed(probabilityAlive(buying, c), 3),
          fixed(v.expectedPurchases, 2),
          fixed(v.value, 0),
        ]
      }),
  ),
)
