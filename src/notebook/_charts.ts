// The charts, as SVG strings from plain data: a series over periods (line or bars, with its interval
// band and the periods still in progress marked), shares stacked (NPS), bars with intervals (segments),
// a cohort heatmap, Kaplan–Meier steps, a health portfolio by band, and themes as volume × impact.
// Sizes stay bounded whatever the data: long series thin their labels, a heatmap merges runs of cells of
// one colour into one path, a survival curve keeps one step per pixel.
import type { ResultTraits } from '../core/describeResult.ts'
import { _escape, type _Formats } from './_format.ts'
import {
  _clip,
  _color,
  _domain,
  _durationUnit,
  _labelEvery,
  _legend,
  _px,
  _scale,
  _svg,
  _text,
  _xAxis,
  _yAxis,
} from './_svg.ts'

/** One point of a series chart. */
export interface _Point {
  readonly label: string
  readonly y: number | null
  readonly lo: number | null
  readonly hi: number | null
  readonly complete: boolean
}

/** What every chart takes. */
interface Frame {
  readonly title: string
  readonly description: string
  readonly width: number
  readonly f: _Formats
}

const HEIGHT = 260
const TOP = 34
const BOTTOM = 44
const LEFT = 58
const RIGHT = 16

/** A series over periods: lines (with bands) or bars (with whiskers); in-progress periods hollow and dashed. */
export function _seriesChart(
  o: Frame & {
    readonly series: readonly { readonly name: string; readonly points: readonly _Point[] }[]
    readonly traits: ResultTraits | null
    readonly bars: boolean
  },
): string {
  const { width, f, traits } = o
  const n = Math.max(0, ...o.series.map((s) => s.points.length))
  const legendRow = o.series.length > 1 ? 16 : 0
  const top = TOP + legendRow
  const bottom = HEIGHT - BOTTOM
  const values = o.series.flatMap((s) => s.points.flatMap((p) => [p.y, p.lo, p.hi]))
  const unit = traits?.unit === 'ms' ? _durationUnit(Math.max(0, ...values.map((v) => Math.abs(v ?? 0)))) : 1
  const domain = _domain(
    values,
    o.bars || unit > 1 ? [0] : [],
    traits?.unit === 'proportion' ? [0, 1] : traits?.bounds,
    unit,
  )
  const y = _scale(domain, bottom, top, 5, unit)
  const band = (width - LEFT - RIGHT) / Math.max(1, n)
  const cx = (i: number) => LEFT + band * (i + 0.5)
  let body = _yAxis(y, LEFT, width - RIGHT, (v) => f.tick(v, traits))
  // In-progress periods: a light background behind them.
  const first = o.series[0]?.points ?? []
  first.forEach((p, i) => {
    if (!p.complete)
      body += `<rect x="${_px(LEFT + band * i)}" y="${top}" width="${_px(band)}" height="${_px(bottom - top)}" fill="#f4f4f4"/>`
  })
  const every = _labelEvery(n, width - LEFT - RIGHT, 52)
  first.forEach((p, i) => {
    if (i % every === 0)
      body += _text(cx(i), bottom + 14, _clip(p.label, 10), 'text-anchor="middle" fill="#555"')
  })
  const groups = o.series.length
  o.series.forEach((s, k) => {
    const color = _color(k)
    if (o.bars) {
      const w = Math.max(1, (band * 0.8) / groups)
      s.points.forEach((p, i) => {
        if (p.y === null) return
        const x = LEFT + band * i + band * 0.1 + w * k
        const y0 = y(Math.max(domain[0], Math.min(domain[1], 0)))
        const y1 = y(p.y)
        body += `<rect x="${_px(x)}" y="${_px(Math.min(y0, y1))}" width="${_px(w)}" height="${_px(Math.abs(y1 - y0))}" fill="${color}"${p.complete ? '' : ' fill-opacity="0.35" stroke-dasharray="3 2"'} stroke="${color}"><title>${_escape(`${p.label}: ${f.value(p.y, traits)}`)}</title></rect>`
        if (p.lo !== null && p.hi !== null)
          body += `<path d="M${_px(x + w / 2)} ${_px(y(p.lo))}V${_px(y(p.hi))}" stroke="#333" stroke-width="1"/>`
      })
      return
    }
    // The band: one polygon per run of points with an interval.
    let run: number[] = []
    const flush = () => {
      if (run.length > 0) {
        const up = run.map((i) => `${_px(cx(i))} ${_px(y(s.points[i]?.hi as number))}`)
        const down = run.map((i) => `${_px(cx(i))} ${_px(y(s.points[i]?.lo as number))}`).reverse()
        body += `<path d="M${[...up, ...down].join('L')}Z" fill="${color}" fill-opacity="0.16"/>`
      }
      run = []
    }
    s.points.forEach((p, i) => {
      if (p.lo !== null && p.hi !== null && p.y !== null) run.push(i)
      else flush()
    })
    flush()
    // The line: solid between complete periods, dashed into one in progress; broken where there is no value.
    let solid = ''
    let dashed = ''
    let prev: number | null = null
    s.points.forEach((p, i) => {
      if (p.y === null) {
        prev = null
        return
      }
      const xy = `${_px(cx(i))} ${_px(y(p.y))}`
      if (prev !== null) {
        const from = `M${_px(cx(prev))} ${_px(y(s.points[prev]?.y as number))}L${xy}`
        if (p.complete && s.points[prev]?.complete) solid += from
        else dashed += from
      }
      prev = i
    })
    if (solid !== '') body += `<path d="${solid}" fill="none" stroke="${color}" stroke-width="2"/>`
    if (dashed !== '')
      body += `<path d="${dashed}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="4 3"/>`
    if (n <= 120)
      s.points.forEach((p, i) => {
        if (p.y === null) return
        body += `<circle cx="${_px(cx(i))}" cy="${_px(y(p.y))}" r="3" fill="${p.complete ? color : '#fff'}" stroke="${color}" stroke-width="1.5"><title>${_escape(`${s.name === '' ? '' : `${s.name} · `}${p.label}: ${f.value(p.y, traits)}${p.lo !== null && p.hi !== null ? ` (${f.value(p.lo, traits)} to ${f.value(p.hi, traits)})` : ''}${p.complete ? '' : ' · in progress'}`)}</title></circle>`
      })
  })
  const legend: { name: string; color: string; hollow?: boolean; dashed?: boolean }[] =
    groups > 1 ? o.series.map((s, k) => ({ name: s.name, color: _color(k) })) : []
  const marks: string[] = []
  if (first.some((p) => !p.complete)) marks.push('shaded: period in progress')
  if (!o.bars && o.series.some((s) => s.points.some((p) => p.lo !== null)))
    marks.push('band: confidence interval')
  if (legend.length > 0) body += _legend(LEFT, TOP + 8, legend.slice(0, 8))
  if (marks.length > 0)
    body += _text(width - RIGHT, HEIGHT - 8, marks.join(' · '), 'text-anchor="end" fill="#777"')
  return _svg(width, HEIGHT, o.title, o.description, body)
}

