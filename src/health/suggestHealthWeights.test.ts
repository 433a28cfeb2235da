// suggestHealthWeights against R: glm(binomial) for the coefficients, their standard errors and p-values,
// and pROC for the held-out AUCs (test/reference/health-weights.R, which also simulated the snapshots).
import { readFileSync } from 'node:fs'
import { type HealthWeightSnapshot, suggestHealthWeights } from 'cx-metrics'
import { describe, expect, it } from 'vitest'

const dir = new URL('../../test/fixtures/health/', import.meta.url)
const ids = ['usage', 'support', 'sentiment', 'noise'] as const
type ByMeasure = { readonly [K in (typeof ids)[number]]: number }
interface RFit {
  n: number
  churned: number
  deviance: number
  iter: number
  intercept: number
  coefficients: ByMeasure
  se: ByMeasure
  p: ByMeasure
  weights: ByMeasure
}
interface RAuc {
  auc: number
  lower: number
  upper: number
}
const r: {
  all: RFit
  time: RFit
  heldOut: { n: number; churned: number; suggested: RAuc; current: RAuc }
} = JSON.parse(readFileSync(new URL('weights-r.json', dir), 'utf8'))
const snapshots: HealthWeightSnapshot[] = readFileSync(new URL('weights.csv', dir), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [account, at, usage, support, sentiment, noise, churned] = line.split(',')
    const measures = {
      usage: Number(usage),
      support: Number(support),
      sentiment: Number(sentiment),
      noise: Number(noise),
    }
    return {
      accountId: account as string,
      at: at as string,
      measures,
      churned: churned === '1',
      score: (measures.usage + measures.support + measures.sentiment + measures.noise) / 4,
    }
  })
const close = (a: number, b: number, tolerance = 1e-7) =>
  expect(Math.abs(a - b)).toBeLessThan(tolerance * Math.max(1, Math.abs(b)))
const byId = <W extends { id: string }>(w: readonly W[], id: string): W => w.find((x) => x.id === id) as W

