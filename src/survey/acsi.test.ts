import { describe, expect, it } from 'vitest'
import { acsi, acsiAggregator } from './acsi.ts'

// The ACSI methodology's equal-weight index: 100 × (S + E + P − 3) / 27 for question means S, E, P.
describe('acsi', () => {
  const answers = [
    [9, 8, 7],
    [7, 6, 5],
  ]
  it('computes the index: question means 8, 7, 6 give 100 × (8 + 7 + 6 − 3) / 27 = 66.67', () => {
    const r = acsi(answers)
    expect(r.value).toBeCloseTo(1800 / 27, 12)
    expect(r).toMatchObject({
      kind: 'result',
      kpi: 'acsi',
      n: 2,
      measure: 'points',
      questionMeans: [8, 7, 6],
    })
    expect(r.variant).toEqual({ minN: 0 })
  })
  it('weights the questions: 2, 1, 1 give 100 × (2·7 + 6 + 5) / (9 · 4) = 69.44', () => {
    const r = acsi(answers, { weights: [2, 1, 1] })
    expect(r.value).toBeCloseTo(2500 / 36, 12)
    expect(r.variant).toEqual({ weights: [2, 1, 1], minN: 0 })
    // Two questions: their number is the number of weights.
    expect(acsi([[10, 1]], { weights: [1, 1] }).value).toBeCloseTo((100 * (9 + 0)) / 18, 12)
  })
  it('reads an accessor, and decimal strings', () => {
    expect(acsi([{ q: ['9', '8', '7'] }, { q: [7, 6, 5] }], (r) => r.q).value).toBeCloseTo(1800 / 27, 12)
  })
  it('counts what it leaves out, by reason, and says why there is no value', () => {
    const r = acsi([[9, 8], [11, 1, 1], [9, 8.5, 7], [9, null, 7], null])
    expect(r.excluded).toEqual({ missing: 1, invalid: 2, offScale: 1, nonInteger: 1 })
    expect(r.value).toBeNull()
    expect(r.reason).toBe('all-excluded')
    expect(acsi([]).reason).toBe('no-data')
    expect(acsi(answers, { minN: 3 })).toMatchObject({ value: null, reason: 'low-sample', lowSample: true })
  })
  it('refuses weights that are not positive numbers, and unknown options', () => {
    expect(() => acsi([], { weights: [] })).toThrow('acsi expected `options.weights` to be a non-empty array')
    expect(() => acsi([], { weights: [1, 0, 1] })).toThrow(RangeError)
    expect(() => acsi([], { weigths: [1, 1, 1] } as never)).toThrow('(did you mean `weights`?)')
    expect(() => acsi([[1, 2, 3]], { onInvalid: 'throw' })).not.toThrow()
    expect(() => acsi([[1, 2]], { onInvalid: 'throw' })).toThrow('acsi: observation 0 is invalid')
  })
  it('merges states as one pass', () => {
    const agg = acsiAggregator()
    const one = agg.add(agg.init(), [9, 8, 7], 0)
    const two = agg.add(agg.init(), [7, 6, 5], 0)
    expect(agg.result(agg.merge(one, two)).value).toBeCloseTo(1800 / 27, 12)
  })
})
