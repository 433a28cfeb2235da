import { cohortRetention } from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import { many, paid, utc } from './_testSubscriptions.ts'

const day = (d: number, hour = 10) =>
  `2024-01-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`
const events = (id: string, days: number[], event?: string) =>
  days.map((d) => ({ customerId: id, at: day(d), ...(event === undefined ? {} : { event }) }))
const daily = { source: 'events', unit: 'day', asOf: utc('2024-01-20') } as const

// Spec §4.7 E9 (Mixpanel): 10 born on 2 January; 9, 7 and 6 of them come back 1, 2 and 3 days later.
const mixpanel = Array.from({ length: 10 }, (_, i) =>
  events(`u${i}`, [2, ...(i < 9 ? [3] : []), ...(i < 7 ? [4] : []), ...(i < 6 ? [5] : [])]),
).flat()
const values = (row: { cells: { value: number | null }[] } | undefined) => row?.cells.map((c) => c.value)

describe('cohortRetention', () => {
  it('reproduces the Mixpanel example (E9): 90 %, 70 %, 60 %', () => {
    const t = cohortRetention(mixpanel, { ...daily, maxPeriods: 4 })
    expect(t.cohorts).toHaveLength(1)
    expect(t.cohorts[0]?.size).toBe(10)
    expect(values(t.cohorts[0])).toEqual([1, 0.9, 0.7, 0.6])
    expect(t.columns).toEqual(['0', '1', '2', '3'])
  })

  it('reproduces the PostHog example (E10): 3 users on day 0, 1 back on day 1 is 33 %', () => {
    const t = cohortRetention([...events('a', [1, 2]), ...events('b', [1]), ...events('c', [1])], {
      ...daily,
      maxPeriods: 2,
    })
    expect(t.cohorts[0]?.cells[1]?.value).toBeCloseTo(1 / 3, 15)
  })

  it("counts a return on or after a period with 'unbounded' (Amplitude)", () => {
    const data = [...events('a', [1, 4]), ...events('b', [1, 2])]
    expect(values(cohortRetention(data, { ...daily, maxPeriods: 4 }).cohorts[0])).toEqual([1, 0.5, 0, 0.5])
    expect(
      values(cohortRetention(data, { ...daily, maxPeriods: 4, criterion: 'unbounded' }).cohorts[0]),
    ).toEqual([1, 1, 0.5, 0.5])
  })

  it('counts any activity within custom brackets', () => {
    const data = [...events('a', [1, 4]), ...events('b', [1, 2]), ...events('c', [1])]
    const t = cohortRetention(data, {
      ...daily,
      criterion: 'bracket',
      brackets: [
        [1, 1],
        [2, 5],
      ],
    })
    expect(t.columns).toEqual(['1', '2–5'])
    expect(values(t.cohorts[0])).toEqual([1 / 3, 1 / 3])
    expect(() => cohortRetention(data, { ...daily, criterion: 'bracket' })).toThrow(/brackets/)
  })

  it('puts customers in every period they were active with recurring cohorts', () => {
    const data = [...events('a', [1, 2, 3]), ...events('b', [2])]
    const first = cohortRetention(data, { ...daily, maxPeriods: 2 })
    const recurring = cohortRetention(data, { ...daily, maxPeriods: 2, cohorting: 'recurring' })
    expect(first.cohorts.map((c) => [c.period.key, c.size])).toEqual([
      ['2024-01-01', 1],
      ['2024-01-02', 1],
    ])
    expect(recurring.cohorts.map((c) => [c.period.key, c.size, values(c)])).toEqual([
      ['2024-01-01', 1, [1, 1]],
      ['2024-01-02', 2, [1, 0.5]],
      ['2024-01-03', 1, [1, 0]],
    ])
  })

  it('separates the cohort event from the return event', () => {
    const data = [
      ...events('a', [1], 'signup'),
      ...events('a', [2], 'login'),
      ...events('b', [1], 'signup'),
      ...events('c', [2], 'login'),
      ...events('b', [2], 'page'),
    ]
    const t = cohortRetention(data, {
      ...daily,
      maxPeriods: 2,
      events: { start: 'signup', return: 'login' },
    })
    expect(t.cohorts.map((c) => [c.period.key, c.size])).toEqual([['2024-01-01', 2]])
    expect(values(t.cohorts[0])).toEqual([0, 0.5])
    expect(t.excluded.otherEvent).toBe(1)
  })

  it('marks cells whose period is not over as immature: null, not 0', () => {
    const t = cohortRetention(mixpanel, { ...daily, asOf: utc('2024-01-04T12:00') })
    expect(t.cohorts[0]?.cells.map((c) => [c.value, c.complete])).toEqual([
      [1, true],
      [0.9, true],
      [null, false],
    ])
  })

  it('averages columns weighted by cohort size over completed cells, or as a simple mean', () => {
    const data = [
      ...events('a', [1, 2]),
      ...Array.from({ length: 3 }, (_, i) => events(`b${i}`, [2])).flat(),
      ...events('b0', [3]),
      ...events('c', [3]),
    ]
    const options = { ...daily, asOf: utc('2024-01-04'), maxPeriods: 2 } as const
    const t = cohortRetention(data, options)
    // day-1 column: cohort 1 (1 of 1) and cohort 2 (1 of 3) completed; cohort 3's is not over
    expect(t.average[1]).toEqual({ value: 2 / 4, cohorts: 2, size: 4 })
    expect(cohortRetention(data, { ...options, average: 'mean' }).average[1]?.value).toBeCloseTo(
      (1 + 1 / 3) / 2,
      15,
    )
  })

  it('drills down to the customers behind a cell', () => {
    const t = cohortRetention(mixpanel, { ...daily, maxPeriods: 4, members: true })
    expect(t.cohorts[0]?.cells[3]?.members).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5'])
    expect(
      cohortRetention(mixpanel, { ...daily, maxPeriods: 4 }).cohorts[0]?.cells[3]?.members,
    ).toBeUndefined()
  })

  it('builds logo cohorts from subscriptions: paying at the end of each month', () => {
    const subs = [
      ...many('jan', 4, '2024-01-10', null),
      paid('jan-gone', '2024-01-12', '2024-02-20'),
      paid('feb', '2024-02-03', '2024-03-15'),
      paid('trial', '2024-01-05', '2024-01-20', { trial: true, amount: 0 }),
    ]
    const t = cohortRetention(subs, { unit: 'month', asOf: utc('2024-04-10') })
    expect(t.cohorts.map((c) => [c.period.key, c.size, values(c)])).toEqual([
      ['2024-01', 5, [1, 0.8, 0.8, null]],
      ['2024-02', 1, [1, 0, null, null]],
    ])
    expect(t.excluded.trial).toBe(1)
    expect(t.average[1]).toEqual({ value: 4 / 6, cohorts: 2, size: 6 })
  })

  it('builds revenue cohorts: MRR at the end of each period over the new-business MRR (ChartMogul)', () => {
    const subs = [
      paid('a', '2024-01-10', '2024-02-15', { amount: 100, subscriptionId: 'a1' }),
      paid('a', '2024-02-15', null, { amount: 150, subscriptionId: 'a2' }),
      paid('b', '2024-01-20', '2024-03-05', { amount: 100 }),
    ]
    const t = cohortRetention(subs, { unit: 'month', basis: 'revenue', asOf: utc('2024-04-01') })
    expect(t.cohorts[0]?.base).toBe(200)
    expect(values(t.cohorts[0])).toEqual([1, 1.25, 0.75])
    expect(t.cohorts[0]?.cells[1]?.retained).toBe(250)
    expect(() => cohortRetention(subs, { unit: 'month', basis: 'revenue', criterion: 'unbounded' })).toThrow(
      RangeError,
    )
  })

  it('limits cohorts to a range, in the reporting time zone', () => {
    const subs = [paid('dec', '2023-12-15', null), paid('jan', '2024-01-01T03:00', null)]
    const utcTable = cohortRetention(subs, {
      unit: 'month',
      range: { from: utc('2024-01-01'), to: utc('2024-02-01') },
      asOf: utc('2024-03-01'),
    })
    expect(utcTable.cohorts.map((c) => [c.period.key, c.size])).toEqual([['2024-01', 1]])
    // 03:00 UTC on 1 January is still December in New York
    const ny = cohortRetention(subs, {
      unit: 'month',
      timeZone: 'America/New_York',
      asOf: utc('2024-03-01'),
    })
    expect(ny.cohorts.map((c) => [c.period.key, c.size])).toEqual([['2023-12', 2]])
  })

  it('is empty without data, and rejects wrong options', () => {
    const t = cohortRetention([], { unit: 'month' })
    expect(t.cohorts).toEqual([])
    expect(t.average).toEqual([])
    expect(() => cohortRetention([], { unit: 'fortnight' as never })).toThrow(RangeError)
    expect(() => cohortRetention([], { unit: 'month', average: 'median' as never })).toThrow(
      "cohortRetention expected `options.average` to be one of 'weighted', 'mean' (did you mean 'mean'?), got `\"median\"`",
    )
    const bad = cohortRetention([{ customerId: 'a', at: 'soon' }, { at: day(1) }] as never[], daily)
    expect(bad.excluded).toMatchObject({ invalid: 1, missing: 1 })
  })
})
