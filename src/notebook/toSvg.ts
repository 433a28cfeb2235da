import { _typeError } from '../core/_assert.ts'
import { _displayOptions } from './_options.ts'
import { _view } from './_view.ts'
import type { DisplayOptions } from './displayOptions.ts'

/**
 * The chart of a result as a self-contained SVG document (no script, no external font or style, titled
 * and labelled for assistive technology), or `null` where a picture would not say more than the number
 * (one CSAT, several KPIs combined, an RFM table). The same picture {@link show} puts in a notebook, for
 * a file, a web page or an e-mail.
 *
 * @example
 * ```ts
 * const svg = toSvg(fold(byPeriod(npsAggregator((r: Row) => r.score), { date: (r) => r.at, unit: 'month' }), rows))
 * svg?.slice(0, 4) //=> '<svg'
 * toSvg(csat([5, 4, 3])) //=> null
 * ```
 * @category Notebook
 */
export function toSvg(result: object, options?: DisplayOptions): string | null {
  if (result === null || typeof result !== 'object')
    throw _typeError('toSvg', 'result', 'a result of the library', result)
  const view = _view(result, _displayOptions('toSvg', options))
  return view.chart === null ? null : view.chart()
}