/** One bar of shares stacked to 100 %. */
export interface _Stack {
  readonly label: string
  readonly parts: readonly { readonly name: string; readonly share: number; readonly color: string }[]
  readonly headline: string
  readonly complete: boolean
}

/** Shares stacked to 100 %: one horizontal bar for one result, or one column per period. */
export function _stackedChart(o: Frame & { readonly stacks: readonly _Stack[] }): string {
  const { width, f } = o
  const names = o.stacks[0]?.parts ?? []
  let body = _legend(
    LEFT,
    TOP + 6,
    names.map((p) => ({ name: p.name, color: p.color })),
  )
  if (o.stacks.length === 1) {
    const s = o.stacks[0] as _Stack
    const height = 150
    const x0 = 16
    const w = width - 32
    let at = x0
    for (const p of s.parts) {
      const pw = w * p.share
      body += `<rect x="${_px(at)}" y="64" width="${_px(pw)}" height="34" fill="${p.color}"><title>${_escape(`${p.name}: ${f.share(p.share)}`)}</title></rect>`
      if (pw > 44)
        body += _text(at + pw / 2, 85, f.share(p.share), 'text-anchor="middle" fill="#fff" font-weight="600"')
      at += pw
    }
    body += _text(x0, 126, s.headline, 'font-size="14" fill="#222"')
    return _svg(width, height, o.title, o.description, body)
  }
  const top = TOP + 20
  const bottom = HEIGHT - BOTTOM
  const y = _scale([0, 1], bottom, top)
  body += _yAxis(y, LEFT, width - RIGHT, (v) =>
    f.tick(v, { unit: 'proportion', measure: 'proportion', bounds: [0, 1], better: 'higher' }),
  )
  const band = (width - LEFT - RIGHT) / o.stacks.length
  const every = _labelEvery(o.stacks.length, width - LEFT - RIGHT, 52)
  o.stacks.forEach((s, i) => {
    let at = 0
    const x = LEFT + band * i + band * 0.1
    for (const p of s.parts) {
      body += `<rect x="${_px(x)}" y="${_px(y(at + p.share))}" width="${_px(band * 0.8)}" height="${_px(y(at) - y(at + p.share))}" fill="${p.color}"${s.complete ? '' : ' fill-opacity="0.45"'}><title>${_escape(`${s.label} · ${p.name}: ${f.share(p.share)}${s.complete ? '' : ' · in progress'}`)}</title></rect>`
      at += p.share
    }
    if (i % every === 0)
      body += _text(
        LEFT + band * (i + 0.5),
        bottom + 14,
        _clip(s.label, 10),
        'text-anchor="middle" fill="#555"',
      )
  })
  if (o.stacks.some((s) => !s.complete))
    body += _text(width - RIGHT, HEIGHT - 8, 'faded: period in progress', 'text-anchor="end" fill="#777"')
  return _svg(width, HEIGHT, o.title, o.description, body)
}

