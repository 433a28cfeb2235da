import { describe, expectTypeOf, it } from 'vitest'
import { _sumCount } from './_testAggregators.ts'
import type { Aggregator, InputOf, ResultOf, StateOf } from './aggregator.ts'
import { combine } from './combine.ts'
import { fold } from './fold.ts'
import { mapInput } from './mapInput.ts'

describe('combine', () => {
  it('takes the intersection of its parts’ inputs and keys state and result like its parts', () => {
    const a = mapInput(_sumCount(), (x: { a: number }) => x.a)
    const b = mapInput(_sumCount(), (x: { b: number }) => x.b)
    const both = combine({ a, b })
    expectTypeOf<InputOf<typeof both>>().toEqualTypeOf<{ a: number } & { b: number }>()
    expectTypeOf<StateOf<typeof both>>().toEqualTypeOf<[number, number][]>()
    expectTypeOf<ResultOf<typeof both>['results']['a']>().toEqualTypeOf<{ sum: number; count: number }>()
    expectTypeOf(fold(both, [{ a: 1, b: 2 }]).results.a.sum).toEqualTypeOf<number>()
    expectTypeOf(fold(both, [{ a: 1, b: 2 }]).kind).toEqualTypeOf<'combined'>()
    // @ts-expect-error an item missing a part's field is refused
    fold(both, [{ a: 1 }])
  })
})

describe('mapInput', () => {
  it('changes only the input type', () => {
    const lengths = mapInput(_sumCount(), (s: string) => s.length)
    expectTypeOf(lengths).toEqualTypeOf<
      Aggregator<string, [number, number], { sum: number; count: number }>
    >()
  })
})
