// Amounts read from a CSV export arrive as decimal strings. Every money input takes a canonical decimal
// string exactly as it takes the number; any other string is invalid and counted (or a TypeError for the
// formula KPIs), never guessed.
import { describe, expect, it } from 'vitest'
import { cacPayback, lifetimeValue, mrr, rfmSummary, type Subscription } from '../src/index.ts'

const at = '2024-06-01T00:00:00Z'
const sub = (amount: string, extra: object = {}): Subscription => ({
  customerId: 'a',
  start: '2024-01-01T00:00:00Z',
  amount,
  billingInterval: 'year',
  ...extra,
})

describe('money as decimal strings', () => {
  it('subscriptions: amount, mrr and amountOff', () => {
    // 1,200 a year is 100 a month; 24 a year off is 2 a month.
    expect(mrr([sub('1200')], { at }).value).toBe(100)
    expect(mrr([sub('1200', { discount: { amountOff: '24' } })], { at }).value).toBe(98)
    expect(mrr([{ customerId: 'a', start: '2024-01-01T00:00:00Z', mrr: '49.99' }], { at }).value).toBe(49.99)
    for (const bad of [' 1200', '1,200', '1200.', '01200', '1e3', 'USD 1200']) {
      const r = mrr([sub(bad)], { at })
      expect(r.value, bad).toBeNull()
      expect(r.excluded.invalid, bad).toBe(1)
    }
  })

  it('rfmSummary: transaction amounts', () => {
    const rows = (a: string, b: string) => [
      { customerId: 'c', at: '2024-01-01T00:00:00Z', amount: a },
      { customerId: 'c', at: '2024-02-01T00:00:00Z', amount: b },
    ]
    const options = { calibrationEnd: '2024-03-01T00:00:00Z' } as const
    // m_x is the mean of the repeat purchases: the second one, 12.5.
    expect(rfmSummary(rows('10', '12.50'), options).customers[0]?.monetaryValue).toBe(12.5)
    expect(rfmSummary(rows('10', '12,50'), options).excluded.invalid).toBe(1)
  })

  it('formula KPIs: strings as written, the same figure as the number', () => {
    expect(lifetimeValue({ arpa: '100', churn: 0.05 }).value).toBe(2000)
    expect(cacPayback({ spend: '1200', newMrr: '100' }).value).toBe(12)
    expect(cacPayback({ spend: ['1200'], newMrr: ['100'] })[0]?.value).toBe(12)
    expect(() => lifetimeValue({ arpa: ' 100', churn: 0.05 })).toThrow('lifetimeValue expected `input.arpa`')
    expect(() => cacPayback({ spend: 1200, newMrr: '1e2' })).toThrow('cacPayback expected `input.newMrr`')
  })
})
