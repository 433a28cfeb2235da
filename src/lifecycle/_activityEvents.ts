import { _copy } from '../core/_copy.ts'
// The activity-events source of cohortRetention: each customer's periods with a start event and with a
// return event, kept per customer so that states merge.
import { _exclude, _mergeCounts } from '../core/_exclude.ts'
import { _finder, _keyed } from '../core/_keyed.ts'
import type { Accessor, Aggregator } from '../core/aggregator.ts'
import type { _Calendar } from '../time/_calendar.ts'
import type { ActivityEvent, CohortRetentionResult, CohortRetentionState } from './_cohortTypes.ts'
import type { _SubscriptionConfig } from './_subscription.ts'

/** The aggregator over activity events, whose `result` builds the table. */
export function _activityAggregator<T>(
  fn: string,
  accessor: Accessor<T, ActivityEvent> | undefined,
  config: _SubscriptionConfig,
  calendar: _Calendar,
  events: { readonly start?: string; readonly return?: string },
  result: (state: CohortRetentionState) => CohortRetentionResult,
): Aggregator<T, CohortRetentionState, CohortRetentionResult> {
  const startEvent = events.start
  const returnEvent = events.return
  const find = _finder(fn)
  return {
    kpi: fn,
    init: () => ({
      currency: null,
      customers: _keyed(),
      n: 0,
      activity: _keyed(),
      excluded: { missing: 0, invalid: 0, trial: 0, free: 0, pending: 0, otherEvent: 0 },
    }),
    add(state, item, index) {
      const e = (accessor === undefined ? item : accessor(item, index)) as ActivityEvent
      const skip = (reason: string, value: unknown): CohortRetentionState => {
        const policy = reason === 'missing' || reason === 'invalid' ? config.onInvalid : 'exclude'
        _exclude(state.excluded, reason, policy, fn, index, value)
        return state
      }
      if (e === null || e === undefined) return skip('missing', e)
      const id = e.customerId
      if (id === undefined || id === null || id === '' || e.at === undefined || e.at === null) {
        return skip('missing', id)
      }
      const at = config.instant(e.at)
      if (at === null || (typeof id !== 'string' && typeof id !== 'number')) {
        return skip('invalid', e.at)
      }
      if (at >= config.asOf) return skip('pending', e.at)
      const isStart = startEvent === undefined || e.event === startEvent
      const isReturn = returnEvent === undefined || e.event === returnEvent
      if (!isStart && !isReturn) return skip('otherEvent', e.event)
      const period = calendar.startOf(at)
      const customer = String(id)
      let entry = find.get(state.activity, customer)
      if (entry === undefined) {
        entry = [[], []]
        find.set(state.activity, customer, entry)
      }
      if (isStart && !entry[0].includes(period)) entry[0].push(period)
      if (isReturn && !entry[1].includes(period)) entry[1].push(period)
      state.n++
      return state
    },
    merge(a, b) {
      if (a === b) b = _copy(b)
      const { keys, values } = b.activity
      for (let i = 0; i < keys.length; i++) {
        const id = keys[i] as string
        const [s, r] = values[i] as [number[], number[]]
        const mine = find.get(a.activity, id)
        if (mine === undefined) find.set(a.activity, id, [s.slice(), r.slice()])
        else {
          for (const t of s) if (!mine[0].includes(t)) mine[0].push(t)
          for (const t of r) if (!mine[1].includes(t)) mine[1].push(t)
        }
      }
      a.n += b.n
      _mergeCounts(a.excluded, b.excluded)
      return a
    },
    result,
  }
}
