// A state records the options that decided what it holds — a CSAT state its scale and thresholds, a
// business-hours state its schedule — as a JSON string, so that merging states of differently configured
// aggregators is refused instead of adding counts that mean different things. Options that only change
// how a result is read from the state (interval, level, minN) are left out: such states merge.
import { KpiError } from './KpiError.ts'
import type { Variant } from './result.ts'

/** The options among `keys` as echoed in `variant` (functions are 'custom', schedules their JSON). */
export function _made(variant: Variant, keys: readonly string[]): string {
  const made: Record<string, unknown> = {}
  for (const k of keys) made[k] = Object.hasOwn(variant, k) ? variant[k] : null
  return JSON.stringify(made)
}

/** Throws `incompatible-state` unless both states were made with the same options. */
export function _sameMaker(fn: string, a: string, b: string): void {
  if (a !== b)
    throw new KpiError(
      'incompatible-state',
      `${fn}: cannot merge a state made with ${b} into one made with ${a}`,
      {
        kpi: fn,
      },
    )
}
