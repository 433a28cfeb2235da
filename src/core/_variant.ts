// What a result echoes of its options (`variant`), and why its value is null (`reason`).
import type { _Checks } from './_resolve.ts'
import type { NullReason, Variant } from './result.ts'

/** The resolved options that change the number: every rule's option that is set, except `variant: false` ones. */
export function _variant(rules: _Checks, resolved: object): Variant {
  const out: Record<string, unknown> = {}
  for (const key in rules)
    if (rules[key]?.variant !== false) out[key] = (resolved as Record<string, unknown>)[key]
  // As JSON: unset options drop out, dates become ISO strings and an object with `toJSON` (compiled
  // business hours) what that returns; functions are 'custom', non-finite numbers strings. JSON.parse
  // defines own properties, so a key such as `__proto__` stays data.
  return JSON.parse(
    JSON.stringify(out, (_, v) =>
      typeof v === 'function' ? 'custom' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ),
  )
}

/** Why a KPI over `n` observations has no value: none at all, or every one excluded. */
export function _emptyReason(excluded: Readonly<Record<string, number>>): NullReason {
  for (const key in excluded) if ((excluded[key] as number) > 0) return 'all-excluded'
  return 'no-data'
}

/** The reason for a KPI over `n` observations: none, every one excluded, fewer than `minN`, or null (a value). */
export function _reasonOf(
  n: number,
  excluded: Readonly<Record<string, number>>,
  minN = 0,
): NullReason | null {
  return n === 0 ? _emptyReason(excluded) : n < minN ? 'low-sample' : null
}
