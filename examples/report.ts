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
  cohortRetention,
  comparePeriods,
  csatAggregator,
  customerLifetimes,
  customerLifetimeValue,
  firstContactResolutionAggregator,
  firstReplyTimeAggregator,
  fitBgNbd,
  fitGammaGamma,
  fold,
  lifetimeValue,
  ltvToCacRatio,
  mrrMovements,
  npsAggregator,
  parseInstant,
  periodRange,
  probabilityAlive,
  responseRateAggregator,
  revenueRetention,
  rfmSummary,
  rolling,
  roundForDisplay,
  survival,
} from 'cx-metrics'
import { loadCdnow } from './_cdnow.ts'
import { loadSampleData, type SurveyResponse, type Ticket } from './_load.ts'
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
