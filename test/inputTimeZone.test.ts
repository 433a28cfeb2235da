// Timestamps exported without an offset are read in a declared zone by every KPI that reads
// timestamps: the sample data, rewritten as São Paulo wall-clock times (as a spreadsheet export gives
// them), gives the same numbers with `inputTimeZone: 'America/Sao_Paulo'` as the original instants do,
// and without the option every such record is left out as invalid.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as cx from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const data = (name: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../examples/data/${name}.json`), 'utf8')) as Record<
    string,
    unknown
  >[]
const zone = 'America/Sao_Paulo'
const wall = new Intl.DateTimeFormat('sv-SE', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
/** The record with every UTC timestamp written as São Paulo wall-clock time, without an offset. */
const local = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      typeof v === 'string' && ISO_Z.test(v) ? wall.format(new Date(v)) : v,
    ]),
  )

/** Records whose timestamps all carry an offset (the sample data has a few deliberately without). */
const offsetOnly = (rows: Record<string, unknown>[]) =>
  rows.filter((r) =>
    Object.values(r).every((v) => typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v) || ISO_Z.test(v)),
  )
const subscriptions = offsetOnly(data('subscriptions'))
const tickets = offsetOnly(data('tickets')).slice(0, 400)
const surveys = offsetOnly(data('surveys')).filter((s) => s.answeredAt !== null)
const range = { from: '2024-01-01T00:00:00-03:00', to: '2025-01-01T00:00:00-03:00' }
const z = { inputTimeZone: zone }

/** A KPI call over the records, with extra options. */
type Case = [string, Record<string, unknown>[], (rows: Record<string, unknown>[], options: object) => unknown]
const cases: Case[] = [
  ['churnRate', subscriptions, (rows, o) => cx.churnRate(rows as never, { range, unit: 'quarter', ...o })],
  [
    'retentionRate',
    subscriptions,
    (rows, o) => cx.retentionRate(rows as never, { range, unit: 'quarter', ...o }),
  ],
  [
    'mrrMovements',
    subscriptions,
    (rows, o) => cx.mrrMovements(rows as never, { range, unit: 'quarter', ...o }),
  ],
  [
    'revenueRetention',
    subscriptions,
    (rows, o) => cx.revenueRetention(rows as never, { range, unit: 'quarter', ...o }),
  ],
  ['mrr', subscriptions, (rows, o) => cx.mrr(rows as never, { at: '2024-07-01T00:00:00Z', ...o })],
  [
    'cohortRetention',
    subscriptions,
    (rows, o) => cx.cohortRetention(rows as never, { unit: 'quarter', ...o }),
  ],
  [
    'customerLifetimes',
    subscriptions,
    (rows, o) => [
      ...cx.customerLifetimes(rows as never, { asOf: '2026-01-01T00:00:00Z', durationUnit: 'day', ...o }),
    ],
  ],
  ['firstReplyTime', tickets, (rows, o) => cx.firstReplyTime(rows as never, o)],
  ['resolutionTime', tickets, (rows, o) => cx.resolutionTime(rows as never, o)],
  ['firstContactResolution', tickets, (rows, o) => cx.firstContactResolution(rows as never, o)],
  ['slaAttainment', tickets, (rows, o) => cx.slaAttainment(rows as never, { targetMs: 3_600_000, ...o })],
  [
    'byPeriod',
    surveys,
    (rows, o) =>
      cx.fold(
        cx.byPeriod(
          cx.npsAggregator((r: Record<string, unknown>) => r.score as number),
          { date: (r) => r.answeredAt as string, unit: 'month', timeZone: zone, ...o },
        ),
        rows,
      ),
  ],
  [
    'trailing',
    surveys,
    (rows, o) =>
      cx.fold(
        cx.trailing(
          cx.npsAggregator((r: Record<string, unknown>) => r.score as number),
          { date: (r) => r.answeredAt as string, days: 90, count: 4, asOf: '2025-07-01T00:00:00Z', ...o },
        ),
        rows,
      ),
  ],
  [
    'accountLevel',
    surveys.filter((s) => s.survey === 'nps'),
    (rows, o) =>
      cx.fold(
        cx.accountLevel(
          cx.npsAggregator((r: Record<string, unknown>) => r.score as number),
          {
            account: (r) => r.customerId as string,
            policy: 'latest',
            date: (r) => r.answeredAt as string,
            ...o,
          },
        ),
        rows,
      ),
  ],
]

