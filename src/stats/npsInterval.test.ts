import { describe, expect, it } from 'vitest'
import { npsInterval } from './npsInterval.ts'
import { npsVariance } from './npsVariance.ts'

// Expected values computed by hand from the formulas of spec §1.4 (and checked with Python/scipy):
//   counts (50, 33, 17): n = 100, p = 0.5, d = 0.17, NPS = 0.33, Var = 0.67 − 0.33² = 0.5611
//   Wald:          0.33 ± 1.959964·√(0.5611/100) → [18.3186, 47.6814] points
//   adjusted Wald: n' = 103, p' = 50.75/103, d' = 17.75/103 → [17.5561, 46.5216] points
//   trinomial t:   0.33 ± t(0.975, 99)·√(0.5611/99) → [18.0620, 47.9380] points
describe('npsInterval', () => {
  const counts = { promoters: 50, passives: 33, detractors: 17 }

  it('defaults to the adjusted-Wald interval (spec §17 #13)', () => {
    const ci = npsInterval(counts)
    expect(ci?.method).toBe('adjusted-wald')
    expect(ci?.lower).toBeCloseTo(17.556050187966367, 6)
    expect(ci?.upper).toBeCloseTo(46.52161971494625, 6)
  })

  it('computes Wald when asked', () => {
    const ci = npsInterval(counts, { method: 'wald' })
    expect(ci?.lower).toBeCloseTo(18.318574509634715, 6)
    expect(ci?.upper).toBeCloseTo(47.68142549036528, 6)
  })

  it('computes the trinomial t interval when asked', () => {
    const ci = npsInterval(counts, { method: 'trinomial-t' })
    expect(ci?.lower).toBeCloseTo(18.062026225792287, 6)
    expect(ci?.upper).toBeCloseTo(47.937973774207705, 6)
  })

  it('reproduces spec E6: p = 1/2, d = 1/6, n = 100 → Wald half-width 14.61 points; n = 600 → 5.96', () => {
    const at100 = npsInterval({ promoters: 50, passives: 100 / 3, detractors: 100 / 6 }, { method: 'wald' })
    expect(((at100?.upper ?? 0) - (at100?.lower ?? 0)) / 2).toBeCloseTo(14.61, 2)
    const at600 = npsInterval({ promoters: 300, passives: 200, detractors: 100 }, { method: 'wald' })
    expect(((at600?.upper ?? 0) - (at600?.lower ?? 0)) / 2).toBeCloseTo(5.96, 2)
    expect(npsVariance(1 / 2, 1 / 6)).toBeCloseTo(5 / 9, 12)
  })

  it('keeps an interval for all-passive data under adjusted Wald, where Wald collapses', () => {
    const only = { promoters: 0, passives: 10, detractors: 0 }
    expect(npsInterval(only, { method: 'wald' })).toMatchObject({ lower: 0, upper: 0 })
    const adjusted = npsInterval(only)
    expect(adjusted?.lower).toBeCloseTo(-18.465044909058882, 6)
    expect(adjusted?.upper).toBeCloseTo(18.465044909058882, 6)
  })

  it('clips to −100…100', () => {
    expect(npsInterval({ promoters: 10, passives: 0, detractors: 0 })?.upper).toBe(100)
    expect(npsInterval({ promoters: 2, passives: 2, detractors: 7 }, { method: 'trinomial-t' })?.lower).toBe(
      -100,
    )
  })

  it('uses the level', () => {
    const at90 = npsInterval(counts, { level: 0.9 })
    const at95 = npsInterval(counts)
    expect(at90?.level).toBe(0.9)
    expect((at90?.upper ?? 0) - (at90?.lower ?? 0)).toBeLessThan((at95?.upper ?? 0) - (at95?.lower ?? 0))
  })

  it('returns null without respondents, and for trinomial t with one respondent', () => {
    expect(npsInterval({ promoters: 0, passives: 0, detractors: 0 })).toBeNull()
    expect(npsInterval({ promoters: 1, passives: 0, detractors: 0 }, { method: 'trinomial-t' })).toBeNull()
  })

  describe('bootstrap', () => {
    const big = { promoters: 300, passives: 200, detractors: 100 }
    it('is reproducible by seed and changes with the seed', () => {
      const a = npsInterval(big, { method: 'bootstrap', seed: 7 })
      expect(npsInterval(big, { method: 'bootstrap', seed: 7 })).toEqual(a)
      expect(npsInterval(big, { method: 'bootstrap', seed: 8 })).not.toEqual(a)
    })
    it('agrees with the Wald interval for a large sample (within a point)', () => {
      const boot = npsInterval(big, { method: 'bootstrap', resamples: 4000 })
      const wald = npsInterval(big, { method: 'wald' })
      expect(Math.abs((boot?.lower ?? 0) - (wald?.lower ?? 0))).toBeLessThan(1)
      expect(Math.abs((boot?.upper ?? 0) - (wald?.upper ?? 0))).toBeLessThan(1)
    })
    it('uses the number of resamples', () => {
      expect(npsInterval(big, { method: 'bootstrap', resamples: 1000 })).not.toEqual(
        npsInterval(big, { method: 'bootstrap', resamples: 1001 }),
      )
    })
    it('refuses fewer than 1,000 resamples', () => {
      expect(() => npsInterval(big, { method: 'bootstrap', resamples: 100 })).toThrow(RangeError)
    })
  })

  it('rejects unknown methods and negative counts', () => {
    expect(() => npsInterval(counts, { method: 'exact' as never })).toThrow(
      "npsInterval expected `options.method` to be one of 'adjusted-wald', 'wald', 'trinomial-t', 'bootstrap', got `\"exact\"`",
    )
    expect(() => npsInterval({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError)
  })
})
