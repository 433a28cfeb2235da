import { describe, expect, it } from 'vitest'
import { _exclude, _mergeCounts } from './_exclude.ts'
import { isKpiError } from './isKpiError.ts'
import { KpiError } from './KpiError.ts'

describe('KpiError', () => {
  it('carries code, kpi, index, value and reason', () => {
    const error = new KpiError('invalid-observation', 'nps: observation 3 is invalid (11)', {
      kpi: 'nps',
      index: 3,
      value: 11,
      reason: 'invalid',
    })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'KpiError',
      code: 'invalid-observation',
      kpi: 'nps',
      index: 3,
      value: 11,
    })
    expect(error.reason).toBe('invalid')
  })
  it('defaults index and reason to null', () => {
    const error = new KpiError('incompatible-input', 'two currencies', { kpi: 'mrr' })
    expect(error.index).toBeNull()
    expect(error.reason).toBeNull()
  })
})

describe('isKpiError', () => {
  it('recognises instances and look-alikes from another copy of the library', () => {
    expect(isKpiError(new KpiError('not-converged', 'x', { kpi: 'fit' }))).toBe(true)
    const foreign = Object.assign(new Error('x'), { name: 'KpiError', code: 'not-converged' })
    expect(isKpiError(foreign)).toBe(true)
  })
  it('rejects other errors and values', () => {
    expect(isKpiError(new TypeError('x'))).toBe(false)
    expect(isKpiError(null)).toBe(false)
    expect(isKpiError({ name: 'KpiError' })).toBe(false)
  })
})

describe('_exclude', () => {
  it('counts by reason under the exclude policy', () => {
    const counts: Record<string, number> = { missing: 0, invalid: 0 }
    _exclude(counts, 'invalid', 'exclude', 'nps', 0, 11)
    _exclude(counts, 'outOfRange', 'exclude', 'nps', 1, 12)
    expect(counts).toEqual({ missing: 0, invalid: 1, outOfRange: 1 })
    _mergeCounts(counts, { missing: 2, invalid: 0, outOfRange: 1 })
    expect(counts).toEqual({ missing: 2, invalid: 1, outOfRange: 2 })
  })
  it('throws a KpiError under the throw policy', () => {
    expect(() => _exclude({}, 'invalid', 'throw', 'nps', 4, 11)).toThrow(
      expect.objectContaining({ code: 'invalid-observation', index: 4, value: 11, reason: 'invalid' }),
    )
  })
})
