// Builders for lifecycle tests: compact subscriptions on UTC dates.
import type { Subscription } from './_subscription.ts'

/** '2024-03-10' (or with a time) as an ISO instant in UTC. */
export const utc = (date: string): string => (date.length === 10 ? `${date}T00:00:00Z` : `${date}Z`)

/** A monthly paid subscription from `start` to `end` (null: active). */
export function paid(
  customerId: string,
  start: string,
  end: string | null,
  extra: Partial<Subscription> = {},
): Subscription {
  return {
    customerId,
    start: utc(start),
    end: end === null ? null : utc(end),
    amount: 10,
    billingInterval: 'month',
    currency: 'USD',
    ...extra,
  }
}

/** `count` customers named `${prefix}${i}` with the same span. */
export function many(
  prefix: string,
  count: number,
  start: string,
  end: string | null,
  extra: Partial<Subscription> = {},
): Subscription[] {
  return Array.from({ length: count }, (_, i) => paid(`${prefix}${i}`, start, end, extra))
}
