import { _typeError } from '../core/_assert.ts'
import type { PeriodUnit } from './_calendar.ts'

/**
 * What a period key says: its unit and the numbers in it.
 * @category Time
 */
export interface ParsedPeriodKey {
  /** The unit the key belongs to. */
  readonly unit: PeriodUnit
  /** The (week-numbering, or fiscal-label) year. */
  readonly year: number
  /** Month 1–12, for day, month and n-day keys. */
  readonly month?: number
  /** Day of the month, for day and n-day keys. */
  readonly day?: number
  /** Week number, for week keys. */
  readonly week?: number
  /** Quarter 1–4, for quarter and fiscal-quarter keys. */
  readonly quarter?: number
  /** Bucket length, for n-day keys. */
  readonly days?: number
}

const FORMATS: readonly [RegExp, PeriodUnit, readonly ('month' | 'day' | 'week' | 'quarter' | 'days')[]][] = [
  [/^(\d{4})-(\d{2})-(\d{2})$/, 'day', ['month', 'day']],
  [/^(\d{4})-(\d{2})-(\d{2})\/P(\d+)D$/, 'n-days', ['month', 'day', 'days']],
  [/^(\d{4})-W(\d{2})$/, 'week', ['week']],
  [/^(\d{4})-(\d{2})$/, 'month', ['month']],
  [/^(\d{4})-Q([1-4])$/, 'quarter', ['quarter']],
  [/^(\d{4})$/, 'year', []],
  [/^FY(\d{4})$/, 'fiscal-year', []],
  [/^FY(\d{4})-Q([1-4])$/, 'fiscal-quarter', ['quarter']],
]

/**
 * Reads a period key — `'2024-03-15'`, `'2024-W09'`, `'2024-03'`, `'2024-Q1'`, `'2024'`, `'FY2025'`,
 * `'FY2025-Q2'`, `'2024-03-01/P14D'` — into its unit and numbers. Only the form is checked here;
 * {@link periodRange} checks that the period exists in a calendar. A string of no known form is a
 * `RangeError`.
 *
 * @example
 * ```ts
 * parsePeriodKey('FY2025-Q2') //=> { unit: 'fiscal-quarter', year: 2025, quarter: 2 }
 * ```
 * @category Time
 */
export function parsePeriodKey(key: string): ParsedPeriodKey {
  if (typeof key === 'string') {
    for (const [pattern, unit, fields] of FORMATS) {
      const m = pattern.exec(key)
      if (m === null) continue
      const parsed: Record<string, number | string> = { unit, year: Number(m[1]) }
      fields.forEach((field, i) => {
        parsed[field] = Number(m[i + 2])
      })
      return parsed as unknown as ParsedPeriodKey
    }
  }
  const error = _typeError(
    'parsePeriodKey',
    'key',
    "a period key such as '2024-03-15', '2024-W09', '2024-03', '2024-Q1', '2024', 'FY2025', 'FY2025-Q2' or '2024-03-01/P14D'",
    key,
  )
  throw typeof key === 'string' ? new RangeError(error.message) : error
}
