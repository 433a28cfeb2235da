// The display options, checked once per call with the library's resolver: unknown keys name the closest
// known one, a locale or currency that Intl does not know is a RangeError.
import { _rangeError } from '../core/_assert.ts'
import { _resolve } from '../core/_resolve.ts'
import type { _DisplayOptions } from './_format.ts'
import type { DisplayOptions } from './displayOptions.ts'

const RULES = {
  locale: { type: 'string', default: 'en-US' },
  currency: { type: 'string' },
  chart: { type: 'enum', values: ['auto', 'line', 'bars', 'stacked', 'none'], default: 'auto' },
  title: { type: 'string' },
  maxRows: { type: 'number', integer: true, min: 1, max: 100_000, default: 50 },
  width: { type: 'number', integer: true, min: 320, max: 2000, default: 640 },
} as const

/** Resolves and checks `options` for `fn`. */
export function _displayOptions(fn: string, options: DisplayOptions | undefined): _DisplayOptions {
  const o = _resolve(fn, RULES, options)
  try {
    new Intl.NumberFormat(o.locale)
  } catch {
    throw _rangeError(fn, 'options.locale', 'a BCP 47 locale Intl knows, e.g. "en-US" or "pt-BR"', o.locale)
  }
  if (o.currency !== undefined)
    try {
      new Intl.NumberFormat(o.locale, { style: 'currency', currency: o.currency })
    } catch {
      throw _rangeError(fn, 'options.currency', 'an ISO 4217 currency code, e.g. "USD" or "BRL"', o.currency)
    }
  return {
    locale: o.locale,
    currency: o.currency ?? null,
    chart: o.chart,
    title: o.title ?? null,
    maxRows: o.maxRows,
    width: o.width,
  }
}
