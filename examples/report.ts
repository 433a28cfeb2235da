// The main job: a KPI report over the bundled sample data (examples/data), printed as text.
// Run with `npm run demo`.
import {
  type Aggregator,
  accumulate,
  byPeriod,
  combine,
  comparePeriods,
  fold,
  parseInstant,
  rolling,
  wilsonInterval,
} from 'cx-metrics'
import { loadSampleData, type SurveyResponse, type Ticket } from './_load.ts'
import { percent, table } from './_table.ts'

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

// Survey response rates, all three surveys in one pass with combine().
const answered = (
  survey: SurveyResponse['survey'],
): Aggregator<SurveyResponse, [number, number], [number, number]> => ({
  kpi: 'responses',
  init: () => [0, 0],
  add: (s, r) => {
    if (r.survey === survey) {
      s[1]++
      if (r.answeredAt !== null) s[0]++
    }
    return s
  },
  merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
  result: (s) => s,
})
const rates = fold(
  combine({ nps: answered('nps'), csat: answered('csat'), ces: answered('ces') }),
  data.surveys,
)
console.log('\nSurvey response rate (answered / offered, Wilson 95 % interval)')
console.log(
  table(
    ['survey', 'offered', 'answered', 'rate', '95 % interval'],
    Object.entries(rates).map(([survey, [yes, offered]]) => {
      const ci = wilsonInterval(yes, offered)
      return [
        survey,
        offered,
        yes,
        percent(yes / offered),
        ci && `${percent(ci.lower)} – ${percent(ci.upper)}`,
      ]
    }),
  ),
)

const timeZone = 'America/Sao_Paulo'
const range = { from: '2024-01-01T00:00:00-03:00', to: '2026-01-01T00:00:00-03:00' }

// Response rate of the quarterly NPS survey, by quarter of the offer, in São Paulo time.
const npsOffers = data.surveys.filter((s) => s.survey === 'nps')
const quarterly = fold(
  byPeriod(answered('nps'), { date: (s) => s.offeredAt, unit: 'quarter', timeZone, range }),
  npsOffers,
)
console.log(`\nNPS survey response rate by quarter (${timeZone})`)
console.log(
  table(
    ['quarter', 'offered', 'answered', 'rate', '95 % interval'],
    quarterly.periods.map(({ period, result: [yes, offered] }) => {
      const ci = wilsonInterval(yes, offered)
      return [
        period.key,
        offered,
        yes,
        offered === 0 ? null : percent(yes / offered),
        ci && `${percent(ci.lower)} – ${percent(ci.upper)}`,
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
  rolling(monthlyTickets, ticketState, { size: 3 }).map((w) => [w.period.key, w.result.value]),
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
