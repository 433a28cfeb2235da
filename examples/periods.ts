// Periods, time zones and windows: the facts users' own tools get wrong, checked.
import assert from 'node:assert/strict'
import {
  type Aggregator,
  accumulate,
  byPeriod,
  comparePeriods,
  fold,
  periodKey,
  periodRange,
  periods,
  rolling,
  trailing,
} from 'cx-metrics'

// An event at 23:30 on 31 March in New York is 03:30 on 1 April in UTC: March there, April here.
const event = '2024-03-31T23:30:00-04:00'
assert.equal(periodKey(event, 'month', { timeZone: 'America/New_York' }), '2024-03')
assert.equal(periodKey(event, 'month'), '2024-04')

// Days are measured on instants: the spring-forward day lasts 23 hours, the fall-back day 25.
const hours = (key: string): number => {
  const { start, end } = periodRange(key, { timeZone: 'America/New_York' })
  return (end - start) / 3_600_000
}
assert.equal(hours('2024-03-10'), 23)
assert.equal(hours('2024-11-03'), 25)

// ISO week-years at year ends (2005-01-01 is in week 53 of 2004) and fiscal-year labels (the US
// federal FY2020 runs 1 October 2019 to 30 September 2020).
assert.equal(periodKey('2005-01-01T12:00:00Z', 'week'), '2004-W53')
assert.equal(periodKey('2019-10-01T12:00:00Z', 'fiscal-year', { fiscalYearStartMonth: 10 }), 'FY2020')
assert.deepEqual(periods('2024-01-01T00:00:00Z', '2024-12-31T00:00:00Z', 'quarter'), [
  '2024-Q1',
  '2024-Q2',
  '2024-Q3',
  '2024-Q4',
])

// A KPI by month in São Paulo time: here, the number of orders and their total.
interface Order {
  at: string
  amount: number
}
const total: Aggregator<Order, [number, number], { value: number; n: number }> = {
  kpi: 'total',
  init: () => [0, 0],
  add: (s, o) => [s[0] + o.amount, s[1] + 1],
  merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
  result: (s) => ({ value: s[0], n: s[1] }),
}
const orders: Order[] = [
  { at: '2024-01-31T23:30:00-03:00', amount: 100 }, // still January in São Paulo (02:30 UTC on 1 February)
  { at: '2024-02-10T12:00:00-03:00', amount: 50 },
  { at: '2024-04-02T09:00:00-03:00', amount: 80 },
  { at: '2025-02-11T10:00:00-03:00', amount: 75 },
  { at: 'yesterday', amount: 1_000 }, // not a date: counted, not used
]
const monthly = byPeriod(total, {
  date: (o) => o.at,
  unit: 'month',
  timeZone: 'America/Sao_Paulo',
  range: { from: '2024-01-01T00:00:00-03:00', to: '2025-03-01T00:00:00-03:00' },
  asOf: '2025-02-20T00:00:00-03:00',
})
const state = accumulate(monthly, orders)
const result = monthly.result(state)
console.log(
  result.periods
    .map((p) => `${p.period.key} ${p.result.value}${p.period.complete ? '' : ' (so far)'}`)
    .join('\n'),
)
assert.deepEqual(
  result.periods.slice(0, 4).map((p) => [p.period.key, p.result.value]),
  [
    ['2024-01', 100],
    ['2024-02', 50],
    ['2024-03', 0], // an empty month is reported, not skipped
    ['2024-04', 80],
  ],
)
assert.equal(result.periods.at(-1)?.period.complete, false) // February 2025 is not over on the 20th
assert.equal(result.excluded.invalid, 1)

// Trailing three months, by merging monthly states (no second pass over the orders).
const trailingQuarter = rolling(monthly, state, { size: 3 }).periods
assert.equal(trailingQuarter.find((w) => w.period.key === '2024-04')?.result.value, 130) // Feb + Mar + Apr

// Year over year: February 2025 against February 2024, as a relative change (a level).
const yoy = comparePeriods(result, { against: 'year-ago' }).find((c) => c.period.key === '2025-02')
assert.equal(yoy?.against, '2024-02')
assert.equal(yoy?.comparison?.relativeChange, 0.5)

// The last 30 days before an instant, and the 30 days before those.
const recent = fold(
  trailing(total, { date: (o: Order) => o.at, days: 30, asOf: '2025-02-20T00:00:00-03:00', count: 2 }),
  orders,
)
assert.deepEqual(
  recent.windows.map((w) => w.result.value),
  [0, 75],
)
