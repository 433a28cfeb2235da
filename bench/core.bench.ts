// The cost of the aggregator protocol itself: fold over 1,000,000 numbers against a plain loop.
import { type Aggregator, combine, fold } from 'cx-metrics'
import { compare } from './_harness.ts'

export async function run(): Promise<void> {
  const n = 1_000_000
  const values = Array.from({ length: n }, (_, i) => (i * 7919) % 1000)
  const sum: Aggregator<number, [number], number> = {
    kpi: 'sum',
    init: () => [0],
    add: (s, x) => {
      s[0] += x
      return s
    },
    merge: (a, b) => [a[0] + b[0]],
    result: (s) => s[0],
  }
  await compare({
    title: 'fold over 1,000,000 numbers',
    baseline: 'hand-written loop',
    cases: {
      'hand-written loop': () => {
        let total = 0
        for (let i = 0; i < values.length; i++) total += values[i] as number
        return total
      },
      'fold(sum)': () => fold(sum, values),
      'fold(combine({ a: sum, b: sum }))': () => fold(combine({ a: sum, b: sum }), values),
    },
  })
}
