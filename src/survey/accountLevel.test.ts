// accountLevel beyond the worked example of nps.test.ts: its refusals, ties, missing accounts, merges
// and the reason of an empty result. Expected values are counted by hand from the rows shown.
import { describe, expect, it } from 'vitest'
import { accumulate } from '../core/accumulate.ts'
import { fold } from '../core/fold.ts'
import { accountLevel } from './accountLevel.ts'
import { csatAggregator } from './csat.ts'
import { npsAggregator } from './nps.ts'

interface Row {
  readonly a: string | null | undefined
  readonly score: number
  readonly t?: string
}
const nps = () => npsAggregator((r: Row) => r.score)

describe('accountLevel refuses what it cannot wrap or read, by name', () => {
  const account = (r: Row) => r.a
  it('a KPI that is not a survey aggregator', () => {
    const expected =
      'accountLevel expected `aggregator` to be a survey aggregator (npsAggregator, csatAggregator or cesAggregator)'
    for (const wrong of [null, 5, { kpi: 'nps' }, undefined])
      expect(() => accountLevel(wrong as never, { account, policy: 'mean' })).toThrow(expected)
  })
  it('an account that is not a function, no policy, and no date for latest or first', () => {
    expect(() => accountLevel(nps(), { account: 'a' as never, policy: 'mean' })).toThrow(
      'accountLevel expected `options.account` to be a function',
    )
    expect(() => accountLevel(nps(), { account } as never)).toThrow(
      "accountLevel expected `options.policy` to be one of 'all', 'latest', 'first', 'mean', got `undefined`",
    )
    for (const policy of ['latest', 'first'] as const)
      expect(() => accountLevel(nps(), { account, policy })).toThrow(
        'accountLevel expected `options.date` to be a function, got `undefined`',
      )
    // 'mean' and 'all' need no date.
    expect(() => accountLevel(nps(), { account, policy: 'mean' })).not.toThrow()
    expect(() => accountLevel(nps(), { account, policy: 'all' })).not.toThrow()
  })
})

describe('accountLevel counts each account once', () => {
  const at = '2024-05-01T10:00:00Z'
  // Two answers of account x at the same instant: 3 and 9. A tie is broken by the score, whatever the
  // order the answers arrive in: the latest counts the higher (a promoter), the first the lower.
  const tie: Row[] = [
    { a: 'x', score: 3, t: at },
    { a: 'x', score: 9, t: at },
  ]
  const by = (policy: 'latest' | 'first', rows: readonly Row[]) =>
    fold(accountLevel(nps(), { account: (r) => r.a, policy, date: (r) => r.t }), rows)
  it('ties at one instant, in either order', () => {
    for (const rows of [tie, [...tie].reverse()]) {
      expect(by('latest', rows)).toMatchObject({ n: 1, promoters: 1, detractors: 0, value: 100 })
      expect(by('first', rows)).toMatchObject({ n: 1, promoters: 0, detractors: 1, value: -100 })
    }
  })
  it('an earlier and a later answer: the first and the latest', () => {
    const rows: Row[] = [
      { a: 'x', score: 10, t: '2024-05-02T00:00:00Z' },
      { a: 'x', score: 0, t: '2024-05-01T00:00:00Z' },
    ]
    expect(by('latest', rows)).toMatchObject({ n: 1, promoters: 1, value: 100 })
    expect(by('first', rows)).toMatchObject({ n: 1, detractors: 1, value: -100 })
    expect(by('latest', rows).excluded.duplicateAccount).toBe(1)
  })
  it('leaves out answers without an account — null, undefined or the empty string — counted by reason', () => {
    const rows: Row[] = [
      { a: null, score: 10 },
      { a: undefined, score: 10 },
      { a: '', score: 10 },
      { a: 'y', score: 0 },
    ]
    const r = fold(accountLevel(nps(), { account: (x) => x.a, policy: 'mean' }), rows)
    expect(r).toMatchObject({ n: 1, detractors: 1, value: -100, reason: null })
    expect(r.excluded).toMatchObject({ missingAccount: 3, duplicateAccount: 0, undated: 0 })
  })
  it('says why an empty result is empty: every answer left out, or none given', () => {
    const agg = accountLevel(nps(), { account: (x: Row) => x.a, policy: 'mean' })
    expect(fold(agg, [{ a: null, score: 10 }])).toMatchObject({ value: null, n: 0, reason: 'all-excluded' })
    expect(fold(agg, [])).toMatchObject({ value: null, n: 0, reason: 'no-data' })
  })
})

describe('accountLevel states merge', () => {
  const rows: Row[] = [
    { a: 'p', score: 1, t: '2024-01-01T00:00:00Z' },
    { a: 'p', score: 5, t: '2024-01-02T00:00:00Z' },
    { a: 'q', score: 5, t: '2024-01-01T00:00:00Z' },
    { a: 'q', score: 4, t: '2024-01-03T00:00:00Z' },
    { a: 'r', score: 2, t: '2024-01-01T00:00:00Z' },
  ]
  for (const policy of ['latest', 'first', 'mean'] as const)
    it(`as one fold of every row (${policy})`, () => {
      const agg = accountLevel(
        csatAggregator((r: Row) => r.score),
        { account: (r) => r.a, policy, date: (r) => r.t },
      )
      const merged = agg.result(agg.merge(accumulate(agg, rows.slice(0, 3)), accumulate(agg, rows.slice(3))))
      expect(merged).toEqual(fold(agg, rows))
    })
  it('with itself: the same accounts, each answer now filed twice', () => {
    // Means p 3, q 4.5, r 2, whatever the copies: on the 1–5 scale only q is satisfied (4 and above).
    const agg = accountLevel(
      csatAggregator((r: Row) => r.score),
      { account: (r) => r.a, policy: 'mean' },
    )
    const s = accumulate(agg, rows)
    const twice = agg.result(agg.merge(s, s))
    expect(twice).toMatchObject({ n: 3, value: 1 / 3 })
    // Ten answers filed for three accounts: seven replaced.
    expect(twice.excluded.duplicateAccount).toBe(7)
  })
})
