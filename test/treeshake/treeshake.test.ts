// Bundles single imports from the built package with esbuild (minified, gzip -9) and holds each to a
// budget, and checks that unrelated code does not ride along. Needs `npm run build` first.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundle } from './_bundle.ts'

const entry = resolve(import.meta.dirname, '../../dist/index.js')

/** Budgets in bytes, minified and gzipped. A single survey KPI must stay under 3 KB. */
const budgets: Record<string, number> = {
  fold: 300,
  combine: 700,
  foldAsync: 600,
  parseInstant: 700,
  wilsonInterval: 1300,
  npsInterval: 3000,
  twoProportionTest: 1800,
  welchTest: 2300,
}

/** Identifiers that must not appear in a bundle that does not need them. */
const mustNotAppear: Record<string, string[]> = {
  fold: ['adjusted-wald', 'Float64Array', 'expected `'],
  wilsonInterval: ['adjusted-wald', 'clopper', 'bootstrap'],
  parseInstant: ['wilson', 'Math.exp'],
}

describe('tree-shaking budgets (min + gzip)', () => {
  it('has a build to measure', () => {
    expect(existsSync(entry)).toBe(true)
  })
  it.each(Object.entries(budgets))('import { %s } stays within %d bytes', async (name, budget) => {
    const { gzip, code } = await bundle([name], entry)
    expect(gzip).toBeLessThanOrEqual(budget)
    for (const text of mustNotAppear[name] ?? []) expect(code).not.toContain(text)
  })
})
