import { _typeError } from '../core/_assert.ts'
import { _titleOf } from './_format.ts'
import { _displayOptions } from './_options.ts'
import { _isComparisons, _rows } from './_rows.ts'
import type { DisplayOptions } from './displayOptions.ts'
import type { ResultRow } from './toRows.ts'

/**
 * A Vega-Lite specification (v5 and v6 read it): plain JSON, for users who chart with Vega-Lite, Altair's
 * renderer, Observable or a notebook extension.
 * @category Notebook
 */
export interface VegaLiteSpec {
  /** The schema of the specification. */
  readonly $schema: string
  /** The chart's title. */
  readonly title: string
  /** The width in pixels. */
  readonly width: number
  /** The rows drawn ({@link toRows}' rows, or the result's parts), inline. */
  readonly data: VegaLiteData
  /** The layers of marks and encodings. */
  readonly layer: readonly VegaLiteLayer[]
}

/**
 * The inline data of a {@link VegaLiteSpec}.
 * @category Notebook
 */
export interface VegaLiteData {
  /** The rows. */
  readonly values: readonly ResultRow[]
}

/**
 * One layer of a {@link VegaLiteSpec}.
 * @category Notebook
 */
export interface VegaLiteLayer {
  /** The mark (`'line'`, `'bar'`, `'area'`, `'rect'`…) and its properties. */
  readonly mark: { readonly [property: string]: string | number | boolean }
  /** The encodings, by channel. */
  readonly encoding: { readonly [channel: string]: VegaLiteJson }
  /** Transforms applied before the layer's marks (a filter). */
  readonly transform?: readonly VegaLiteJson[]
}

/**
 * A JSON value of a Vega-Lite specification.
 * @category Notebook
 */
export type VegaLiteJson =
  | string
  | number
  | boolean
  | null
  | readonly VegaLiteJson[]
  | { readonly [key: string]: VegaLiteJson }

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json'

const isObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x)

/**
 * The chart of a result as a Vega-Lite specification, its data inline: a period series as a line with
 * its interval band (periods in progress dashed), segments as bars with interval rules, periods by
 * segment as one line per segment, NPS as stacked shares, a cohort table as a heatmap (immature cells
 * grey), a survival curve as steps with its band, a health portfolio as accounts per band, themes as
 * volume × impact, `comparePeriods`' changes as bars with their intervals. `null` where there is no picture (several KPIs combined, an RFM table).
 *
 * @example
 * ```ts
 * const spec = toVegaLite(fold(byPeriod(npsAggregator((r: Row) => r.score), { date: (r) => r.at, unit: 'month' }), rows))
 * spec?.layer.map((l) => l.mark.type).join() //=> 'area,line'
 * ```
 * @category Notebook
 */
