import { _show } from './_assert.ts'
import { KpiError } from './KpiError.ts'
import type { OnInvalid } from './result.ts'

/**
 * Counts an excluded observation under `reason`, or throws when the policy is `'throw'`.
 * `counts` is the mutable exclusion record of an aggregator's state.
 */
export function _exclude(
  counts: Record<string, number>,
  reason: string,
  policy: OnInvalid,
  kpi: string,
  index: number,
  value: unknown,
): void {
  if (policy === 'throw') {
    throw new KpiError('invalid-observation', `${kpi}: observation ${index} is ${reason} (${_show(value)})`, {
      kpi,
      index,
      value,
      reason,
    })
  }
  counts[reason] = (counts[reason] ?? 0) + 1
}

/** Adds the counts of `b` into `a` (merging two exclusion records). */
export function _mergeCounts(a: Record<string, number>, b: Readonly<Record<string, number>>): void {
  for (const key in b) a[key] = (a[key] ?? 0) + (b[key] ?? 0)
}
