import { _typeError } from '../core/_assert.ts'
import { _displayOptions } from './_options.ts'
import { _html } from './_render.ts'
import { _view } from './_view.ts'
import type { DisplayOptions } from './displayOptions.ts'

/**
 * A result as an HTML fragment: its chart (inline SVG) above a captioned table of its values, formatted
 * by the KPI's unit, with intervals, `n`, exclusions and in-progress periods marked, and notes on what
 * was left out. Self-contained (its style is scoped to a `cxm` class) and escaped throughout, for a page,
 * a report or a notebook that does not read MIME bundles.
 *
 * @example
 * ```ts
 * toHtml(nps([10, 9, 3]), { chart: 'none' }).slice(0, 17) //=> '<div class="cxm">'
 * ```
 * @category Notebook
 */
export function toHtml(result: object, options?: DisplayOptions): string {
  if (result === null || typeof result !== 'object')
    throw _typeError('toHtml', 'result', 'a result of the library', result)
  return _html(_view(result, _displayOptions('toHtml', options)))
}
