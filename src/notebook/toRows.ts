import { _typeError } from '../core/_assert.ts'
import { _isComparisons, _rows } from './_rows.ts'

/**
 * One flat row of {@link toRows}: scalar JSON values by column.
 * @category Notebook
 */
export type ResultRow = { [column: string]: string | number | boolean | null }

/**
 * Flattens any result into plain rows, one per leaf result, for arquero (`aq.from(rows)`), nodejs-polars
 * (`pl.DataFrame(rows)`), DuckDB (`read_json` of `JSON.stringify(rows)`), Observable Plot or a
 * spreadsheet. The periods, segments, windows and parts above a result become columns (`period`,
 * `start`, `end`, `complete`; `segment`; `part`), then the result's own scalars: `value`, `reason`, `n`,
 * its components, its interval as `lower`/`upper` and its exclusions as `excluded_<reason>`; nested
 * objects are joined with `_` (`calendar_medianMs`). Instants are ISO 8601 with the period's zone
 * offset; `comparePeriods`' array gives one row per period with its comparison. Tables are long: a cohort table gives one row per cohort and column, a survival curve one per
 * time (and group), a health portfolio one per account and measure, themes one per theme.
 *
 * The user's keys are values (`segment: 'enterprise'`), never column names.
 *
 * @example
 * ```ts
 * const table = toRows(fold(byKey(npsAggregator((r: Row) => r.score), (r) => r.plan), rows))
 * table.map((r) => r.segment).join() //=> 'growth,scale,starter'
 * ```
 * @category Notebook
 */
export function toRows(result: object): ResultRow[] {
  if (
    !_isComparisons(result) &&
    (result === null || typeof result !== 'object' || typeof (result as { kind?: unknown }).kind !== 'string')
  )
    throw _typeError('toRows', 'result', 'a result of the library (an object with a string `kind`)', result)
  try {
    return _rows(result)
  } catch (e) {
    if (!(e instanceof Error)) throw e
    const kind = (result as { kind?: string }).kind ?? 'comparisons'
    throw _typeError(
      'toRows',
      'result',
      `a result of the library (this one says \`${kind}\` but has not its shape)`,
      result,
    )
  }
}
