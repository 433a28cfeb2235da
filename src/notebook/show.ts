import { _typeError } from '../core/_assert.ts'
import { _displayOptions } from './_options.ts'
import { _html, _text } from './_render.ts'
import { _view } from './_view.ts'
import type { DisplayOptions } from './displayOptions.ts'

/**
 * A MIME bundle, as Jupyter displays it: plain text always, HTML, and SVG where there is a chart.
 * @category Notebook
 */
export interface MimeBundle {
  /** A compact readable summary. */
  readonly 'text/plain': string
  /** The chart (inline SVG) above a table of the values. */
  readonly 'text/html': string
  /** The chart alone, where the result has one. */
  readonly 'image/svg+xml'?: string
}

/**
 * What {@link show} returns: the renderings of a result. It also has a method under the registered
 * symbol `Symbol.for('Jupyter.display')`, which returns the {@link MimeBundle} through which Deno's
 * Jupyter kernel displays it; in Node, Deno and Bun consoles it prints as its text.
 * @category Notebook
 */
export interface Shown {
  /** The compact text summary. */
  readonly text: string
  /** The HTML: chart and table. */
  readonly html: string
  /** The SVG chart, or `null` when a picture would not say more than the number. */
  readonly svg: string | null
  /** The text, where the value is used as a string (`${shown}`). */
  [Symbol.toPrimitive](hint: string): string
}

/**
 * Displays any result in a notebook: the last expression of a Deno Jupyter cell, `show(nps(scores))`,
 * renders as a chart over a table — period keys, values formatted by the KPI's unit (a percentage for a
 * proportion, points for NPS, hours for a duration, money in its currency), intervals, `n`, exclusions,
 * periods still in progress marked — and prints as a short text summary anywhere else. The result itself
 * is not changed: it stays plain JSON.
 *
 * Every result kind is shown: one result, a period series, segments, trailing windows, several KPIs
 * combined, a cohort table (heatmap, immature cells hatched, never drawn as zeros), a survival curve
 * (Kaplan–Meier steps, band and censoring ticks), a health portfolio (accounts by band), a health trend,
 * feedback themes (volume × impact), and the period-over-period comparisons of `comparePeriods` (each
 * change as a bar with its interval, with its p-value). Anything else shows as JSON text.
 *
 * @example
 * ```ts
 * const shown = show(nps([10, 9, 9, 8, 7, 3, 10, 6]))
 * shown.text.slice(0, 23) //=> 'Net Promoter Score 25.0'
 * shown.svg?.slice(0, 4) //=> '<svg'
 * ```
 * @category Notebook
 */
export function show(result: unknown, options?: DisplayOptions): Shown {
  const fn = 'show'
  if (result === undefined || typeof result === 'function' || typeof result === 'symbol')
    throw _typeError(fn, 'result', 'a result of the library (or any JSON value)', result)
  const o = _displayOptions(fn, options)
  const view = _view(result, o)
  const svg = view.chart === null ? null : view.chart()
  const text = _text(view)
  const html = _html(view)
  const bundle: MimeBundle =
    svg === null
      ? { 'text/plain': text, 'text/html': html }
      : { 'text/plain': text, 'text/html': html, 'image/svg+xml': svg }
  return Object.freeze({
    text,
    html,
    svg,
    [Symbol.for('Jupyter.display')]: () => bundle,
    [Symbol.for('nodejs.util.inspect.custom')]: () => text,
    [Symbol.for('Deno.customInspect')]: () => text,
    [Symbol.toPrimitive]: () => text,
  })
}
