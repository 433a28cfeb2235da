import type { _Calendar } from './_calendar.ts'

/** A period found by a locator. */
export interface _Period {
  /** Stable number of the period within its locator (order of discovery). */
  readonly id: number
  readonly key: string
  readonly start: number
  readonly end: number
}

/**
 * Finds the period of an instant without zone arithmetic per event: periods are computed once, the
 * first time an instant falls in them, and kept sorted; an instant is checked against the last period
 * found (events usually come in runs), then at the index the average period length predicts, then by
 * binary search.
 */
export function _locator(calendar: _Calendar): (t: number) => _Period {
  const known: _Period[] = []
  let last: _Period = { id: -1, key: '', start: 0, end: 0 }
  return (t) => {
    if (t >= last.start && t < last.end) return last
    // Periods of one unit have nearly equal lengths: guess the index from the average length.
    const first = known[0]
    if (first !== undefined) {
      const span = (known[known.length - 1] as _Period).end - first.start
      const guess = Math.floor(((t - first.start) / span) * known.length)
      for (let step = 0; step < 3; step++) {
        const candidate = known[guess + (step === 2 ? -1 : step)]
        if (candidate !== undefined && t >= candidate.start && t < candidate.end) {
          last = candidate
          return candidate
        }
      }
    }
    let low = 0
    let high = known.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((known[middle] as _Period).start <= t) low = middle + 1
      else high = middle
    }
    const before = known[low - 1]
    if (before !== undefined && t < before.end) {
      last = before
      return before
    }
    const start = calendar.startOf(t)
    last = { id: known.length, key: calendar.key(start), start, end: calendar.next(start) }
    known.splice(low, 0, last)
    return last
  }
}