/** Horizontal bars with interval whiskers, one per segment. */
export function _barsChart(
  o: Frame & {
    readonly items: readonly {
      readonly label: string
      readonly y: number | null
      readonly lo: number | null
      readonly hi: number | null
    }[]
    readonly traits: ResultTraits | null
  },
): string {
  const { width, f, traits } = o
  const row = 22
  const left = 130
  const height = TOP + 10 + o.items.length * row + 30
  const values = o.items.flatMap((i) => [i.y, i.lo, i.hi])
  const unit = traits?.unit === 'ms' ? _durationUnit(Math.max(0, ...values.map((v) => Math.abs(v ?? 0)))) : 1
  const domain = _domain(values, [0], traits?.unit === 'proportion' ? [0, 1] : traits?.bounds, unit)
  const x = _scale(domain, left, width - RIGHT - 40, 5, unit)
  const top = TOP + 10
  let body = _xAxis(x, top, top + o.items.length * row, (v) => f.tick(v, traits))
  o.items.forEach((it, i) => {
    const cy = top + i * row + row / 2
    body += _text(left - 6, cy + 4, _clip(it.label, 20), 'text-anchor="end" fill="#333"')
    if (it.y === null) {
      body += _text(left + 4, cy + 4, '—', 'fill="#999"')
      return
    }
    const x0 = x(Math.max(domain[0], Math.min(domain[1], 0)))
    const x1 = x(it.y)
    body += `<rect x="${_px(Math.min(x0, x1))}" y="${_px(cy - 7)}" width="${_px(Math.abs(x1 - x0))}" height="14" fill="${_color(0)}"><title>${_escape(`${it.label}: ${f.value(it.y, traits)}`)}</title></rect>`
    if (it.lo !== null && it.hi !== null)
      body += `<path d="M${_px(x(it.lo))} ${_px(cy)}H${_px(x(it.hi))}M${_px(x(it.lo))} ${_px(cy - 4)}v8M${_px(x(it.hi))} ${_px(cy - 4)}v8" stroke="#333"/>`
    body += _text(
      Math.max(x1, it.hi === null ? x1 : x(it.hi)) + 4,
      cy + 4,
      f.value(it.y, traits),
      'fill="#333"',
    )
  })
  return _svg(width, height, o.title, o.description, body)
}

/** The nine classes of a sequential blue scale (ColorBrewer Blues), light to dark. */
const BLUES = [
  '#f7fbff',
  '#deebf7',
  '#c6dbef',
  '#9ecae1',
  '#6baed6',
  '#4292c6',
  '#2171b5',
  '#08519c',
  '#08306b',
]

/**
 * A cohort heatmap: one row per cohort, one column per period since it. A value's colour is its class in
 * [0, max]; an immature cell (period not over) is hatched grey, never coloured as a zero. Small tables
 * get a rectangle (with a tooltip and its number) per cell; large ones one path per colour, runs merged.
 */
