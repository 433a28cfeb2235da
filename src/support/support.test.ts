// Support KPIs. Expected values: the spec's §11.5 and §12.5 examples, the vendors' rules (one test per
// rule), and durations counted by hand from the events (shown per case).
import { test } from '@fast-check/vitest'
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isKpiError } from '../core/isKpiError.ts'
import { quantileSorted } from '../stats/quantileSorted.ts'
import { _newYorkNineToFive } from '../time/_testSchedules.ts'
import { businessHours } from '../time/businessHours.ts'
import { _durationStats } from './_support.ts'
import { firstContactResolution } from './firstContactResolution.ts'
import { firstReplyTime } from './firstReplyTime.ts'
import { resolutionTime } from './resolutionTime.ts'
import { type TicketEvent, type TicketSummary, ticketSummaries } from './ticketSummaries.ts'

const M = 60_000
const H = 60 * M
const at = (hhmm: string, day = '2024-03-13'): string => `${day}T${hhmm}:00-04:00` // a Wednesday in New York (EDT)
const message = (
  time: string,
  author: NonNullable<TicketEvent['author']>,
  extra: { agentId?: string; public?: boolean } = {},
): TicketEvent => ({
  ticketId: 1,
  at: at(time),
  type: 'message',
  author,
  ...extra,
})
const status = (time: string, value: NonNullable<TicketEvent['status']>): TicketEvent => ({
  ticketId: 1,
  at: at(time),
  type: 'status',
  status: value,
})
const only = (events: TicketEvent[]): TicketSummary => ticketSummaries(events)[0] as TicketSummary

describe('ticketSummaries (Zendesk rules)', () => {
  it('does not count bot replies or internal notes as replies', () => {
    const t = only([
      message('09:00', 'customer'),
      message('09:05', 'bot'),
      message('09:06', 'system'),
      message('09:30', 'agent', { public: false }),
      message('10:00', 'agent'),
      status('10:01', 'solved'),
    ])
    expect(t.firstReplyAt).toBe(Date.parse(at('10:00')))
    expect(t.agentReplies).toBe(1)
    expect(t.reopens).toBe(0)
  })
  it('takes the second public agent comment as the first reply of a ticket an agent opened', () => {
    const t = only([message('09:00', 'agent'), message('09:30', 'customer'), message('10:00', 'agent')])
    expect(t.firstReplyAt).toBe(Date.parse(at('10:00')))
    expect(t.customerFollowups).toBe(1)
  })
  it('E4: solved, reopened by the customer, answered and solved again: one reopen, first ≠ full resolution', () => {
    const t = only([
      message('09:00', 'customer'),
      message('09:10', 'agent', { agentId: 'ann' }),
      status('09:15', 'solved'),
      message('10:00', 'customer'),
      status('10:01', 'open'),
      message('10:30', 'agent', { agentId: 'ann' }),
      status('10:45', 'solved'),
    ])
    expect(t).toMatchObject({
      reopens: 1,
      agentReplies: 2,
      closes: 2,
      agentsInvolved: 1,
      customerFollowups: 1,
    })
    expect(t.firstSolvedAt).toBe(Date.parse(at('09:15')))
    expect(t.solvedAt).toBe(Date.parse(at('10:45')))
    expect(firstContactResolution([t]).value).toBe(0)
    expect(firstContactResolution([t], { method: 'zendesk-lt2' }).value).toBe(0)
  })
  it('reopens a solved ticket on a customer message even without a status event', () => {
    const t = only([
      message('09:00', 'customer'),
      message('09:10', 'agent'),
      status('09:15', 'solved'),
      message('09:40', 'customer'),
      status('10:00', 'solved'),
    ])
    expect(t.reopens).toBe(1)
  })
  it('treats messages after a close as a follow-up ticket: a closed ticket does not reopen', () => {
    const t = only([
      message('09:00', 'customer'),
      message('09:10', 'agent'),
      status('09:15', 'solved'),
      status('09:20', 'closed'),
      message('10:00', 'customer'),
      message('10:30', 'agent'),
      status('10:45', 'solved'),
    ])
    expect(t).toMatchObject({ reopens: 0, agentReplies: 1, closes: 1, status: 'closed' })
    expect(t.solvedAt).toBe(Date.parse(at('09:15')))
    expect(firstContactResolution([t]).value).toBe(1)
  })
  it('counts a close by a rule without a solve as the resolution', () => {
    const t = only([message('09:00', 'customer'), message('09:10', 'agent'), status('12:00', 'closed')])
    expect(t.solvedAt).toBe(Date.parse(at('12:00')))
  })
  it('leaves the first reply null for a ticket still unanswered', () => {
    expect(only([message('09:00', 'customer'), message('09:02', 'bot')]).firstReplyAt).toBeNull()
  })
  it('measures waits from the status history (new + open + hold; pending; hold)', () => {
    const t = only([
      message('09:00', 'customer'),
      status('09:10', 'open'),
      status('09:30', 'pending'),
      status('10:00', 'open'),
      status('10:10', 'hold'),
      status('11:00', 'solved'),
    ])
    // new 10 min + open 20 + 10 min + hold 50 min = 90 min; pending 30 min; hold 50 min.
    expect(t).toMatchObject({ requesterWaitMs: 90 * M, agentWaitMs: 30 * M, onHoldMs: 50 * M })
  })
  it('groups events of many tickets, in any order, by ticket', () => {
    const events: TicketEvent[] = [
      { ticketId: 'b', at: at('10:00'), type: 'message', author: 'agent' },
      {
        ticketId: 'a',
        at: at('09:00'),
        type: 'message',
        author: 'customer',
        requesterId: 'r1',
        topic: 'billing',
      },
      { ticketId: 'b', at: at('09:30'), type: 'message', author: 'customer' },
      { ticketId: 'a', at: 'yesterday', type: 'message', author: 'agent' },
    ]
    expect(() => ticketSummaries(events)).toThrow('ticketSummaries: observation 3 is invalid ("yesterday")')
    const summaries = ticketSummaries(events, { onInvalid: 'skip' })
    expect(summaries.map((s) => [s.id, s.firstReplyAt !== null])).toEqual([
      ['b', true],
      ['a', false],
    ])
    expect(summaries[1]).toMatchObject({ requesterId: 'r1', topic: 'billing' })
    expect(
      ticketSummaries([{ id: 7, at: at('09:00'), type: 'message', author: 'customer' }], {
        ticket: (e) => e.id,
      })[0]?.id,
    ).toBe(7)
  })
})

