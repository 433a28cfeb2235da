// Kaplan–Meier and log-rank against R: every expected value below comes from
// test/fixtures/km/survival-r.json, written by test/reference/survival.R (R's survival package).

import { readFileSync } from 'node:fs'
import { type SurvivalObservation, survival } from 'cx-metrics'
import { describe, expect, it } from 'vitest'
import reference from '../fixtures/km/survival-r.json' with { type: 'json' }

const file = (name: string): string[] =>
  readFileSync(new URL(`../fixtures/km/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')

const gehan = file('gehan.dat').map((line) => {
  const [group, time, status] = line.trim().split(/\s+/).map(Number)
  return { time: time as number, event: status === 1, group: group === 1 ? 'placebo' : '6-MP' }
})
const aml = file('aml.csv')
  .slice(1)
  .map((line) => {
    const [, time, cens, group] = line.split(',').map(Number)
    return { time: time as number, event: cens === 1, group: group === 1 ? 'maintained' : 'nonmaintained' }
  })
const g3 = file('g3.csv')
  .slice(1)
  .map((line) => {
    const cells = line.split(',')
    return { time: Number(cells[6]), event: cells[5] === 'True', group: cells[4] as string }
  })
const veteran = file('veteran.csv')
  .slice(1)
  .map((line) => {
    const [time, status, celltype] = line.split(',')
    return { time: Number(time), event: status === '1', group: JSON.parse(celltype as string) as string }
  })
const macs = file('multicenter_aids_cohort.tsv')
  .slice(1)
  .map((line) => {
    const [, , entry, time, death] = line.split('\t').map(Number)
    return { time: time as number, event: death === 1, entry: entry as number }
  })

interface Curve {
  time: number[]
  nRisk: number[]
  nEvent: number[]
  nCensor: number[]
  surv: number[]
  seSurv: (number | null)[]
  lower: (number | null)[]
  upper: (number | null)[]
  median: number | null
  medianLower: number | null
  medianUpper: number | null
  horizon: number
  rmean: number
  seRmean: number
}
const cases: [keyof typeof reference.curves, SurvivalObservation[]][] = [
  ['gehan-6mp', gehan.filter((x) => x.group === '6-MP').map(({ group, ...x }) => x)],
  ['gehan-placebo', gehan.filter((x) => x.group === 'placebo').map(({ group, ...x }) => x)],
  ['aml-maintained', aml.filter((x) => x.group === 'maintained').map(({ group, ...x }) => x)],
  ['aml-nonmaintained', aml.filter((x) => x.group === 'nonmaintained').map(({ group, ...x }) => x)],
  ['g3-all', g3.map(({ group, ...x }) => x)],
  ['macs-delayed-entry', macs],
]

const close = (actual: number | null | undefined, expected: number | null): void => {
  if (expected === null) expect(actual ?? null).toBeNull()
  else expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-6)
}

describe('survival against R survfit', () => {
  for (const [name, observations] of cases) {
    for (const interval of ['log', 'log-log', 'plain'] as const) {
      it(`${name}, ${interval} intervals`, () => {
        const r: Curve = reference.curves[name][interval]
        const km = survival(observations, { interval, horizon: r.horizon })
        expect(km.curve.map((p) => p.time)).toEqual(r.time)
        expect(km.curve.map((p) => p.atRisk)).toEqual(r.nRisk)
        expect(km.curve.map((p) => p.events)).toEqual(r.nEvent)
        expect(km.curve.map((p) => p.censored)).toEqual(r.nCensor)
        km.curve.forEach((p, i) => {
          close(p.survival, r.surv[i] as number)
          close(p.standardError, r.seSurv[i] ?? null)
          close(p.lower, r.lower[i] ?? null)
          close(p.upper, r.upper[i] ?? null)
        })
        close(km.median.value, r.median)
        close(km.median.lower, r.medianLower)
        close(km.median.upper, r.medianUpper)
        // The result's `ci` is the median's interval when R reports both bounds.
        if (r.medianLower === null || r.medianUpper === null) expect(km.ci).toBeNull()
        else expect(km.ci).toMatchObject({ lower: r.medianLower, upper: r.medianUpper, level: 0.95 })
        expect(km.reason).toBe(r.median === null ? 'not-reached' : null)
        close(km.restrictedMean?.value, r.rmean)
        close(km.restrictedMean?.standardError, r.seRmean)
      })
    }
  }

  it('reproduces the published gehan 6-MP table (S(6) = 0.857143, SE 0.076360 … median 23)', () => {
    const km = survival(cases[0]?.[1] ?? [])
    const at = (t: number) => km.curve.find((p) => p.time === t)
    expect(at(6)).toMatchObject({ atRisk: 21, events: 3 })
    expect(at(6)?.survival).toBeCloseTo(0.857143, 6)
    expect(at(6)?.standardError).toBeCloseTo(0.07636, 5)
    expect(at(23)?.survival).toBeCloseTo(0.448179, 6)
    expect(at(13)?.lower).toBeCloseTo(0.51, 2)
    expect(km.median.value).toBe(23)
  })
})

describe('log-rank test against R survdiff', () => {
  const tests: [keyof typeof reference.logRank, { time: number; event: boolean; group: string }[]][] = [
    ['gehan', gehan],
    ['aml', aml],
    ['g3', g3],
  ]
  for (const [name, data] of tests) {
    it(name, () => {
      const r = reference.logRank[name]
      const test = survival(data, {}).logRank
      // R orders groups as factor levels; ours are sorted by name. Match them by observed counts' order.
      const order = name === 'gehan' ? [1, 0] : [0, 1]
      expect(test).not.toBeNull()
      order.forEach((j, i) => {
        close(test?.observed[i], r.observed[j] as number)
        close(test?.expected[i], r.expected[j] as number)
      })
      close(test?.chiSquare, r.chiSquare)
      close(test?.pValue, r.pValue)
    })
  }

  // Four and three groups: k − 1 degrees of freedom, the even and the odd chi-square tail.
  const several: [keyof typeof reference.logRank, typeof veteran][] = [
    ['veteran', veteran],
    ['veteran-3', veteran.filter((v) => v.group !== 'large')],
  ]
  for (const [name, data] of several) {
    it(`${name}: ${name === 'veteran' ? 4 : 3} cell types`, () => {
      const r = reference.logRank[name]
      const test = survival(data).logRank
      // Both sort the groups by name.
      expect(test?.groups).toEqual(r.groups.map((g) => g.replace('group=', '')))
      expect(test?.degreesOfFreedom).toBe(r.groups.length - 1)
      r.observed.forEach((o, i) => {
        close(test?.observed[i], o as number)
        close(test?.expected[i], r.expected[i] as number)
      })
      close(test?.chiSquare, r.chiSquare)
      close(test?.pValue, r.pValue)
    })
  }

  it('veteran: chi-square 25.4 on 3 degrees of freedom, p = 1e-05 (R print.survdiff)', () => {
    const test = survival(veteran).logRank
    expect(test?.chiSquare).toBeCloseTo(25.4, 1)
    expect(test?.degreesOfFreedom).toBe(3)
    expect(test?.pValue).toBeCloseTo(1e-5, 5)
  })

  it('gehan: observed 9 vs 21, expected 19.3 vs 10.7, chi-square 16.8 (published)', () => {
    const test = survival(gehan).logRank
    expect(test?.groups).toEqual(['6-MP', 'placebo'])
    expect(test?.observed).toEqual([9, 21])
    expect(test?.expected[0]).toBeCloseTo(19.3, 1)
    expect(test?.chiSquare).toBeCloseTo(16.8, 1)
  })
})
