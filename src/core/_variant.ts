// What a result echoes of its options (`variant`), and why its value is null (`reason`).
import type { OptionRules } from './descriptor.ts'
import type { NullReason, Variant, VariantValue } from './result.ts'

/**
 * A resolved option as JSON: functions are `'custom'`, dates ISO strings, non-finite numbers strings,
 * and an object with `toJSON` (compiled business hours) what that returns.
 */
function json(value: unknown): VariantValue {
  if (typeof value === 'function') return 'custom'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value)
  if (Array.isArray(value)) return value.map(json)
  if (value !== null && typeof value === 'object') {
    const toJSON = (value as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return json(toJSON.call(value))
    // fromEntries defines own properties, so a key such as `__proto__` stays data.
    return Object.fromEntries(
      Object.entries(value)
        .filter((entry) => entry[1] !== undefined)
        .map(([k, v]) => [k, json(v)]),
    )
  }
  return value === undefined ? null : (value as VariantValue)
}

/** The resolved options that change the number: every rule's option that is set, except `variant: false` ones. */
export function _variant(rules: OptionRules, resolved: object): Variant {
  const out: Record<string, VariantValue> = {}
  for (const key in rules) {
    const value = (resolved as Record<string, unknown>)[key]
    if (rules[key]?.variant !== false && value !== undefined) out[key] = json(value)
  }
  return out
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
