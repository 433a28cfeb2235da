// Proportion intervals against the spec's §15 reference values (95 %, z = 1.959964) and §2.5 examples.
import { describe, expect, it } from 'vitest'
import { agrestiCoullInterval } from './agrestiCoullInterval.ts'
import { clopperPearsonInterval } from './clopperPearsonInterval.ts'
import { waldInterval } from './waldInterval.ts'
import { wilsonInterval } from './wilsonInterval.ts'

const near = (actual: number | undefined, expected: number, digits = 5): void => {
  expect(actual).toBeCloseTo(expected, digits)
}

describe('wilsonInterval', () => {
  it.each([
    [30, 50, 0.46181, 0.72392],
    [74, 107, 0.59872, 0.77118],
    [280, 400, 0.65336, 0.74283],
    [0, 10, 0, 0.27753],
    [10, 10, 0.72247, 1],
    [9, 10, 0.59585, 0.98212],
  ])('%d/%d gives [%d, %d] (spec §15)', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n)
    near(ci?.lower, lower)
    near(ci?.upper, upper)
    expect(ci?.method).toBe('wilson')
    expect(ci?.level).toBe(0.95)
  })
  it('is exactly 0 and 1 at the ends', () => {
    expect(wilsonInterval(0, 7)?.lower).toBe(0)
    expect(wilsonInterval(7, 7)?.upper).toBe(1)
  })
  it('narrows as the level falls (the level is used)', () => {
    const wide = wilsonInterval(30, 50, { level: 0.99 })
    const narrow = wilsonInterval(30, 50, { level: 0.8 })
    expect((wide?.upper ?? 0) - (wide?.lower ?? 0)).toBeGreaterThan(
      (narrow?.upper ?? 0) - (narrow?.lower ?? 0),
    )
    expect(narrow?.level).toBe(0.8)
  })
  it('gives null for zero trials', () => {
    expect(wilsonInterval(0, 0)).toBeNull()
  })
  it('rejects bad arguments with a message naming function, argument, expectation and value', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(
      new RangeError('wilsonInterval expected `successes` to be a number between 0 and 10, got `11`'),
    )
    expect(() => wilsonInterval(Number.NaN, 10)).toThrow(TypeError)
    expect(() => wilsonInterval(1, 10, { level: 95 })).toThrow(
      'wilsonInterval expected `options.level` to be a number between 0 and 1 (exclusive), e.g. 0.95, got `95`',
    )
  })
})

describe('agrestiCoullInterval', () => {
  it('reproduces Sauro’s adjusted-Wald example: 4 of 5 gives [35.96 %, 97.97 %] (CSAT E6)', () => {
    const ci = agrestiCoullInterval(4, 5)
    near(ci?.lower, 0.35963)
    near(ci?.upper, 0.97968)
    expect(ci?.method).toBe('agresti-coull')
  })
  it('gives 30/50 as [0.46163, 0.72410] (spec §15)', () => {
    const ci = agrestiCoullInterval(30, 50)
    near(ci?.lower, 0.46163)
    near(ci?.upper, 0.7241)
  })
  it('clips 0/10 at 0 (its raw lower bound is −0.0434)', () => {
    expect(agrestiCoullInterval(0, 10)?.lower).toBe(0)
  })
})

describe('waldInterval', () => {
  it('is p ± z√(p(1−p)/n): 30/50 → 0.6 ± 1.959964·√(0.24/50) = [0.464210, 0.735790]', () => {
    const ci = waldInterval(30, 50)
    near(ci?.lower, 0.6 - 1.959964 * Math.sqrt(0.24 / 50))
    near(ci?.upper, 0.6 + 1.959964 * Math.sqrt(0.24 / 50))
  })
  it('collapses to [0, 0] at p = 0, which is why Wilson is the default', () => {
    expect(waldInterval(0, 10)).toEqual({ lower: 0, upper: 0, level: 0.95, method: 'wald' })
  })
})

describe('levels of the other intervals', () => {
  // Wald at 90 %: 0.6 ± 1.644854·√(0.24/50) = [0.486039, 0.713961]
  it('waldInterval', () => {
    const ci = waldInterval(30, 50, { level: 0.9 })
    near(ci?.lower, 0.6 - 1.6448536269514722 * Math.sqrt(0.24 / 50), 9)
    expect(ci?.level).toBe(0.9)
  })
  // Agresti–Coull at 90 %: ñ = 50 + 1.644854², p̃ = (30 + 1.644854²/2)/ñ, p̃ ± 1.644854·√(p̃(1−p̃)/ñ)
  it('agrestiCoullInterval', () => {
    const z = 1.6448536269514722
    const n = 50 + z * z
    const p = (30 + (z * z) / 2) / n
    near(agrestiCoullInterval(30, 50, { level: 0.9 })?.lower, p - z * Math.sqrt((p * (1 - p)) / n), 9)
  })
})

describe('clopperPearsonInterval', () => {
  it('0/10 has upper bound 1 − 0.025^(1/10) = 0.308497 (closed form)', () => {
    near(clopperPearsonInterval(0, 10)?.upper, 1 - 0.025 ** (1 / 10), 9)
  })
  it('is wider than Wilson (conservative)', () => {
    const cp = clopperPearsonInterval(9, 10)
    const w = wilsonInterval(9, 10)
    expect(cp?.lower).toBeLessThan(w?.lower ?? 0)
  })
})