export function _heatmap(
  o: Frame & {
    readonly columns: readonly string[]
    readonly rows: readonly {
      readonly label: string
      readonly cells: readonly { readonly value: number | null; readonly complete: boolean }[]
    }[]
    readonly format: (v: number) => string
  },
): string {
  const { width } = o
  const left = 74
  const top = TOP + 18
  const cols = Math.max(1, o.columns.length)
  const cw = (width - left - RIGHT) / cols
  const ch = Math.max(3, Math.min(22, 420 / Math.max(1, o.rows.length)))
  const height = Math.ceil(top + o.rows.length * ch + 34)
  let max = 0
  for (const r of o.rows)
    for (const c of r.cells) if (c.complete && c.value !== null && c.value > max) max = c.value
  const cls = (v: number) => (max <= 0 ? 0 : Math.min(8, Math.floor((v / max) * 8.999)))
  const hatch = `cxm-hatch-${o.rows.length}-${cols}`
  let body = `<defs><pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2f2f2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c8c8c8" stroke-width="2"/></pattern></defs>`
  const every = _labelEvery(cols, width - left - RIGHT, 26)
  o.columns.forEach((c, j) => {
    if (j % every === 0) body += _text(left + cw * (j + 0.5), top - 6, c, 'text-anchor="middle" fill="#555"')
  })
  const rowEvery = Math.max(1, Math.ceil(11 / ch))
  const small = o.rows.length * cols <= 600 && cw >= 26 && ch >= 14
  const paths: string[] = BLUES.map(() => '')
  let immature = ''
  o.rows.forEach((r, i) => {
    const y = top + i * ch
    if (i % rowEvery === 0)
      body += _text(left - 6, y + ch / 2 + 3.5, _clip(r.label, 11), 'text-anchor="end" fill="#333"')
    if (small) {
      r.cells.forEach((c, j) => {
        const x = left + j * cw
        const fill = !c.complete
          ? `url(#${hatch})`
          : c.value === null
            ? '#fff'
            : (BLUES[cls(c.value)] as string)
        const tip = !c.complete ? 'in progress' : c.value === null ? 'no value' : o.format(c.value)
        body += `<rect x="${_px(x)}" y="${_px(y)}" width="${_px(cw - 1)}" height="${_px(ch - 1)}" fill="${fill}"><title>${_escape(`${r.label} · ${o.columns[j] ?? j}: ${tip}`)}</title></rect>`
        if (c.complete && c.value !== null)
          body += _text(
            x + cw / 2,
            y + ch / 2 + 3.5,
            o.format(c.value),
            `text-anchor="middle" fill="${cls(c.value) >= 5 ? '#fff' : '#222'}"`,
          )
      })
      return
    }
    // Runs of cells of one class become one rectangle in that class's path.
    let j = 0
    while (j < r.cells.length) {
      const c = r.cells[j] as { value: number | null; complete: boolean }
      const key = !c.complete ? -1 : c.value === null ? -2 : cls(c.value)
      let k = j + 1
      while (k < r.cells.length) {
        const d = r.cells[k] as { value: number | null; complete: boolean }
        const dk = !d.complete ? -1 : d.value === null ? -2 : cls(d.value)
        if (dk !== key) break
        k++
      }
      const rect = `M${_px(left + j * cw)} ${_px(y)}h${_px((k - j) * cw)}v${_px(ch)}h${_px(-(k - j) * cw)}z`
      if (key === -1) immature += rect
      else if (key >= 0) paths[key] += rect
      j = k
    }
  })
  paths.forEach((d, k) => {
    if (d !== '') body += `<path d="${d}" fill="${BLUES[k]}"/>`
  })
  if (immature !== '') body += `<path d="${immature}" fill="url(#${hatch})"/>`
  // The key: the scale's ends, and the hatch.
  const ky = height - 14
  BLUES.forEach((c, k) => {
    body += `<rect x="${_px(left + k * 14)}" y="${ky - 9}" width="14" height="10" fill="${c}"/>`
  })
  body += _text(left + 9 * 14 + 6, ky, `0 → ${o.format(max)}`, 'fill="#555"')
  body += `<rect x="${_px(left + 9 * 14 + 90)}" y="${ky - 9}" width="14" height="10" fill="url(#${hatch})"/>`
  body += _text(left + 9 * 14 + 108, ky, 'in progress (not a zero)', 'fill="#555"')
  return _svg(width, height, o.title, o.description, body)
}

/** One Kaplan–Meier curve: its steps, interval, and censored times. */
export interface _Curve {
  readonly name: string
  readonly points: readonly {
    readonly time: number
    readonly survival: number
    readonly lower: number | null
    readonly upper: number | null
    readonly censored: number
  }[]
}