export function toVegaLite(result: object, options?: DisplayOptions): VegaLiteSpec | null {
  const fn = 'toVegaLite'
  const comparisons = _isComparisons(result)
  if (
    !comparisons &&
    (result === null || typeof result !== 'object' || typeof (result as { kind?: unknown }).kind !== 'string')
  )
    throw _typeError(fn, 'result', 'a result of the library (an object with a string `kind`)', result)
  const o = _displayOptions(fn, options)
  if (comparisons) {
    const x = { field: 'period', type: 'ordinal', sort: null } as const
    return {
      $schema: SCHEMA,
      title: o.title ?? 'Period over period',
      width: o.width,
      data: { values: _rows(result) },
      layer: [
        { mark: { type: 'bar' }, encoding: { x, y: { field: 'change', type: 'quantitative' } } },
        {
          mark: { type: 'rule' },
          encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
        },
      ],
    }
  }
  const r = result as Record<string, unknown>
  const { levels, kpi } = descend(r)
  const title = o.title ?? _titleOf(kpi)
  const spec = (values: ResultRow[], layer: VegaLiteLayer[]): VegaLiteSpec => ({
    $schema: SCHEMA,
    title,
    width: o.width,
    data: { values },
    layer,
  })
  const period = { field: 'period', type: 'ordinal', sort: null, title: 'period' } as const
  const value = { field: 'value', type: 'quantitative', title } as const
  if (r.kind === 'result') {
    if (r.kpi === 'nps') {
      const values = (['detractors', 'passives', 'promoters'] as const).map((part, i) => ({
        part,
        order: i,
        share: Number(r[`${part === 'passives' ? 'passive' : part.slice(0, -1)}Share`] ?? 0),
      }))
      return spec(values, [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'share', type: 'quantitative', stack: 'normalize', axis: { format: '%' } },
            color: {
              field: 'part',
              type: 'nominal',
              sort: ['detractors', 'passives', 'promoters'],
              scale: { range: ['#e15759', '#bab0ac', '#59a14f'] },
            },
            order: { field: 'order' },
          },
        },
      ])
    }
    return null
  }
  if (levels.join() === 'series' || levels.join() === 'windows') {
    const rows = _rows(result)
    const x = levels[0] === 'windows' ? { field: 'end', type: 'temporal', title: 'window end' } : period
    return spec(rows, [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { x, y: { field: 'lower', type: 'quantitative', title }, y2: { field: 'upper' } },
      },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y: value,
          strokeDash: { field: 'complete', type: 'nominal', title: 'complete', sort: [true, false] },
        },
      },
    ])
  }
  if (levels.join() === 'segments') {
    const y = { field: 'segment', type: 'nominal', sort: null, title: 'segment' } as const
    return spec(_rows(result), [
      { mark: { type: 'bar' }, encoding: { y, x: value } },
      {
        mark: { type: 'rule' },
        encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } },
      },
    ])
  }
  if (levels.join() === 'series,segments' || levels.join() === 'segments,series')
    return spec(_rows(result), [
      {
        mark: { type: 'line', point: true },
        encoding: { x: period, y: value, color: { field: 'segment', type: 'nominal' } },
      },
    ])
  if (r.kind === 'table' && (r.kpi === 'cohortRetention' || r.kpi === 'cohortLifetimeValue')) {
    const rows = _rows(result).map((row) =>
      r.kpi === 'cohortLifetimeValue' ? { ...row, complete: row.value !== null } : row,
    )
    return spec(rows, [
      {
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'column', type: 'ordinal', sort: null, title: 'periods since' },
          y: { field: 'cohort', type: 'ordinal', sort: null },
          color: {
            condition: {
              test: 'datum.complete',
              field: 'value',
              type: 'quantitative',
              scale: { scheme: 'blues' },
            },
            value: '#e0e0e0',
          },
        },
      },
    ])
  }
  if (r.kind === 'figure') {
    const rows = _rows(result)
    const color = { field: 'group', type: 'nominal' } as const
    const x = { field: 'time', type: 'quantitative' } as const
    return spec(rows, [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.15 },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' }, color },
      },
      {
        mark: { type: 'line', interpolate: 'step-after' },
        encoding: { x, y: { field: 'survival', type: 'quantitative', scale: { domain: [0, 1] } }, color },
      },
      {
        mark: { type: 'tick', thickness: 1 },
        transform: [{ filter: 'datum.censored > 0' }],
        encoding: { x, y: { field: 'survival', type: 'quantitative' }, color },
      },
    ])
  }
  if (r.kind === 'health') {
    const bands = (r.bands as { id: string; count: number; share: number }[]).map((b, i) => ({
      band: b.id,
      order: i,
      count: b.count,
      share: b.share,
    }))
    return spec(bands, [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'band', type: 'nominal', sort: null },
          x: { field: 'count', type: 'quantitative' },
          color: { field: 'order', type: 'ordinal', scale: { scheme: 'redyellowgreen' }, legend: null },
        },
      },
    ])
  }
  if (r.kind === 'trend')
    return spec(
      _rows(result).filter((row) => row.accountId === null),
      [
        {
          mark: { type: 'line', point: true },
          encoding: {
            x: period,
            y: { field: 'value', type: 'quantitative', title: 'health score', scale: { domain: [0, 100] } },
          },
        },
      ],
    )
  if (r.kind === 'themes')
    return spec(
      _rows(result).filter((row) => typeof row.impact === 'number'),
      [
        {
          mark: { type: 'circle', opacity: 0.6 },
          encoding: {
            x: { field: 'volume', type: 'quantitative', axis: { format: '%' } },
            y: { field: 'impact', type: 'quantitative' },
            size: { field: 'mentions', type: 'quantitative' },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 8 },
          encoding: {
            x: { field: 'volume', type: 'quantitative' },
            y: { field: 'impact', type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    )
  return null
}

/**
 * Walks the windowing (periods, segments, windows) down its first branch: the kinds met, outermost first
 * (`['series', 'segments']`), and the KPI of the first result inside.
 */
function descend(r: Record<string, unknown>): { levels: string[]; kpi: string } {
  const levels: string[] = []
  let x: unknown = r
  while (isObject(x) && (x.kind === 'series' || x.kind === 'segments' || x.kind === 'windows')) {
    levels.push(x.kind)
    const inner =
      x.kind === 'series'
        ? (x.periods as { result: unknown }[])[0]
        : x.kind === 'segments'
          ? (x.groups as { result: unknown }[])[0]
          : (x.windows as { result: unknown }[])[0]
    if (inner === undefined) break
    x = inner.result
  }
  return { levels, kpi: isObject(x) && typeof x.kpi === 'string' ? x.kpi : String(r.kpi) }
}