const support = businessHours(_newYorkNineToFive([{ date: '2024-07-04' }]))
const ticket = (
  created: string,
  reply: string | null,
  extra: Partial<TicketSummary> = {},
): TicketSummary => ({
  createdAt: created,
  firstReplyAt: reply,
  ...extra,
})

describe('firstReplyTime', () => {
  it('E6: half of the conversations answered within 45 minutes means a median of 45 minutes', () => {
    const tickets = [10, 30, 45, 60, 120].map((minutes) =>
      ticket(at('09:00'), new Date(Date.parse(at('09:00')) + minutes * M).toISOString()),
    )
    const result = firstReplyTime(tickets)
    expect(result.value).toBe(45 * M)
    expect(result).toMatchObject({ unit: 'ms', basis: 'calendar', method: 'median', n: 5 })
    expect(result.calendar.meanMs).toBe(53 * M)
  })
  it('reports calendar and business time side by side with a schedule', () => {
    // Friday 16:00 → Monday 10:00 across the spring-forward weekend: 66 h elapsed, 2 business hours.
    const result = firstReplyTime([ticket('2024-03-08T16:00:00-05:00', '2024-03-11T10:00:00-04:00')], {
      schedule: support,
    })
    expect(result.basis).toBe('business')
    expect(result.value).toBe(2 * H)
    expect(result.calendar.medianMs).toBe(65 * H)
    expect(result.business?.medianMs).toBe(2 * H)
  })
  it('gives 0 business time to a ticket created and answered outside hours, and counts from opening', () => {
    const result = firstReplyTime(
      [ticket('2024-03-09T10:00:00-05:00', '2024-03-09T11:00:00-05:00'), ticket(at('07:00'), at('10:00'))],
      { schedule: support, method: 'mean' },
    )
    expect(result.business?.minMs).toBe(0)
    expect(result.business?.maxMs).toBe(H)
    expect(result.value).toBe(0.5 * H)
  })
  it('excludes unanswered tickets and counts them, never as 0', () => {
    const result = firstReplyTime([
      ticket(at('09:00'), at('10:00')),
      ticket(at('09:00'), null),
      ticket(at('09:00'), at('08:00')),
    ])
    expect(result.n).toBe(1)
    expect(result.excluded).toMatchObject({ unanswered: 1, replyBeforeCreation: 1 })
    expect(firstReplyTime([ticket(at('09:00'), null)]).value).toBeNull()
  })
  it('reads percentiles linearly by default, by nearest rank when asked (1, 2, 3, 4 h: p90 3.7 h vs 4 h)', () => {
    const tickets = [1, 2, 3, 4].map((hours) => ticket(at('00:00'), at(`0${hours}:00`)))
    expect(firstReplyTime(tickets, { method: 'p90' }).value).toBeCloseTo(3.7 * H, 6)
    expect(firstReplyTime(tickets, { method: 'p90', quantileMethod: 'nearest-rank' }).value).toBe(4 * H)
    expect(firstReplyTime(tickets, { method: 'p95' }).value).toBeCloseTo(3.85 * H, 6)
  })
  it('reports SLA attainment against a target, with a Wilson interval at the level given', () => {
    const tickets = [10, 20, 50, 70].map((minutes) =>
      ticket(at('10:00'), new Date(Date.parse(at('10:00')) + minutes * M).toISOString()),
    )
    const result = firstReplyTime(tickets, { targetMs: 60 * M, level: 0.9 })
    expect(result.withinTarget).toMatchObject({
      targetMs: 60 * M,
      successes: 3,
      n: 4,
      value: 0.75,
      measure: 'proportion',
    })
    expect(result.withinTarget?.ci?.level).toBe(0.9)
  })
  it('leaves spam and merged tickets out, and throws on invalid dates when asked', () => {
    const result = firstReplyTime([
      ticket(at('09:00'), at('10:00'), { spam: true }),
      ticket(at('09:00'), at('10:00'), { merged: true }),
    ])
    expect(result.excluded).toMatchObject({ spam: 1, merged: 1 })
    try {
      firstReplyTime([ticket('2024-03-13T09:00:00', at('10:00'))], { onInvalid: 'throw' })
      expect.unreachable()
    } catch (error) {
      expect(isKpiError(error) && error.code === 'invalid-observation').toBe(true)
    }
  })
})

