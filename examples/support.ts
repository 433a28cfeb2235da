// Support metrics from a help desk's event log: Zendesk's rules for replies and reopens, business hours,
// and a Zendesk-compatible and an Intercom-compatible recipe.
import assert from 'node:assert/strict'
import {
  addBusinessTime,
  businessDuration,
  businessHours,
  firstContactResolution,
  firstReplyTime,
  resolutionTime,
  type TicketEvent,
  ticketSummaries,
} from 'cx-metrics'

const H = 3_600_000
const nineToFive = [['09:00', '17:00']] as const
const newYork = businessHours({
  name: 'Support (New York)',
  timeZone: 'America/New_York',
  hours: {
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
  },
  holidays: [{ date: '2024-07-04', name: 'Independence Day' }],
})

// Friday 16:00 to Monday 10:00 across the spring-forward weekend: 65 hours elapsed, 2 business hours.
assert.equal(businessDuration('2024-03-08T16:00:00-05:00', '2024-03-11T10:00:00-04:00', newYork), 2 * H)
// An 8-hour SLA on a ticket created on Friday evening is due at Monday's closing time.
assert.equal(
  addBusinessTime('2024-03-08T20:00:00-05:00', 8 * H, newYork),
  Date.parse('2024-03-11T17:00:00-04:00'),
)

// An event log: a bot and an internal note are not replies; ticket 2 is reopened and solved again.
const events: TicketEvent[] = [
  { ticketId: 1, at: '2024-03-13T09:00:00-04:00', type: 'message', author: 'customer', requesterId: 'acme' },
  { ticketId: 1, at: '2024-03-13T09:01:00-04:00', type: 'message', author: 'bot' },
  { ticketId: 1, at: '2024-03-13T09:20:00-04:00', type: 'message', author: 'agent', public: false },
  { ticketId: 1, at: '2024-03-13T09:45:00-04:00', type: 'message', author: 'agent', agentId: 'ana' },
  { ticketId: 1, at: '2024-03-13T09:50:00-04:00', type: 'status', status: 'solved' },
  { ticketId: 2, at: '2024-03-13T16:30:00-04:00', type: 'message', author: 'customer', requesterId: 'bolt' },
  { ticketId: 2, at: '2024-03-14T09:30:00-04:00', type: 'message', author: 'agent', agentId: 'ben' },
  { ticketId: 2, at: '2024-03-14T09:40:00-04:00', type: 'status', status: 'solved' },
  { ticketId: 2, at: '2024-03-14T11:00:00-04:00', type: 'message', author: 'customer' },
  { ticketId: 2, at: '2024-03-14T11:30:00-04:00', type: 'message', author: 'agent', agentId: 'ben' },
  { ticketId: 2, at: '2024-03-14T11:40:00-04:00', type: 'status', status: 'solved' },
  { ticketId: 3, at: '2024-03-14T10:00:00-04:00', type: 'message', author: 'customer', requesterId: 'acme' },
]
const tickets = ticketSummaries(events)
assert.deepEqual(
  tickets.map((t) => [t.id, t.agentReplies, t.reopens]),
  [
    [1, 1, 0],
    [2, 2, 1],
    [3, 0, 0],
  ],
)

// Zendesk-compatible: first reply time in business hours (ticket 2 waited 1 business hour — 30 minutes
// before closing, 30 after opening — not 17 hours), one-touch resolution as "fewer than 2 agent
// replies" over solved tickets.
const frt = firstReplyTime(tickets, { schedule: newYork, method: 'mean' })
console.log(JSON.stringify(frt, null, 2))
assert.equal(frt.business?.maxMs, H)
assert.equal(frt.calendar.maxMs, 17 * H)
assert.equal(frt.excluded.unanswered, 1) // ticket 3: never 0, counted
const oneTouch = firstContactResolution(tickets, { method: 'zendesk-lt2' })
assert.equal(oneTouch.value, 0.5)

// Intercom-compatible: the median first reply over calendar time, conversations grouped by their start
// date (byPeriod with date: (t) => t.createdAt), FCR as "closed once with one participating teammate".
assert.equal(firstReplyTime(tickets).value, (45 * 60_000 + 17 * H) / 2)
const intercom = firstContactResolution(tickets, { method: 'single-teammate-closed-once' })
assert.equal(intercom.value, 0.5)

// First and full resolution of the reopened ticket.
const resolution = resolutionTime(tickets.filter((t) => t.id === 2))
assert.equal(resolution.first.calendar.medianMs, 17 * H + 10 * 60_000)
assert.equal(resolution.full.calendar.medianMs, 19 * H + 10 * 60_000)
