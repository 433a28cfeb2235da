import { _major, type _SubscriptionConfig } from './_subscription.ts'
import { _eachChange, type _Line } from './_timeline.ts'

/** The five MRR movements (ChartMogul). */
export type _Movement = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation'

/** Totals of one period, in units of 1/360 minor unit, and customer counts. */
export type _Totals = Record<_Movement, number>

export const _zero = (): _Totals => ({ new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 })

/**
 * Movement totals per period: `add` each line's net change in each period — new (first activation),
 * reactivation (active again after an earlier stop), churn (to zero), expansion or contraction (up or down
 * while active). `each` is called for every movement when given.
 */
export class _Movements {
  readonly amounts: _Totals[]
  readonly counts: _Totals[]
  private readonly bounds: readonly number[]
  private readonly each:
    | ((k: number, id: string, movement: _Movement, v0: number, v1: number) => void)
    | undefined

  constructor(
    bounds: readonly number[],
    each?: (k: number, id: string, movement: _Movement, v0: number, v1: number) => void,
  ) {
    this.bounds = bounds
    this.each = each
    this.amounts = Array.from({ length: bounds.length - 1 }, _zero)
    this.counts = Array.from({ length: bounds.length - 1 }, _zero)
  }

  add(l: _Line, id: string): void {
    _eachChange(l, this.bounds, (k, c) => {
      const { v0, v1 } = c
      const movement = _movementOf(v0, v1, c.first)
      if (movement === null) return
      this.count(k, movement, Math.abs(v1 - v0), 1)
      if (this.each !== undefined) this.each(k, id, movement, v0, v1)
    })
  }

  /** Adds `times` movements of period `k` that total `amount`. */
  count(k: number, movement: _Movement, amount: number, times: number): void {
    ;(this.amounts[k] as _Totals)[movement] += amount
    ;(this.counts[k] as _Totals)[movement] += times
  }
}

/**
 * A line's net movement in a period, from its value before and at the end (and whether it was first
 * paid in it): `null` when they are equal.
 */
export function _movementOf(v0: number, v1: number, first: boolean): _Movement | null {
  if (v0 === v1) return null
  return v0 === 0
    ? first
      ? 'new'
      : 'reactivation'
    : v1 === 0
      ? 'churn'
      : v1 > v0
        ? 'expansion'
        : 'contraction'
}

/** Movement totals in major units. */
export function _majorTotals(a: _Totals, config: _SubscriptionConfig): _Totals {
  return {
    new: _major(a.new, config),
    expansion: _major(a.expansion, config),
    contraction: _major(a.contraction, config),
    churn: _major(a.churn, config),
    reactivation: _major(a.reactivation, config),
  }
}