describe('resolutionTime', () => {
  const reopened: TicketSummary = {
    createdAt: at('09:00'),
    firstSolvedAt: at('09:15'),
    solvedAt: at('10:45'),
    reopens: 1,
  }
  it('measures full resolution by default and reports the first beside it', () => {
    const result = resolutionTime([reopened])
    expect(result.value).toBe(105 * M)
    expect(result.first.calendar.medianMs).toBe(15 * M)
    expect(result.resolution).toBe('full')
    expect(resolutionTime([reopened], { resolution: 'first' }).value).toBe(15 * M)
  })
  it('reads solvedAt, counts unresolved tickets, and measures business time over a holiday', () => {
    const result = resolutionTime(
      [
        { createdAt: '2024-07-03T16:00:00-04:00', solvedAt: '2024-07-05T10:00:00-04:00' },
        { createdAt: at('09:00'), solvedAt: null },
      ],
      { schedule: support },
    )
    expect(result.value).toBe(2 * H)
    expect(result.excluded.unresolved).toBe(1)
    expect(result.full.calendar.medianMs).toBe(42 * H)
  })
  it('summarises wait times when the tickets carry them', () => {
    const result = resolutionTime([
      { ...reopened, requesterWaitMs: 90 * M, onHoldMs: 50 * M, agentWaitMs: 30 * M },
    ])
    expect(result.requesterWait?.medianMs).toBe(90 * M)
    expect(result.onHold?.medianMs).toBe(50 * M)
    expect(result.agentWait?.medianMs).toBe(30 * M)
    expect(resolutionTime([reopened]).onHold).toBeNull()
  })
  it('reports the share resolved within a target', () => {
    expect(resolutionTime([reopened], { targetMs: 2 * H }).withinTarget?.value).toBe(1)
    expect(resolutionTime([reopened], { targetMs: H }).withinTarget?.value).toBe(0)
  })
})

