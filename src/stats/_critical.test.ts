import { describe, expect, it } from 'vitest'
import { _criticalZ } from './_critical.ts'

// R 4.2.2: options(digits = 17); qnorm((1 - l) / 2, lower.tail = FALSE)
const R: [number, number][] = [
  [0.95, 1.9599639845400536],
  [0.99, 2.5758293035488999],
  [0.999, 3.2905267314918945],
  [0.999999, 4.8916384756929316],
  [0.999999999, 6.1094102093834506],
  [0.999999999999, 7.1305098928792718],
]

describe('_criticalZ', () => {
  it.each(R)('level %d agrees with R qnorm to round-off', (level, z) => {
    expect(Math.abs(_criticalZ(level) - z) / z).toBeLessThan(1e-14)
  })
  it('is √(2π)·level/2 for a tiny level, and 0.6745 for 0.5 (the quartile)', () => {
    expect(_criticalZ(1e-9) / (Math.sqrt(2 * Math.PI) * 5e-10)).toBeCloseTo(1, 14)
    expect(_criticalZ(0.5)).toBeCloseTo(0.6744897501960817, 14)
  })
})
