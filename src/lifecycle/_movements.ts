import { _eachChange, type _Line } from './_timeline.ts'

/** The five MRR movements (ChartMogul). */
export type _Movement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation'

/** Totals of one period, in units of 1/360 minor unit, and customer counts. */
export type _Totals = Record<_Movement, number>

export const _zero = (): _Totals => ({ new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 })

/**
 * Classifies each line's net change in each period: new (first activation), reactivation (active again
 * after an earlier stop), churn (to zero), expansion or contraction (up or down while active). `each` is
 * called for every movement when given.
 */
export function _movements(
  lines: readonly _Line[],
  bounds: readonly number[],
  each?: (k: number, line: number, movement: _Movement, v0: number, v1: number) => void,
): { amounts: _Totals[]; counts: _Totals[] } {
  const m = bounds.length - 1
  const amounts = Array.from({ length: m }, _zero)
  const counts = Array.from({ length: m }, _zero)
  lines.forEach((l, i) => {
    _eachChange(l, bounds, (k, c) => {
      const { v0, v1 } = c
      if (v0 === v1) return
      const movement: _Movement =
        v0 === 0
          ? c.first
            ? 'new'
            : 'reactivation'
          : v1 === 0
            ? 'churn'
            : v1 > v0
              ? 'expansion'
              : 'contraction'
      ;(amounts[k] as _Totals)[movement] += Math.abs(v1 - v0)
      ;(counts[k] as _Totals)[movement] += 1
      if (each !== undefined) each(k, i, movement, v0, v1)
    })
  })
  return { amounts, counts }
}