/**
 * Kaplan–Meier curves as steps from S(0) = 1, with their pointwise interval as a stepped band and a tick
 * at every censored time. Steps closer than a pixel are merged (the last value in the pixel is kept), so a
 * curve of 300,000 distinct times draws in a few kilobytes.
 */
export function _survivalChart(
  o: Frame & { readonly curves: readonly _Curve[]; readonly timeLabel: (t: number) => string },
): string {
  const { width, f } = o
  const legendRow = o.curves.length > 1 ? 16 : 0
  const top = TOP + legendRow
  const bottom = HEIGHT - BOTTOM
  const maxT = Math.max(
    0,
    ...o.curves.flatMap((c) =>
      c.points.length === 0 ? [] : [(c.points[c.points.length - 1] as { time: number }).time],
    ),
  )
  const x = _scale(_domain([0, maxT]), LEFT, width - RIGHT)
  const y = _scale([0, 1], bottom, top)
  let body = _yAxis(y, LEFT, width - RIGHT, (v) => f.share(v).replace(/[.,]0(?=\D*$)/, ''))
  for (const t of x.ticks)
    body += _text(x(t), bottom + 14, o.timeLabel(t), 'text-anchor="middle" fill="#555"')
  o.curves.forEach((c, k) => {
    const color = _color(k)
    // One step per pixel column: the last point in it.
    const kept: (typeof c.points)[number][] = []
    let lastPx = Number.NEGATIVE_INFINITY
    for (const p of c.points) {
      const px = Math.round(x(p.time))
      if (px === lastPx) kept[kept.length - 1] = p
      else kept.push(p)
      lastPx = px
    }
    let line = `M${LEFT} ${_px(y(1))}`
    const up: string[] = [`${LEFT} ${_px(y(1))}`]
    const down: string[] = [`${LEFT} ${_px(y(1))}`]
    let hi = 1
    let lo = 1
    let banded = true
    let s = 1
    for (const p of kept) {
      const px = _px(x(p.time))
      line += `H${px}V${_px(y(p.survival))}`
      if (banded && p.upper !== null && p.lower !== null) {
        up.push(`${px} ${_px(y(hi))}`, `${px} ${_px(y(p.upper))}`)
        down.push(`${px} ${_px(y(lo))}`, `${px} ${_px(y(p.lower))}`)
        hi = p.upper
        lo = p.lower
      } else banded = false
      s = p.survival
    }
    if (up.length > 1)
      body += `<path d="M${[...up, ...down.reverse()].join('L')}Z" fill="${color}" fill-opacity="0.15"/>`
    body += `<path d="${line}" fill="none" stroke="${color}" stroke-width="2"><title>${_escape(`${c.name === '' ? 'survival' : c.name}: ${f.share(s)} at the last time`)}</title></path>`
    let ticks = ''
    let lastTick = Number.NEGATIVE_INFINITY
    for (const p of c.points) {
      if (p.censored > 0) {
        const px = Math.round(x(p.time))
        if (px - lastTick >= 3) {
          ticks += `M${px} ${_px(y(p.survival) - 3)}v6`
          lastTick = px
        }
      }
    }
    if (ticks !== '') body += `<path d="${ticks}" stroke="${color}" stroke-width="1" stroke-opacity="0.7"/>`
  })
  if (o.curves.length > 1)
    body += _legend(
      LEFT,
      TOP + 8,
      o.curves.map((c, k) => ({ name: c.name, color: _color(k) })),
    )
  body += _text(
    width - RIGHT,
    HEIGHT - 8,
    'ticks: censored · band: confidence interval',
    'text-anchor="end" fill="#777"',
  )
  return _svg(width, HEIGHT, o.title, o.description, body)
}

/** A colour from red through yellow to green, for the `i`-th of `n` bands ordered from worst to best. */
function bandColor(i: number, n: number): string {
  const stops = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850']
  if (n <= 1) return stops[4] as string
  return stops[Math.round((i / (n - 1)) * 4)] as string
}

