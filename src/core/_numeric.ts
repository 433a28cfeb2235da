// Numbers as data exports deliver them: a number, or a canonical decimal string.

/** A canonical decimal: an optional minus, digits without a leading zero, an optional fraction. */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/

/** Reads a number or a canonical decimal string; anything else is `null`. */
export function _numeric(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isNaN(raw) ? null : raw
  if (typeof raw === 'string' && raw.length <= 40 && DECIMAL.test(raw)) return Number(raw)
  return null
}
