// One implementation, many ways to run it: fold, partial states merged later, and several
// computations in one pass with combine().
import assert from 'node:assert/strict'
import { type Aggregator, accumulate, combine, fold, mapInput, mergeAll } from 'cx-metrics'

/** The mean of numbers, as an aggregator: state [sum, count]. */
const mean: Aggregator<number, [number, number], number | null> = {
  kpi: 'mean',
  init: () => [0, 0],
  add: (s, x) => [s[0] + x, s[1] + 1],
  merge: (a, b) => [a[0] + b[0], a[1] + b[1]],
  result: (s) => (s[1] === 0 ? null : s[0] / s[1]),
}

// The simple call.
assert.equal(fold(mean, [4, 5, 3]), 4)

// States of two days, stored as JSON and merged later, give the same result as one pass.
const monday = JSON.stringify(accumulate(mean, [4, 5]))
const tuesday = JSON.stringify(accumulate(mean, [3]))
assert.equal(mean.result(mergeAll(mean, [JSON.parse(monday), JSON.parse(tuesday)])), 4)

// Two measures of ticket records in one pass.
interface Ticket {
  replies: number
  hours: number
}
const tickets: Ticket[] = [
  { replies: 1, hours: 2 },
  { replies: 3, hours: 30 },
  { replies: 2, hours: 7 },
]
const both = combine({
  replies: mapInput(mean, (t: Ticket) => t.replies),
  hours: mapInput(mean, (t: Ticket) => t.hours),
})
const result = fold(both, tickets).results
console.log(result)
assert.deepEqual(result, { replies: 2, hours: 13 })
// No data gives null, not 0.
assert.equal(fold(mean, []), null)