/** The numbers of a result, without its echo of the options. */
const numbers = (x: unknown): unknown =>
  Array.isArray(x)
    ? x.map(numbers)
    : x !== null && typeof x === 'object'
      ? Object.fromEntries(
          Object.entries(x)
            .filter(([k]) => k !== 'variant')
            .map(([k, v]) => [k, numbers(v)]),
        )
      : x

describe('inputTimeZone', () => {
  it.each(cases)('%s reads offset-less timestamps in the declared zone', (name, rows, run) => {
    const exported = rows.map(local)
    expect(numbers(run(exported, z)), name).toEqual(numbers(run(rows, {})))
    // The option is echoed, so that two results read in different zones are not compared.
    const json = JSON.stringify(run(exported, z))
    if (!['customerLifetimes', 'trailing'].includes(name))
      expect(json).toContain('"inputTimeZone":"America/Sao_Paulo"')
  })

  it.each(cases)('%s leaves offset-less timestamps out without it', (name, rows, run) => {
    const json = JSON.stringify(numbers(run(rows.map(local), {})))
    expect(json, name).not.toEqual(JSON.stringify(numbers(run(rows, {}))))
  })

  it('applies the DST policy to data: a skipped time is invalid, or read as asked', () => {
    const skipped = [
      { score: 9, at: '2024-03-10 02:30' },
      { score: 10, at: '2024-03-10 12:00' },
    ]
    const monthly = (disambiguation?: 'later') =>
      cx.fold(
        cx.byPeriod(
          cx.npsAggregator((r: { score: number; at: string }) => r.score),
          {
            date: (r) => r.at,
            unit: 'day',
            timeZone: 'America/New_York',
            inputTimeZone: 'America/New_York',
            ...(disambiguation === undefined ? {} : { disambiguation }),
          },
        ),
        skipped,
      )
    expect(monthly().excluded.invalid).toBe(1)
    expect(monthly('later').excluded.invalid).toBe(0)
    expect(monthly('later').periods[0]?.result.n).toBe(2)
  })

  it('ticketSummaries reads event times in the zone', () => {
    const events = [
      { ticketId: 't', at: '2024-05-01 09:00:00', type: 'message', author: 'customer' },
      { ticketId: 't', at: '2024-05-01 09:30:00', type: 'message', author: 'agent' },
    ]
    expect(() => cx.ticketSummaries(events as never)).toThrow('ticketSummaries: observation 0 is invalid')
    const [summary] = cx.ticketSummaries(events as never, z)
    expect(summary?.createdAt).toBe(Date.parse('2024-05-01T12:00:00.000Z'))
    expect(summary?.firstReplyAt).toBe(Date.parse('2024-05-01T12:30:00.000Z'))
  })
})

describe('accountLevel variant', () => {
  it("is the KPI's variant and its own options, not the KPI's state", () => {
    const r = cx.fold(
      cx.accountLevel(
        cx.npsAggregator((x: { s: number; a: string }) => x.s, { minN: 2 }),
        {
          account: (x) => x.a,
          policy: 'mean',
        },
      ),
      [
        { s: 9, a: 'x' },
        { s: 3, a: 'y' },
      ],
    )
    expect(r.variant).toEqual({
      level: 0.95,
      minN: 2,
      interval: 'adjusted-wald',
      lowSampleHalfWidth: 10,
      account: 'custom',
      policy: 'mean',
      disambiguation: 'reject',
    })
  })
})
