// The few drawing pieces the charts share, written by hand: linear scales with round ticks, a frame with a
// title, axes and grid, and numbers written short. A chart library would bring a DOM (d3-selection,
// Vega's renderer) or hundreds of kilobytes; these are strings, so the same SVG renders in a notebook,
// a browser, the command's HTML report, or a file.
import { _escape } from './_format.ts'

/** A linear map from a domain to a pixel range. */
export interface _Scale {
  (x: number): number
  readonly domain: readonly [number, number]
  readonly ticks: readonly number[]
}

/** Round tick values covering [lo, hi], about `count` of them (1, 2 or 5 times a power of ten apart). */
export function _ticks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo)) return [lo]
  const raw = (hi - lo) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power
  const out: number[] = []
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step)
    out.push(Math.abs(t) < step * 1e-9 ? 0 : Number(t.toPrecision(12)))
  return out
}

/** A domain widened to round ticks, from the values (nulls ignored), with `include` inside it. */
export function _domain(
  values: readonly (number | null)[],
  include: readonly number[] = [],
  clamp?: readonly [number | null, number | null],
  unit = 1,
): [number, number] {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  for (const v of [...values, ...include])
    if (v !== null && Number.isFinite(v)) {
      if (v < lo) lo = v
      if (v > hi) hi = v
    }
  if (lo === Number.POSITIVE_INFINITY) return [0, 1]
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1
    lo -= pad
    hi += pad
  }
  const ticks = _ticks(lo / unit, hi / unit, 5)
  const step = (ticks.length > 1 ? (ticks[1] as number) - (ticks[0] as number) : 1) * unit
  lo = Math.floor(lo / step + 1e-9) * step
  hi = Math.ceil(hi / step - 1e-9) * step
  if (clamp?.[0] !== null && clamp?.[0] !== undefined) lo = Math.max(lo, clamp[0])
  if (clamp?.[1] !== null && clamp?.[1] !== undefined) hi = Math.min(hi, clamp[1])
  return [lo, hi]
}

/** A linear scale from `domain` to `[from, to]` pixels. */
export function _scale(
  domain: readonly [number, number],
  from: number,
  to: number,
  tickCount = 5,
  unit = 1,
): _Scale {
  const [d0, d1] = domain
  const k = d1 === d0 ? 0 : (to - from) / (d1 - d0)
  const f = ((x: number) => from + (x - d0) * k) as _Scale
  Object.defineProperty(f, 'domain', { value: domain })
  Object.defineProperty(f, 'ticks', { value: _ticks(d0 / unit, d1 / unit, tickCount).map((t) => t * unit) })
  return f
}

/** A pixel coordinate, short: one decimal at most. */
export const _px = (x: number): string => {
  const r = Math.round(x * 10) / 10
  return Object.is(r, -0) ? '0' : String(r)
}

/** The chart palette (Tableau 10: distinct, and legible for the common colour-vision deficiencies). */
export const _PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
]

/** The colour of the `i`-th series. */
export const _color = (i: number): string => _PALETTE[i % _PALETTE.length] as string

/** A text element; the text is escaped. */
export function _text(x: number, y: number, text: string, attrs = ''): string {
  return `<text x="${_px(x)}" y="${_px(y)}"${attrs === '' ? '' : ` ${attrs}`}>${_escape(text)}</text>`
}

/** A string shortened to `max` characters, with an ellipsis. */
export const _clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`

/** The whole SVG: size, title and description for assistive technology, a style, and the body. */
export function _svg(
  width: number,
  height: number,
  title: string,
  description: string,
  body: string,
): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${_escape(`${title}. ${description}`)}" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="11">` +
    `<title>${_escape(title)}</title><desc>${_escape(description)}</desc>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    _text(12, 18, title, 'font-size="13" font-weight="600" fill="#222"') +
    body +
    '</svg>'
  )
}

/** Horizontal grid lines and labels of a vertical value axis. */
export function _yAxis(y: _Scale, left: number, right: number, label: (v: number) => string): string {
  let out = ''
  for (const t of y.ticks) {
    const py = _px(y(t))
    out += `<line x1="${left}" x2="${_px(right)}" y1="${py}" y2="${py}" stroke="${t === 0 ? '#999' : '#e5e5e5'}"/>`
    out += _text(left - 6, y(t) + 3.5, label(t), 'text-anchor="end" fill="#555"')
  }
  return out
}

/** Vertical grid lines and labels of a horizontal value axis. */
export function _xAxis(x: _Scale, top: number, bottom: number, label: (v: number) => string): string {
  let out = ''
  for (const t of x.ticks) {
    const px = _px(x(t))
    out += `<line x1="${px}" x2="${px}" y1="${_px(top)}" y2="${_px(bottom)}" stroke="${t === 0 ? '#999' : '#e5e5e5'}"/>`
    out += _text(x(t), bottom + 14, label(t), 'text-anchor="middle" fill="#555"')
  }
  return out
}

/** Which of `n` category labels to write so that they do not overlap in `width` pixels. */
export function _labelEvery(n: number, width: number, labelWidth: number): number {
  return Math.max(1, Math.ceil((n * labelWidth) / Math.max(1, width)))
}

/** A legend: coloured swatches and names, in a row from (x, y). */
export function _legend(
  x: number,
  y: number,
  items: readonly { name: string; color: string; dashed?: boolean; hollow?: boolean }[],
): string {
  let out = ''
  let at = x
  for (const item of items) {
    out += item.hollow
      ? `<circle cx="${_px(at + 5)}" cy="${_px(y - 3.5)}" r="3.5" fill="#fff" stroke="${item.color}" stroke-width="1.5"/>`
      : `<rect x="${_px(at)}" y="${_px(y - 8)}" width="10" height="10" fill="${item.color}"${item.dashed ? ' fill-opacity="0.25"' : ''}/>`
    const name = _clip(item.name, 24)
    out += _text(at + 14, y, name, 'fill="#333"')
    at += 24 + name.length * 6
  }
  return out
}

/** The time unit (in ms) whose round multiples make good ticks for durations up to `max` ms. */
export function _durationUnit(max: number): number {
  const a = Math.abs(max)
  return a >= 2 * 86_400_000 ? 86_400_000 : a >= 2 * 3_600_000 ? 3_600_000 : a >= 120_000 ? 60_000 : 1000
}
