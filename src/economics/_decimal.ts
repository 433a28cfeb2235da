import { Decimal } from 'decimal.js'

let isolated: typeof Decimal | null = null

/**
 * decimal.js, isolated with `Decimal.clone()` so that the caller's global configuration is never read or
 * changed: 40 significant digits, half-up rounding. Made on first use, so that importing costs nothing.
 */
export function _Decimal(): typeof Decimal {
  if (isolated === null) isolated = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
  return isolated
}

/** An amount in major units as an exact decimal: numbers by their shortest decimal form, strings as written. */
export function _amount(value: number | string): Decimal | null {
  const D = _Decimal()
  if (typeof value === 'number') return Number.isFinite(value) ? new D(String(value)) : null
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return new D(value.trim())
  return null
}

/**
 * How an exact money figure is reported: the number (major units) and its exact decimal string,
 * to 10 decimals for quotients.
 */
export function _exact(value: Decimal): { value: number; exact: string } {
  return { value: value.toNumber(), exact: value.toDecimalPlaces(10).toFixed() }
}