describe('suggestHealthWeights', () => {
  it('fits what R glm fits, on every snapshot with holdout: 0', () => {
    const s = suggestHealthWeights(snapshots, { holdout: 0, measures: ids })
    expect(s.fitted).toEqual({ n: r.all.n, churned: r.all.churned })
    expect(s.converged).toBe(true)
    close(s.intercept as number, r.all.intercept)
    close(s.deviance as number, r.all.deviance)
    for (const id of ids) {
      const w = byId(s.weights, id)
      close(w.coefficient, r.all.coefficients[id])
      close(w.se, r.all.se[id], 1e-6)
      close(w.p, r.all.p[id], 1e-5)
      close(w.weight, r.all.weights[id], 1e-6)
    }
    expect(s.weights.reduce((t, w) => t + w.weight, 0)).toBeCloseTo(1, 12)
    expect(s).toMatchObject({ value: null, reason: 'no-holdout', heldOut: null })
  })

  it("split: 'time' fits the earlier 70 % and judges on the latest, as R does", () => {
    const s = suggestHealthWeights(snapshots, { split: 'time', measures: ids })
    expect(s.fitted).toEqual({ n: r.time.n, churned: r.time.churned })
    for (const id of ids) {
      close(byId(s.weights, id).coefficient, r.time.coefficients[id])
      close(byId(s.weights, id).weight, r.time.weights[id], 1e-6)
    }
    expect(s.weights.map((w) => w.status)).toEqual(['protective', 'protective', 'no-effect', 'no-effect'])
    const held = s.heldOut
    expect(held).toMatchObject({ n: r.heldOut.n, churned: r.heldOut.churned })
    close(s.value as number, r.heldOut.suggested.auc, 1e-6)
    close(held?.suggested.auc.ci?.lower as number, r.heldOut.suggested.lower, 1e-6)
    close(held?.suggested.auc.ci?.upper as number, r.heldOut.suggested.upper, 1e-6)
    // The current score (the equal-weight mean), on the same held-out snapshots.
    close(held?.current?.value as number, r.heldOut.current.auc, 1e-10)
    close(held?.current?.auc.ci?.lower as number, r.heldOut.current.lower, 1e-10)
  })

  it("split: 'account' keeps every account on one side", () => {
    const once = suggestHealthWeights(snapshots)
    // Each snapshot twice, for the same account: both copies fall on the same side, so the held-out
    // and fitted sets double, and the maximum-likelihood fit is the same.
    const twice = suggestHealthWeights([...snapshots, ...snapshots])
    expect(twice.heldOut?.n).toBe(2 * (once.heldOut?.n as number))
    expect(twice.fitted.n).toBe(2 * once.fitted.n)
    for (const id of ids) close(byId(twice.weights, id).coefficient, byId(once.weights, id).coefficient, 1e-6)
    // About the share asked for.
    expect(once.heldOut?.n as number).toBeGreaterThan(0.2 * snapshots.length)
    expect(once.heldOut?.n as number).toBeLessThan(0.4 * snapshots.length)
    expect(suggestHealthWeights(snapshots, { holdout: 0.5 }).heldOut?.n as number).toBeGreaterThan(
      once.heldOut?.n as number,
    )
  })

  it('measures: the measures to weigh, in that order; without it every one found, by id', () => {
    expect(suggestHealthWeights(snapshots).variant.measures).toEqual([
      'noise',
      'sentiment',
      'support',
      'usage',
    ])
    const two = suggestHealthWeights(snapshots, { measures: ['usage', 'support'], holdout: 0 })
    expect(two.weights.map((w) => w.id)).toEqual(['usage', 'support'])
    expect(byId(two.weights, 'usage').coefficient).not.toBeCloseTo(r.all.coefficients.usage, 6)
  })

  it('level: the Wald interval of each coefficient', () => {
    const s = suggestHealthWeights(snapshots, { holdout: 0, measures: ids, level: 0.9 })
    const w = byId(s.weights, 'usage')
    // qnorm(0.95) in R: 1.6448536269514722
    close(w.lower, r.all.coefficients.usage - 1.6448536269514722 * r.all.se.usage, 1e-6)
    close(w.upper, r.all.coefficients.usage + 1.6448536269514722 * r.all.se.usage, 1e-6)
    expect(s.variant.level).toBe(0.9)
  })

  it('maxIterations: a budget that stops the fit before it converges', () => {
    const s = suggestHealthWeights(snapshots, { holdout: 0, maxIterations: 1 })
    expect(s).toMatchObject({ converged: false, iterations: 1 })
    expect(suggestHealthWeights(snapshots, { holdout: 0 }).iterations).toBe(r.all.iter)
  })

  it('a measure with one score everywhere is not fitted; collinear measures are singular', () => {
    const flat = snapshots.map((s) => ({ ...s, measures: { ...s.measures, plan: 50 } }))
    expect(byId(suggestHealthWeights(flat, { holdout: 0 }).weights, 'plan')).toMatchObject({
      status: 'constant',
      weight: 0,
    })
    const twin = snapshots.map((s) => ({
      ...s,
      measures: { ...s.measures, usage2: s.measures.usage as number },
    }))
    expect(suggestHealthWeights(twin, { holdout: 0 })).toMatchObject({ value: null, reason: 'singular' })
  })

  it('counts every snapshot left out by reason, and gives null with a reason', () => {
    const s = suggestHealthWeights(
      [
        ...snapshots,
        null as never,
        { accountId: 'x', measures: { usage: 200, support: 1, sentiment: 1, noise: 1 }, churned: true },
        {
          accountId: 'x',
          measures: { usage: 20, support: 1, sentiment: 1, noise: 1 },
          churned: 'yes' as never,
        },
        { measures: { usage: 20, support: 1, sentiment: 1, noise: 1 }, churned: true },
        { accountId: 'y', measures: { usage: 20, support: 1, sentiment: null, noise: 1 }, churned: true },
      ],
      { measures: ids },
    )
    expect(s.excluded).toEqual({ missing: 1, invalid: 3, incomplete: 1 })
    expect(s.n).toBe(snapshots.length)
    expect(suggestHealthWeights([]).reason).toBe('no-data')
    expect(suggestHealthWeights([null as never]).reason).toBe('all-excluded')
    expect(suggestHealthWeights(snapshots.map((x) => ({ ...x, churned: false }))).reason).toBe('one-outcome')
  })

  it('does not depend on the order of the snapshots', () => {
    expect(suggestHealthWeights([...snapshots].reverse(), { split: 'time' })).toEqual(
      suggestHealthWeights(snapshots, { split: 'time' }),
    )
  })

  it('the accessor form', () => {
    expect(suggestHealthWeights(snapshots, (s) => s, { holdout: 0 })).toEqual(
      suggestHealthWeights(snapshots, { holdout: 0 }),
    )
  })

  it('wrong options throw, naming the function and the option', () => {
    expect(() => suggestHealthWeights(snapshots, { holdout: 1 })).toThrow(/suggestHealthWeights.*holdout/)
    expect(() => suggestHealthWeights(snapshots, { split: 'random' as never })).toThrow(/split/)
    expect(() => suggestHealthWeights(snapshots, { measures: [] })).toThrow(/measures/)
    expect(() => suggestHealthWeights(snapshots, { measures: ['a', 'a'] })).toThrow(/measures/)
    expect(() => suggestHealthWeights(snapshots, { level: 95 })).toThrow(/level/)
    expect(() => suggestHealthWeights(snapshots, { maxIterations: 0 })).toThrow(/maxIterations/)
    expect(() => suggestHealthWeights(snapshots, { holdOut: 0.2 } as never)).toThrow(/holdOut/)
    expect(() => suggestHealthWeights(7 as never)).toThrow(/suggestHealthWeights.*snapshots/)
  })
})
