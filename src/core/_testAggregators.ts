// Small aggregators used by the core tests and the law harness (not part of the library's exports).
import type { Aggregator } from './aggregator.ts'

/** Sum and count of numbers: state [sum, count]. */
export function _sumCount(): Aggregator<number, [number, number], { sum: number; count: number }> {
  return {
    kpi: 'sumCount',
    init: () => [0, 0],
    add: (state, x) => {
      state[0] += x
      state[1] += 1
      return state
    },
    merge: (a, b) => {
      a[0] += b[0]
      a[1] += b[1]
      return a
    },
    result: (state) => ({ sum: state[0], count: state[1] }),
  }
}

/** The items in order, to check that indices and order reach `add`: state [item, index][]. */
export function _collect<T>(): Aggregator<T, [T, number][], [T, number][]> {
  return {
    kpi: 'collect',
    init: () => [],
    add: (state, item, index) => {
      state.push([item, index])
      return state
    },
    merge: (a, b) => {
      for (const entry of b) a.push(entry)
      return a
    },
    result: (state) => state.slice(),
  }
}

/** The items in order, without indices (split-invariant): state T[]. */
export function _list<T>(): Aggregator<T, T[], T[]> {
  return {
    kpi: 'list',
    init: () => [],
    add: (state, item) => {
      state.push(item)
      return state
    },
    merge: (a, b) => {
      for (const item of b) a.push(item)
      return a
    },
    result: (state) => state.slice(),
  }
}
