import { Decimal } from 'decimal.js'
import { _numeric } from '../core/_numeric.ts'

let isolated: typeof Decimal | null = null

/**
 * decimal.js, isolated with `Decimal.clone()` so that the caller's global configuration is never read or
 * changed: 40 significant digits, half-up rounding. Made on first use, so that importing costs nothing.
 */
export function _Decimal(): typeof Decimal {
  if (isolated === null) isolated = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP })
  return isolated
}

/**
 * An amount in major units as an exact decimal: numbers by their shortest decimal form, canonical
 * decimal strings (as `NumericInput` defines them) as written; anything else is `null`.
 */
export function _amount(value: number | string): Decimal | null {
  const D = _Decimal()
  if (typeof value === 'number') return Number.isFinite(value) ? new D(String(value)) : null
  return _numeric(value) === null ? null : new D(value)
}

/**
 * How an exact money figure is reported: the number (major units) and its exact decimal string,
 * to 10 decimals for quotients.
 */
export function _exact(value: Decimal): { value: number; exact: string } {
  return { value: value.toNumber(), exact: value.toDecimalPlaces(10).toFixed() }
}