/** A health portfolio: accounts per band, worst band first, with counts and shares. */
export function _bandsChart(
  o: Frame & {
    readonly bands: readonly { readonly label: string; readonly count: number; readonly share: number }[]
    readonly unscored: number
  },
): string {
  const { width, f } = o
  const row = 26
  const left = 120
  const top = TOP + 10
  const height = top + o.bands.length * row + 30
  const max = Math.max(1, ...o.bands.map((b) => b.count))
  const x = _scale([0, max], left, width - RIGHT - 90)
  let body = ''
  o.bands.forEach((b, i) => {
    const cy = top + i * row + row / 2
    body += _text(left - 8, cy + 4, _clip(b.label, 18), 'text-anchor="end" fill="#333"')
    body += `<rect x="${left}" y="${_px(cy - 9)}" width="${_px(x(b.count) - left)}" height="18" fill="${bandColor(i, o.bands.length)}"><title>${_escape(`${b.label}: ${f.count(b.count)} (${f.share(b.share)})`)}</title></rect>`
    body += _text(x(b.count) + 6, cy + 4, `${f.count(b.count)} · ${f.share(b.share)}`, 'fill="#333"')
  })
  if (o.unscored > 0)
    body += _text(left, height - 10, `${f.count(o.unscored)} accounts without a score`, 'fill="#777"')
  return _svg(width, height, o.title, o.description, body)
}

/** Themes as volume (share of comments) × impact (on the overall score), circles sized by mentions. */
export function _themesChart(
  o: Frame & {
    readonly points: readonly {
      readonly label: string
      readonly volume: number
      readonly impact: number
      readonly mentions: number
    }[]
    readonly traits: ResultTraits | null
    readonly missing: number
  },
): string {
  const { width, f, traits } = o
  const height = 320
  const top = TOP + 6
  const bottom = height - BOTTOM
  const x = _scale(
    _domain(
      o.points.map((p) => p.volume),
      [0],
      [0, 1],
    ),
    LEFT,
    width - RIGHT - 60,
  )
  const y = _scale(
    _domain(
      o.points.map((p) => p.impact),
      [0],
    ),
    bottom,
    top,
  )
  const proportion = { unit: 'proportion', measure: 'proportion', bounds: [0, 1], better: 'higher' } as const
  let body =
    _yAxis(y, LEFT, width - RIGHT, (v) => f.tick(v, traits)) +
    _xAxis(x, top, bottom, (v) => f.tick(v, proportion))
  body += _text(width - RIGHT, bottom + 30, 'volume: share of comments →', 'text-anchor="end" fill="#555"')
  body += _text(LEFT + 4, top + 10, '↑ impact on the score', 'fill="#555"')
  const maxMentions = Math.max(1, ...o.points.map((p) => p.mentions))
  // Labels placed greedily, largest theme first: right of the circle, else above, below or left of it.
  const placed: [number, number, number, number][] = []
  const overlaps = (b: [number, number, number, number]) =>
    placed.some((q) => b[0] < q[2] && q[0] < b[2] && b[1] < q[3] && q[1] < b[3])
  const order = [...o.points].sort((a, b) => b.mentions - a.mentions)
  for (const p of order) {
    const r = 3 + 9 * Math.sqrt(p.mentions / maxMentions)
    const color = p.impact < 0 ? '#e15759' : '#59a14f'
    body += `<circle cx="${_px(x(p.volume))}" cy="${_px(y(p.impact))}" r="${_px(r)}" fill="${color}" fill-opacity="0.6" stroke="${color}"><title>${_escape(`${p.label}: ${f.share(p.volume)} of comments, impact ${f.value(p.impact, traits)}, ${f.count(p.mentions)} mentions`)}</title></circle>`
    const label = _clip(p.label, 22)
    const w = label.length * 6.2
    const px = x(p.volume)
    const py = y(p.impact)
    const tries: [number, number, string][] = [
      [px + r + 3, py + 3.5, 'start'],
      [px + r + 3, py - r - 2, 'start'],
      [px + r + 3, py + r + 10, 'start'],
      [px - r - 3, py + 3.5, 'end'],
      [px - r - 3, py - r - 2, 'end'],
      [px - r - 3, py + r + 10, 'end'],
    ]
    const box = (t: [number, number, string]): [number, number, number, number] =>
      t[2] === 'start' ? [t[0], t[1] - 9, t[0] + w, t[1] + 2] : [t[0] - w, t[1] - 9, t[0], t[1] + 2]
    const at = tries.find((t) => !overlaps(box(t))) ?? (tries[0] as [number, number, string])
    placed.push(box(at))
    body += _text(at[0], at[1], label, `fill="#333"${at[2] === 'end' ? ' text-anchor="end"' : ''}`)
  }
  if (o.missing > 0)
    body += _text(
      width - RIGHT,
      height - 8,
      `${f.count(o.missing)} themes without an impact not drawn`,
      'text-anchor="end" fill="#777"',
    )
  return _svg(width, height, o.title, o.description, body)
}