describe('firstContactResolution', () => {
  const solvedTicket = (replies: number, extra: Partial<TicketSummary> = {}): TicketSummary => ({
    createdAt: at('09:00'),
    solvedAt: at('12:00'),
    agentReplies: replies,
    reopens: 0,
    ...extra,
  })
  it('E1: 280 of 400 resolved at first contact is 70 %, Wilson 95 % [65.34 %, 74.28 %]', () => {
    const tickets = [
      ...Array.from({ length: 280 }, () => solvedTicket(1)),
      ...Array.from({ length: 120 }, () => solvedTicket(2)),
    ]
    const result = firstContactResolution(tickets)
    expect(result).toMatchObject({
      value: 0.7,
      n: 400,
      successes: 280,
      method: 'one-agent-reply',
      denominator: 'resolved',
      measure: 'proportion',
    })
    expect(result.ci?.lower).toBeCloseTo(0.6534, 4)
    expect(result.ci?.upper).toBeCloseTo(0.7428, 4)
  })
  it('counts a zero-reply solve under Zendesk’s formula but not under one agent reply', () => {
    const tickets = [solvedTicket(0), solvedTicket(1)]
    expect(firstContactResolution(tickets).value).toBe(0.5)
    expect(firstContactResolution(tickets, { method: 'zendesk-lt2' }).value).toBe(1)
  })
  it('one agent reply requires no reopen', () => {
    expect(firstContactResolution([solvedTicket(1, { reopens: 1 })]).value).toBe(0)
  })
  it('no-customer-followup counts tickets the customer never wrote to again, whatever the replies', () => {
    const tickets = [solvedTicket(3, { customerFollowups: 0 }), solvedTicket(1, { customerFollowups: 2 })]
    expect(firstContactResolution(tickets, { method: 'no-customer-followup' }).value).toBe(0.5)
  })
  it('single-teammate-closed-once needs one agent and one close', () => {
    const tickets = [
      solvedTicket(2, { agentsInvolved: 1, closes: 1 }),
      solvedTicket(1, { agentsInvolved: 2, closes: 1 }),
      solvedTicket(1, { agentsInvolved: 1, closes: 2 }),
    ]
    expect(firstContactResolution(tickets, { method: 'single-teammate-closed-once' }).value).toBeCloseTo(
      1 / 3,
      12,
    )
    expect(
      firstContactResolution([solvedTicket(1)], { method: 'single-teammate-closed-once' }).excluded
        .incomplete,
    ).toBe(1)
  })
  it('denominators: resolved (open tickets left out), all received (gross), resolvable (net)', () => {
    const tickets = [
      solvedTicket(1),
      solvedTicket(2),
      { createdAt: at('09:00'), agentReplies: 1, status: 'open' as const },
      solvedTicket(2, { topic: 'hardware' }),
    ]
    expect(firstContactResolution(tickets)).toMatchObject({ value: 1 / 3, n: 3 })
    expect(firstContactResolution(tickets).excluded.unresolved).toBe(1)
    expect(firstContactResolution(tickets, { denominator: 'all' })).toMatchObject({
      value: 0.25,
      n: 4,
    })
    const net = firstContactResolution(tickets, {
      denominator: 'resolvable',
      resolvable: (t) => t.topic !== 'hardware',
    })
    expect(net).toMatchObject({ value: 1 / 3, n: 3 })
    expect(net.excluded.notResolvable).toBe(1)
  })
  it('repeat-contact-windowMs: a contact from the same requester on the same topic within the window undoes FCR', () => {
    const day = (d: number, hh = '09:00'): string => `2024-03-${String(10 + d).padStart(2, '0')}T${hh}:00Z`
    const tickets: TicketSummary[] = [
      { requesterId: 'r1', topic: 'billing', createdAt: day(1), solvedAt: day(1, '10:00') },
      { requesterId: 'r1', topic: 'billing', createdAt: day(2), solvedAt: day(2, '10:00') }, // within 72 h of the first
      { requesterId: 'r2', topic: 'billing', createdAt: day(1), solvedAt: day(1, '10:00') },
      { requesterId: 'r2', topic: 'login', createdAt: day(2), solvedAt: day(2, '10:00') }, // another topic
      { requesterId: 'r3', createdAt: day(1), solvedAt: day(1, '10:00') },
      { requesterId: 'r3', createdAt: day(8), solvedAt: day(8, '10:00') }, // after the window
      { createdAt: day(1), solvedAt: day(1, '10:00') },
    ]
    const result = firstContactResolution(tickets, {
      method: 'repeat-contact-window',
      windowMs: 72 * H,
    })
    expect(result).toMatchObject({ n: 6, successes: 5 })
    expect(result.excluded.missingRequester).toBe(1)
    const early = firstContactResolution(tickets, {
      method: 'repeat-contact-window',
      windowMs: 72 * H,
      asOf: day(5),
    })
    // r1's and r2's second contacts (solved on day 2 at 10:00: windows end on day 5 at 10:00) and r3's
    // second contact have windows that end after asOf (day 5, 09:00).
    expect(early.excluded.pending).toBe(3)
    expect(() => firstContactResolution(tickets, { method: 'repeat-contact-window' })).toThrow(TypeError)
  })
  it('uses level and minN, and throws on invalid tickets when asked', () => {
    const tickets = [solvedTicket(1), solvedTicket(2)]
    expect(firstContactResolution(tickets, { level: 0.8 }).ci?.level).toBe(0.8)
    expect(firstContactResolution(tickets, { minN: 3 })).toMatchObject({
      value: null,
      lowSample: true,
    })
    expect(() =>
      firstContactResolution([{ createdAt: at('09:00'), solvedAt: at('10:00') }], {
        onInvalid: 'throw',
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid-observation', reason: 'incomplete' }))
  })
})

describe('duration statistics of long lists, selected rather than sorted', () => {
  const bySorting = (values: number[], method: 'linear' | 'nearest-rank') => {
    const sorted = Float64Array.from(values).sort()
    return [0.5, 0.9, 0.95].map((p) => quantileSorted(sorted, p, method))
  }
  test.prop(
    [
      fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 256, maxLength: 3_000 }),
      fc.constantFrom('linear' as const, 'nearest-rank' as const),
    ],
    { numRuns: 200 },
  )('give the percentiles, extremes and mean of a sort', (values, method) => {
    const stats = _durationStats(values, method)
    expect([stats.medianMs, stats.p90Ms, stats.p95Ms]).toEqual(bySorting(values, method))
    expect(stats.minMs).toBe(Math.min(...values))
    expect(stats.maxMs).toBe(Math.max(...values))
    expect(stats.meanMs).toBe(values.reduce((a, b) => a + b, 0) / values.length)
  })
  it('on the inputs that make a quickselect slow: sorted, reversed, equal, organ pipe, few values', () => {
    const n = 20_000
    const inputs = [
      Array.from({ length: n }, (_, i) => i),
      Array.from({ length: n }, (_, i) => n - i),
      Array.from({ length: n }, () => 7),
      Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
      Array.from({ length: n }, (_, i) => i % 3),
    ]
    for (const values of inputs)
      for (const method of ['linear', 'nearest-rank'] as const) {
        const stats = _durationStats(values, method)
        expect([stats.medianMs, stats.p90Ms, stats.p95Ms]).toEqual(bySorting(values, method))
      }
  })
})

describe('waits that are no durations', () => {
  it('are not read into the wait statistics: a NaN or infinite wait leaves no NaN in the result', () => {
    const tickets = [
      { createdAt: '2024-01-08T10:00:00Z', solvedAt: '2024-01-08T12:00:00Z', requesterWaitMs: 60_000 },
      { createdAt: '2024-01-08T10:00:00Z', solvedAt: '2024-01-08T13:00:00Z', requesterWaitMs: Number.NaN },
      {
        createdAt: '2024-01-08T10:00:00Z',
        solvedAt: '2024-01-08T14:00:00Z',
        requesterWaitMs: Number.POSITIVE_INFINITY,
      },
    ]
    const r = resolutionTime(tickets)
    expect(r.n).toBe(3)
    expect(r.requesterWait).toMatchObject({ n: 1, meanMs: 60_000, medianMs: 60_000 })
    // No NaN anywhere: the result survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })
})

describe('duration statistics at their edges', () => {
  it('a long list holding NaN is sorted as a typed array sorts it (NaN last), its sum taken in that order', () => {
    const values = Array.from({ length: 300 }, (_, i) => i)
    values[10] = Number.NaN
    const sorted = Float64Array.from(values).sort()
    const stats = _durationStats(values, 'linear')
    expect(stats.medianMs).toBe(quantileSorted(sorted, 0.5))
    expect(stats.p95Ms).toBe(quantileSorted(sorted, 0.95))
    expect(stats.minMs).toBe(0)
    expect(Number.isNaN(stats.maxMs)).toBe(true)
  })
  it('no durations: no statistics', () => {
    expect(_durationStats([], 'linear')).toEqual({
      n: 0,
      meanMs: null,
      medianMs: null,
      p90Ms: null,
      p95Ms: null,
      minMs: null,
      maxMs: null,
    })
  })
  it('a duration equal to the target is within it; no target, no share; no durations, no value', () => {
    const tickets = [
      { createdAt: '2024-01-08T10:00:00Z', firstReplyAt: '2024-01-08T11:00:00Z' },
      { createdAt: '2024-01-08T10:00:00Z', firstReplyAt: '2024-01-08T12:00:00Z' },
    ]
    expect(firstReplyTime(tickets, { targetMs: 3_600_000 }).withinTarget).toMatchObject({
      successes: 1,
      n: 2,
      value: 0.5,
    })
    expect(firstReplyTime(tickets).withinTarget).toBeNull()
    expect(firstReplyTime([], { targetMs: 1 }).withinTarget).toMatchObject({
      successes: 0,
      n: 0,
      value: null,
    })
    expect(firstReplyTime(tickets, { method: 'mean' }).value).toBe(5_400_000)
  })
})
