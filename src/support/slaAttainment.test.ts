// SLA attainment. Due times counted by hand on the New York schedule (Monday–Friday 09:00–17:00).
import { describe, expect, it } from 'vitest'
import { _newYorkNineToFive } from '../time/_testSchedules.ts'
import { businessHours } from '../time/businessHours.ts'
import { slaAttainment } from './slaAttainment.ts'
import type { TicketSummary } from './ticketSummaries.ts'

const H = 3_600_000
const support = businessHours(_newYorkNineToFive())
// Created Friday 8 March 2024 at 20:00 EST: an 8-business-hour target is due Monday 11 March at 17:00 EDT.
const friday = '2024-03-08T20:00:00-05:00'
const tickets: TicketSummary[] = [
  { createdAt: friday, firstReplyAt: '2024-03-11T16:59:00-04:00', solvedAt: '2024-03-12T10:00:00-04:00' }, // met
  { createdAt: friday, firstReplyAt: '2024-03-11T17:01:00-04:00', solvedAt: '2024-03-11T18:00:00-04:00' }, // late
  { createdAt: friday, firstReplyAt: null }, // still waiting
]

describe('slaAttainment', () => {
  it('measures first replies against a due time in business hours', () => {
    const result = slaAttainment(tickets, { targetMs: 8 * H, schedule: support })
    expect(result).toMatchObject({
      kpi: 'slaAttainment',
      value: 0.5,
      n: 2,
      successes: 1,
      breached: 1,
      metric: 'first-reply',
    })
    expect(result.excluded.pending).toBe(1)
  })
  it('counts a ticket still waiting past its due time as breached, once asOf says so', () => {
    expect(
      slaAttainment(tickets, {
        targetMs: 8 * H,
        schedule: support,
        asOf: '2024-03-11T18:00:00-04:00',
      }),
    ).toMatchObject({
      n: 3,
      breached: 2,
    })
    expect(
      slaAttainment(tickets, {
        targetMs: 8 * H,
        schedule: support,
        asOf: '2024-03-11T12:00:00-04:00',
      }).excluded.pending,
    ).toBe(1)
  })
  it('measures in calendar time without a schedule (due Saturday 04:00: every reply is late)', () => {
    expect(slaAttainment(tickets, { targetMs: 8 * H }).value).toBe(0)
  })
  it('measures resolutions when asked (due Monday 17:00: the first is late, the second too)', () => {
    const result = slaAttainment(tickets, {
      targetMs: 8 * H,
      schedule: support,
      metric: 'resolution',
    })
    expect(result).toMatchObject({ successes: 0, breached: 2 })
    expect(
      slaAttainment(tickets, { targetMs: 10 * H, schedule: support, metric: 'resolution' }).successes,
    ).toBe(2)
  })
  it('takes a target per ticket', () => {
    const byChannel = slaAttainment(
      [
        {
          createdAt: '2024-03-13T10:00:00-04:00',
          firstReplyAt: '2024-03-13T10:20:00-04:00',
          channel: 'chat',
        },
        {
          createdAt: '2024-03-13T10:00:00-04:00',
          firstReplyAt: '2024-03-13T10:40:00-04:00',
          channel: 'chat',
        },
        {
          createdAt: '2024-03-13T10:00:00-04:00',
          firstReplyAt: '2024-03-13T13:00:00-04:00',
          channel: 'email',
        },
      ],
      { targetMs: (t) => (t.channel === 'chat' ? 0.5 * H : 4 * H) },
    )
    expect(byChannel).toMatchObject({ successes: 2, breached: 1 })
    expect(slaAttainment(tickets, { targetMs: () => Number.NaN }).excluded.invalid).toBe(3)
  })
  it('uses level and minN, throws on invalid tickets when asked, and refuses a bad target', () => {
    expect(slaAttainment(tickets, { targetMs: 8 * H, schedule: support, level: 0.8 }).ci?.level).toBe(0.8)
    expect(slaAttainment(tickets, { targetMs: 8 * H, schedule: support, minN: 3 }).value).toBeNull()
    expect(() => slaAttainment([{ createdAt: 'soon' }], { targetMs: H, onInvalid: 'throw' })).toThrow(
      expect.objectContaining({ code: 'invalid-observation' }),
    )
    expect(() => slaAttainment(tickets, { targetMs: -1 })).toThrow(RangeError)
  })
})
