// What a result looks like: its title, a one-line headline, a table of formatted cells, notes on what
// was left out, and a chart where a picture says more. The text, HTML and SVG renderings all read it.

import type { ResultTraits } from '../core/describeResult.ts'
import {
  _bandsChart,
  _barsChart,
  _heatmap,
  type _Point,
  _seriesChart,
  _stackedChart,
  _survivalChart,
  _themesChart,
} from './_charts.ts'
import {
  type _DisplayOptions,
  _descriptorOf,
  type _Formats,
  _formats,
  _titleOf,
  _traitsOf,
} from './_format.ts'
import { _isComparisons } from './_rows.ts'

/** One displayed row: its cells, and whether its period is still in progress. */
export interface _ViewRow {
  readonly cells: readonly string[]
  readonly inProgress: boolean
}

/** A result, ready to render. */
export interface _View {
  readonly title: string
  readonly headline: string
  readonly head: readonly string[]
  /** Which columns hold numbers (right-aligned). */
  readonly numeric: readonly boolean[]
  readonly rows: readonly _ViewRow[]
  /** Rows not shown (over `maxRows`). */
  readonly more: number
  readonly notes: readonly string[]
  /** The chart, built on demand. */
  readonly chart: (() => string) | null
  /** Writes a count in the display's locale. */
  readonly count: (n: number) => string
}

// biome-ignore lint/suspicious/noExplicitAny: a result of any kind, read by its `kind`
type Loose = Record<string, any>

/** A string or number as text, or `fallback`. */
const str = (v: unknown, fallback = '?'): string =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : fallback

/** A result's KPI id, or `'value'` when it has none. */
const kpiOf = (r: Loose): string => (typeof r.kpi === 'string' ? r.kpi : 'value')

const isObject = (x: unknown): x is Loose => x !== null && typeof x === 'object' && !Array.isArray(x)

/** The non-zero exclusion counts, in words (`'3 invalid, 1 missing'`), or `''`. */
function excludedText(excluded: unknown, f: _Formats): string {
  if (!isObject(excluded)) return ''
  const parts: string[] = []
  for (const k of Object.keys(excluded)) {
    const v = excluded[k]
    if (typeof v === 'number' && v > 0) parts.push(`${f.count(v)} ${k}`)
  }
  return parts.join(', ')
}

/** A leaf of a windowed or segmented result: the labels above it and the result itself. */
interface Leaf {
  readonly labels: string[]
  readonly result: unknown
  readonly complete: boolean
}

const LEVEL = { series: 'Period', segments: 'Segment', windows: 'Window', combined: 'Part' } as const

/** Walks periods, segments, windows and parts down to the results inside them. */
function leaves(
  x: unknown,
  f: _Formats,
  levels: string[],
  labels: string[] = [],
  complete = true,
  out: Leaf[] = [],
): Leaf[] {
  if (!isObject(x) || !(x.kind in LEVEL)) {
    out.push({ labels, result: x, complete })
    return out
  }
  const level = LEVEL[x.kind as keyof typeof LEVEL]
  if (levels.length === labels.length) levels.push(level)
  if (x.kind === 'series')
    for (const p of x.periods)
      leaves(p.result, f, levels, [...labels, p.period.key], complete && p.period.complete, out)
  else if (x.kind === 'segments')
    for (const g of x.groups) leaves(g.result, f, levels, [...labels, g.key], complete, out)
  else if (x.kind === 'windows') {
    const zone = typeof x.variant?.timeZone === 'string' ? x.variant.timeZone : 'UTC'
    for (const w of x.windows)
      leaves(
        w.result,
        f,
        levels,
        [...labels, `${f.date(w.start, zone)} – ${f.date(w.end, zone)}`],
        complete,
        out,
      )
  } else
    for (const k of Object.keys(x.results)) leaves(x.results[k], f, levels, [...labels, k], complete, out)
  return out
}

const ciText = (ci: unknown, traits: ResultTraits | null, f: _Formats): string =>
  isObject(ci) && typeof ci.lower === 'number' && typeof ci.upper === 'number'
    ? `${f.value(ci.lower, traits)} to ${f.value(ci.upper, traits)}`
    : ''

/** The KPI of the first leaf result, and its traits. */
function firstKpi(list: readonly Leaf[]): {
  kpi: string | null
  traits: ResultTraits | null
  variant: Loose | undefined
} {
  for (const l of list)
    if (isObject(l.result) && typeof l.result.kpi === 'string')
      return {
        kpi: l.result.kpi,
        traits: _traitsOf(l.result.kpi, l.result.variant),
        variant: l.result.variant,
      }
  return { kpi: null, traits: null, variant: undefined }
}

const point = (leaf: Leaf, label: string): _Point => {
  const r = isObject(leaf.result) ? leaf.result : {}
  const value = typeof r.value === 'number' ? r.value : null
  const ci = isObject(r.ci) ? r.ci : null
  return {
    label,
    y: value,
    lo: typeof ci?.lower === 'number' ? ci.lower : null,
    hi: typeof ci?.upper === 'number' ? ci.upper : null,
    complete: leaf.complete,
  }
}

const NPS_PARTS = [
  ['detractors', 'detractorShare', '#e15759'],
  ['passives', 'passiveShare', '#bab0ac'],
  ['promoters', 'promoterShare', '#59a14f'],
] as const

const npsStack = (r: Loose, label: string, complete: boolean, f: _Formats) => ({
  label,
  complete,
  headline: `NPS ${f.value(typeof r.value === 'number' ? r.value : null, { unit: 'points', measure: 'nps', bounds: [-100, 100], better: 'higher' })} · n ${f.count(r.n)}`,
  parts: NPS_PARTS.map(([name, share, color]) => ({
    name,
    share: typeof r[share] === 'number' ? r[share] : 0,
    color,
  })),
})

function viewOfLeaves(x: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const levels: string[] = []
  const list = leaves(x, f, levels)
  const { kpi, traits } = firstKpi(list)
  const title = o.title ?? titleOf(x, kpi)
  const head = [...levels, 'Value', 'Interval', 'n', 'Excluded']
  const numeric = [...levels.map(() => false), true, true, true, false]
  const rows = list.slice(0, o.maxRows).map((l) => {
    const r = isObject(l.result) ? l.result : {}
    const value =
      typeof r.value === 'number'
        ? f.value(r.value, _traitsOf(kpiOf(r), r.variant) ?? traits)
        : r.reason === undefined || r.reason === null
          ? '—'
          : `— (${str(r.reason)})`
    return {
      cells: [
        ...l.labels,
        value,
        ciText(r.ci, traits, f),
        typeof r.n === 'number' ? f.count(r.n) : '',
        excludedText(r.excluded, f),
      ],
      inProgress: !l.complete,
    }
  })
  const notes: string[] = []
  const outer = excludedText(x.excluded, f)
  if (outer !== '') notes.push(`Left out before windowing: ${outer}.`)
  if (list.some((l) => !l.complete))
    notes.push('◔ marks a period still in progress (or only partly inside the range).')
  const chart = chartOfLeaves(x, list, levels, kpi, traits, title, o, f)
  const values = list.filter((l) => isObject(l.result) && typeof l.result.value === 'number')
  const last = values[values.length - 1]
  const headline =
    last === undefined
      ? `${list.length} ${levels[0]?.toLowerCase() ?? 'row'}s, no value`
      : `${list.length} rows · last: ${last.labels.join(' · ')} ${f.value((last.result as Loose).value, traits)}`
  return { title, headline, head, numeric, rows, more: Math.max(0, list.length - o.maxRows), notes, chart }
}

function titleOf(x: Loose, kpi: string | null): string {
  const name = _titleOf(kpi ?? kpiOf(x))
  if (x.kind === 'series') return `${name} by ${str(x.unit)} (${str(x.timeZone)})`
  if (x.kind === 'segments')
    return isObject(x.groups?.[0]?.result) && x.groups[0].result.kind === 'series'
      ? `${name} by segment and ${str(x.groups[0].result.unit)}`
      : `${name} by segment`
  if (x.kind === 'windows') return `${name}, trailing ${str(x.variant?.days)} days`
  if (x.kind === 'combined') return 'Several KPIs'
  return name
}

function chartOfLeaves(
  x: Loose,
  list: readonly Leaf[],
  levels: readonly string[],
  kpi: string | null,
  traits: ResultTraits | null,
  title: string,
  o: _DisplayOptions,
  f: _Formats,
): (() => string) | null {
  if (o.chart === 'none' || x.kind === 'combined' || levels.includes('Part')) return null
  const frame = { title, width: o.width, f }
  if (levels.length === 1 && x.kind === 'segments') {
    if (o.chart === 'stacked' && kpi === 'nps')
      return () =>
        _stackedChart({
          ...frame,
          description: 'Shares of promoters, passives and detractors by segment.',
          stacks: list.map((l) => npsStack(l.result as Loose, l.labels[0] as string, true, f)),
        })
    return () =>
      _barsChart({
        ...frame,
        description: `${title}: one bar per segment, whiskers for the confidence interval.`,
        traits,
        items: list.slice(0, o.maxRows).map((l) => {
          const p = point(l, l.labels[0] as string)
          return { label: p.label, y: p.y, lo: p.lo, hi: p.hi }
        }),
      })
  }
  if (levels.length === 1 && (x.kind === 'series' || x.kind === 'windows')) {
    if (o.chart === 'stacked' && kpi === 'nps')
      return () =>
        _stackedChart({
          ...frame,
          description: 'Shares of promoters, passives and detractors per period.',
          stacks: list.map((l) => npsStack(l.result as Loose, l.labels[0] as string, l.complete, f)),
        })
    const bars = o.chart === 'bars' || (o.chart === 'auto' && x.kind === 'windows')
    return () =>
      _seriesChart({
        ...frame,
        description: `${title}: ${list.length} ${x.kind === 'windows' ? 'windows' : 'periods'}, ${bars ? 'bars with whiskers' : 'a line with its band'} for the confidence interval.`,
        traits,
        bars,
        series: [
          {
            name: '',
            points: list.map((l) =>
              point(
                l,
                x.kind === 'windows'
                  ? ((l.labels[0] as string).split(' – ')[1] ?? '')
                  : (l.labels[0] as string),
              ),
            ),
          },
        ],
      })
  }
  if (
    levels.length === 2 &&
    ((levels[0] === 'Period' && levels[1] === 'Segment') ||
      (levels[0] === 'Segment' && levels[1] === 'Period'))
  ) {
    // One line per segment, over the periods.
    const periodAt = levels[0] === 'Period' ? 0 : 1
    const segmentAt = 1 - periodAt
    const periods: string[] = []
    const complete = new Map<string, boolean>()
    const bySegment = new Map<string, Map<string, Leaf>>()
    for (const l of list) {
      const p = l.labels[periodAt] as string
      const s = l.labels[segmentAt] as string
      if (!complete.has(p)) {
        periods.push(p)
        complete.set(p, l.complete)
      }
      const m = bySegment.get(s) ?? new Map<string, Leaf>()
      bySegment.set(s, m)
      m.set(p, l)
    }
    periods.sort()
    const series = [...bySegment].slice(0, 10).map(([name, m]) => ({
      name,
      points: periods.map((p) => {
        const l = m.get(p)
        return l === undefined
          ? { label: p, y: null, lo: null, hi: null, complete: complete.get(p) ?? true }
          : { ...point(l, p), lo: null, hi: null }
      }),
    }))
    const bars = o.chart === 'bars'
    return () =>
      _seriesChart({
        ...frame,
        description: `${title}: one ${bars ? 'bar' : 'line'} per segment over ${periods.length} periods.`,
        traits,
        bars,
        series,
      })
  }
  return null
}

const MS: ResultTraits = { unit: 'ms', measure: 'level', bounds: [0, null], better: 'lower' }

function viewOfResult(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const traits = _traitsOf(kpiOf(r), r.variant)
  const title = o.title ?? _titleOf(kpiOf(r))
  const rows: _ViewRow[] = []
  const add = (name: string, value: string) => rows.push({ cells: [name, value], inProgress: false })
  const value = typeof r.value === 'number' ? f.value(r.value, traits) : `— (${str(r.reason, 'no value')})`
  add('Value', value)
  const ci = ciText(r.ci, traits, f)
  if (ci !== '')
    add(`Interval (${f.share(r.ci.level).replace(/[.,]0(?=\D*$)/, '')}, ${str(r.ci.method)})`, ci)
  if (typeof r.n === 'number') add('n', f.count(r.n))
  const components = _descriptorOf(kpiOf(r))?.result.components ?? []
  for (const c of components) {
    const v = r[c]
    // A component has its own unit, which its name says: a share, a duration in ms, a count, a number.
    if (typeof v === 'number')
      add(
        c,
        /Share$|Rate$|^share$/.test(c)
          ? f.share(v)
          : /Ms$/.test(c)
            ? f.value(v, MS)
            : Number.isInteger(v)
              ? f.count(v)
              : f.number(v),
      )
    else if (typeof v === 'string' || typeof v === 'boolean') add(c, String(v))
  }
  const excluded = excludedText(r.excluded, f)
  if (excluded !== '') add('Excluded', excluded)
  const notes: string[] = []
  if (r.lowSample === true) notes.push('Low sample: the interval is wide.')
  const headline = `${title} ${value}${ci === '' ? '' : ` (${ci})`}${typeof r.n === 'number' ? ` · n ${f.count(r.n)}` : ''}${excluded === '' ? '' : ` · excluded ${excluded}`}`
  const chart =
    o.chart !== 'none' && r.kpi === 'nps' && typeof r.value === 'number'
      ? () =>
          _stackedChart({
            title,
            width: o.width,
            f,
            description: `${title}: shares of detractors, passives and promoters.`,
            stacks: [npsStack(r, '', true, f)],
          })
      : null
  return { title, headline, head: ['', ''], numeric: [false, true], rows, more: 0, notes, chart }
}

function viewOfCohorts(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const lifetime = r.kpi === 'cohortLifetimeValue'
  const title =
    o.title ?? (lifetime ? 'Cohort lifetime value' : `Cohort retention (${str(r.basis)}, by ${str(r.unit)})`)
  const format = (v: number | null) =>
    v === null
      ? '—'
      : lifetime
        ? f.value(v, { unit: 'money', measure: 'level', bounds: [0, null], better: 'higher' })
        : f.share(v)
  const cohorts: { label: string; size: number; cells: { value: number | null; complete: boolean }[] }[] =
    lifetime
      ? r.cohorts.map((c: Loose) => ({
          label: c.key,
          size: c.size,
          cells: c.cumulative.map((v: number | null) => ({ value: v, complete: v !== null })),
        }))
      : r.cohorts.map((c: Loose) => ({
          label: c.period.key,
          size: c.size,
          cells: c.cells.map((cell: Loose) => ({ value: cell.value, complete: cell.complete })),
        }))
  const columns: string[] = r.columns
  const head = ['Cohort', 'Size', ...columns]
  const numeric = head.map((_, i) => i > 0)
  const rows = cohorts.slice(0, o.maxRows).map((c) => ({
    cells: [c.label, f.count(c.size), ...c.cells.map((cell) => (cell.complete ? format(cell.value) : '◔'))],
    inProgress: false,
  }))
  const average = r.average as (Loose | number | null)[]
  rows.push({
    cells: ['Average', '', ...average.map((a) => format(isObject(a) ? a.value : a))],
    inProgress: false,
  })
  const notes = ['◔ marks a cell whose period is not over: immature, not a zero.']
  const excluded = excludedText(r.excluded, f)
  if (excluded !== '') notes.push(`Excluded: ${excluded}.`)
  const chart =
    o.chart === 'none'
      ? null
      : () =>
          _heatmap({
            title,
            width: o.width,
            f,
            columns,
            rows: cohorts,
            format: (v) => format(v),
            description: `${title}: ${cohorts.length} cohorts by ${columns.length} periods; hatched cells are not over yet.`,
          })
  return {
    title,
    headline: `${cohorts.length} cohorts × ${columns.length} periods`,
    head,
    numeric,
    rows,
    more: Math.max(0, cohorts.length - o.maxRows),
    notes,
    chart,
  }
}

function viewOfRfm(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const title = o.title ?? 'RFM summary'
  const head = ['Customer', 'Frequency', 'Recency', 'T', 'Monetary value', 'First purchase']
  const rows = (r.customers as Loose[]).slice(0, o.maxRows).map((c) => ({
    cells: [
      c.customerId,
      f.count(c.frequency),
      f.number(c.recency),
      f.number(c.T),
      f.number(c.monetaryValue),
      c.firstPurchase,
    ],
    inProgress: false,
  }))
  const excluded = excludedText(r.excluded, f)
  return {
    title,
    headline: `${f.count(r.customers.length)} customers`,
    head,
    numeric: head.map((_, i) => i > 0 && i < 5),
    rows,
    more: Math.max(0, r.customers.length - o.maxRows),
    notes: excluded === '' ? [] : [`Excluded: ${excluded}.`],
    chart: null,
  }
}

function viewOfSurvival(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const title = o.title ?? 'Survival (Kaplan–Meier)'
  const curves: { name: string; points: Loose[] }[] = isObject(r.groups)
    ? Object.keys(r.groups).map((k) => ({ name: k, points: r.groups[k].curve }))
    : [{ name: '', points: r.curve }]
  const head = [
    ...(curves.length > 1 ? ['Group'] : []),
    'Time',
    'At risk',
    'Events',
    'Censored',
    'Survival',
    'Interval',
  ]
  // The times with events, as R's summary(survfit) lists them; the censored times are in toRows.
  const all = curves.flatMap((c) => c.points.filter((p) => p.events > 0).map((p) => ({ c, p })))
  const rows = all.slice(0, o.maxRows).map(({ c, p }) => ({
    cells: [
      ...(curves.length > 1 ? [c.name] : []),
      f.number(p.time, 2),
      f.count(p.atRisk),
      f.count(p.events),
      f.count(p.censored),
      f.share(p.survival),
      p.lower === null || p.upper === null ? '' : `${f.share(p.lower)} to ${f.share(p.upper)}`,
    ],
    inProgress: false,
  }))
  const median = isObject(r.median) ? (r.median.reached ? f.number(r.median.value, 1) : 'not reached') : '—'
  const notes: string[] = []
  notes.push('Times with events; every time (with the censored ones) is in toRows.')
  if (isObject(r.logRank))
    notes.push(`Log-rank test: χ² ${f.number(r.logRank.statistic)}, p = ${f.number(r.logRank.pValue, 4)}.`)
  const excluded = excludedText(r.excluded, f)
  if (excluded !== '') notes.push(`Excluded: ${excluded}.`)
  const chart =
    o.chart === 'none'
      ? null
      : () =>
          _survivalChart({
            title,
            width: o.width,
            f,
            description: `${title}: ${curves.length} curve${curves.length > 1 ? 's' : ''}, median ${median}.`,
            timeLabel: (t) => f.tick(t, null),
            curves: curves.map((c) => ({ name: c.name, points: c.points as never })),
          })
  return {
    title,
    headline: `${title}: median ${median} · n ${f.count(r.n)} · ${f.count(r.events)} events`,
    head,
    numeric: head.map((h) => h !== 'Group'),
    rows,
    more: Math.max(0, all.length - o.maxRows),
    notes,
    chart,
  }
}

function viewOfHealth(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const title = o.title ?? 'Customer health'
  const points = { unit: 'points', measure: 'points', bounds: [0, 100], better: 'higher' } as const
  const head = ['Account', 'Score', 'Band', 'Coverage', 'Gates', 'Top contributions']
  // Lowest score first: the accounts to look at; unscored ones after the scored.
  const ranked = [...(r.accounts as Loose[])].sort(
    (a, b) => (a.value ?? Number.POSITIVE_INFINITY) - (b.value ?? Number.POSITIVE_INFINITY),
  )
  const rows = ranked.slice(0, o.maxRows).map((a) => ({
    cells: [
      a.accountId,
      a.value === null ? `— (${a.reason})` : f.value(a.value, points),
      a.band ?? '—',
      f.share(a.coverage),
      (a.gates as Loose[]).map((g) => `${g.id} ${f.number(g.from, 0)}→${f.number(g.to, 0)}`).join(', '),
      [...(a.measures as Loose[])]
        .filter((m) => m.status === 'present')
        .sort((p, q) => q.contribution - p.contribution)
        .slice(0, 3)
        .map((m) => `${m.id} ${f.number(m.contribution, 1)}`)
        .join(', '),
    ],
    inProgress: false,
  }))
  const unscored = Object.values(isObject(r.unscored) ? r.unscored : {}).reduce(
    (s: number, v) => s + (typeof v === 'number' ? v : 0),
    0,
  )
  const notes: string[] = ['Accounts with the lowest score first.']
  const excluded = excludedText(r.excluded, f)
  if (excluded !== '') notes.push(`Left out: ${excluded}.`)
  if (unscored > 0)
    notes.push(`${f.count(unscored)} accounts without a score: ${excludedText(r.unscored, f)}.`)
  const chart =
    o.chart === 'none'
      ? null
      : () =>
          _bandsChart({
            title,
            width: o.width,
            f,
            unscored,
            description: `${title}: accounts per band.`,
            bands: (r.bands as Loose[]).map((b) => ({ label: b.id, count: b.count, share: b.share })),
          })
  return {
    title,
    headline: `${title}: mean ${f.value(r.value, points)} over ${f.count(r.n)} accounts · ${(r.bands as Loose[]).map((b) => `${b.id} ${f.count(b.count)}`).join(', ')}`,
    head,
    numeric: [false, true, false, true, false, false],
    rows,
    more: Math.max(0, r.accounts.length - o.maxRows),
    notes,
    chart,
  }
}

function viewOfTrend(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const title = o.title ?? `Customer health by ${str(r.unit)} (${str(r.timeZone)})`
  const points = { unit: 'points', measure: 'points', bounds: [0, 100], better: 'higher' } as const
  const head = ['Period', 'Portfolio', 'Accounts', 'Change', 'Direction']
  const rows = (r.portfolio as Loose[]).slice(0, o.maxRows).map((p) => ({
    cells: [
      p.period.key,
      f.value(p.value, points),
      f.count(p.n),
      p.delta === null ? '' : f.number(p.delta, 1),
      p.direction ?? '',
    ],
    inProgress: !p.period.complete,
  }))
  const chart =
    o.chart === 'none'
      ? null
      : () =>
          _seriesChart({
            title,
            width: o.width,
            f,
            traits: points,
            bars: o.chart === 'bars',
            description: `${title}: the portfolio's mean score per period.`,
            series: [
              {
                name: '',
                points: (r.portfolio as Loose[]).map((p) => ({
                  label: p.period.key,
                  y: p.value,
                  lo: null,
                  hi: null,
                  complete: p.period.complete,
                })),
              },
            ],
          })
  return {
    title,
    headline: `${title}: latest ${f.value(r.value, points)} · ${f.count(r.accounts.length)} accounts`,
    head,
    numeric: [false, true, true, true, false],
    rows,
    more: Math.max(0, r.portfolio.length - o.maxRows),
    notes: [],
    chart,
  }
}

function viewOfThemes(r: Loose, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const title = o.title ?? `Feedback themes (${str(r.codeFrame?.id)} v${str(r.codeFrame?.version)})`
  const metric = typeof r.scoreMetric === 'string' && r.scoreMetric !== 'none' ? r.scoreMetric : null
  const traits = metric === null ? null : _traitsOf(metric, undefined)
  const label = (t: Loose) =>
    typeof t.label === 'string' ? t.label : ((Object.values(t.label ?? {})[0] as string | undefined) ?? t.id)
  const head = ['Theme', 'Mentions', 'Volume', 'Interval', 'Score', 'Impact', 'Net sentiment']
  const rows = (r.themes as Loose[]).slice(0, o.maxRows).map((t) => ({
    cells: [
      `${'  '.repeat(t.depth)}${label(t)}`,
      f.count(t.mentions),
      f.share(t.volume),
      isObject(t.ci) ? `${f.share(t.ci.lower)} to ${f.share(t.ci.upper)}` : '',
      isObject(t.score) ? f.value(t.score.value, traits) : '',
      t.impact === null ? (t.impactReason ?? '') : f.value(t.impact, traits),
      isObject(t.sentiment) && typeof t.sentiment.value === 'number' ? f.number(t.sentiment.value, 1) : '',
    ],
    inProgress: false,
  }))
  const notes = [`${f.count(r.n)} comments in the denominator, ${f.count(r.untagged)} without a theme.`]
  const excluded = excludedText(r.excluded, f)
  if (excluded !== '') notes.push(`Not meaningful: ${excluded}.`)
  if (r.suppressed.length > 0)
    notes.push(`${f.count(r.suppressed.length)} themes under the minimum mentions not shown.`)
  const drawn = (r.themes as Loose[]).filter(
    (t) => typeof t.impact === 'number' && typeof t.volume === 'number',
  )
  const chart =
    o.chart === 'none' || metric === null
      ? null
      : () =>
          _themesChart({
            title,
            width: o.width,
            f,
            traits,
            missing: r.themes.length - drawn.length,
            description: `${title}: each theme's share of comments against its impact on the ${metric} score.`,
            points: drawn.map((t) => ({
              label: label(t),
              volume: t.volume,
              impact: t.impact,
              mentions: t.mentions,
            })),
          })
  return {
    title,
    headline: `${title}: ${f.count(r.themes.length)} themes over ${f.count(r.n)} comments`,
    head,
    numeric: [false, true, true, true, true, true, true],
    rows,
    more: Math.max(0, r.themes.length - o.maxRows),
    notes,
    chart,
  }
}

/** The traits of a compared measure: NPS and points changes in points, proportions in percentage points. */
const MEASURE_TRAITS: Record<string, ResultTraits> = {
  nps: { unit: 'points', measure: 'nps', bounds: [-100, 100], better: 'higher' },
  proportion: { unit: 'proportion', measure: 'proportion', bounds: [0, 1], better: 'higher' },
}

function viewOfComparisons(list: Loose[], o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  const first = list.find((e) => isObject(e.comparison))?.comparison as Loose | undefined
  const traits = MEASURE_TRAITS[str(first?.measure)] ?? null
  const title = o.title ?? 'Period over period'
  const head = ['Period', 'Against', 'Current', 'Previous', 'Change', 'Interval of the change', 'p-value']
  const rows = list.slice(0, o.maxRows).map((e) => {
    const c = isObject(e.comparison) ? e.comparison : {}
    const test = isObject(c.test) ? c.test : {}
    return {
      cells: [
        str(e.period.key),
        str(e.against, ''),
        f.value(c.current, traits),
        f.value(c.previous, traits),
        typeof c.change === 'number' ? `${c.change > 0 ? '+' : ''}${f.value(c.change, traits)}` : '',
        ciText(test.ci, traits, f),
        typeof test.pValue === 'number' ? f.number(test.pValue, 3) : '',
      ],
      inProgress: e.period.complete === false,
    }
  })
  const significant = list.filter(
    (e) => isObject(e.comparison) && isObject(e.comparison.test) && e.comparison.test.pValue < 0.05,
  )
  const chart =
    o.chart === 'none'
      ? null
      : () =>
          _seriesChart({
            title,
            width: o.width,
            f,
            traits,
            bars: true,
            description: `${title}: the change of each period against the one before, with the interval of the change.`,
            series: [
              {
                name: '',
                points: list.map((e) => {
                  const c = isObject(e.comparison) ? e.comparison : {}
                  const ci = isObject(c.test) && isObject(c.test.ci) ? c.test.ci : {}
                  return {
                    label: str(e.period.key),
                    y: typeof c.change === 'number' ? c.change : null,
                    lo: typeof ci.lower === 'number' ? ci.lower : null,
                    hi: typeof ci.upper === 'number' ? ci.upper : null,
                    complete: e.period.complete !== false,
                  }
                }),
              },
            ],
          })
  return {
    title,
    headline: `${title}: ${f.count(significant.length)} of ${f.count(list.filter((e) => isObject(e.comparison)).length)} changes at p < 0.05`,
    head,
    numeric: [false, false, true, true, true, true, true],
    rows,
    more: Math.max(0, list.length - o.maxRows),
    notes: [],
    chart,
  }
}

function viewOfOther(x: unknown, o: _DisplayOptions): Omit<_View, 'count'> {
  const text = JSON.stringify(x) ?? String(x)
  return {
    title: o.title ?? 'Value',
    headline: text.length > 200 ? `${text.slice(0, 199)}…` : text,
    head: [],
    numeric: [],
    rows: [],
    more: 0,
    notes: [],
    chart: null,
  }
}

/** The view of any result. */
export function _view(x: unknown, o: _DisplayOptions): _View {
  const f = _formats(o)
  const v = shaped(x, o, f)
  // Columns with no value in any shown row (no intervals for churn, no sentiment for surveys) are left out.
  const keep = v.head.map((_, i) => i === 0 || v.rows.some((r) => (r.cells[i] ?? '') !== ''))
  if (v.rows.length === 0 || keep.every(Boolean)) return { ...v, count: (n) => f.count(n) }
  const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i])
  return {
    ...v,
    head: pick(v.head),
    numeric: pick(v.numeric),
    rows: v.rows.map((r) => ({ ...r, cells: pick(r.cells) })),
    count: (n) => f.count(n),
  }
}

/**
 * The view of `x`, or, when `x` claims a result kind but has not its shape (a result edited by hand, a
 * state passed by mistake), its JSON with a note: display never throws on data.
 */
function shaped(x: unknown, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  try {
    const v = viewOf(x, o, f)
    const svg = v.chart?.() ?? null
    return { ...v, chart: svg === null ? null : () => svg }
  } catch (e) {
    if (!(e instanceof Error)) throw e
    const kind = isObject(x) ? String(x.kind) : typeof x
    return {
      ...viewOfOther(x, o),
      notes: [`Not the shape of a \`${kind}\` result of the library: shown as JSON.`],
    }
  }
}

function viewOf(x: unknown, o: _DisplayOptions, f: _Formats): Omit<_View, 'count'> {
  if (_isComparisons(x)) return viewOfComparisons(x, o, f)
  if (!isObject(x)) return viewOfOther(x, o)
  switch (x.kind) {
    case 'result':
      return viewOfResult(x, o, f)
    case 'series':
    case 'segments':
    case 'windows':
    case 'combined':
      return viewOfLeaves(x, o, f)
    case 'table':
      return x.kpi === 'rfmSummary' ? viewOfRfm(x, o, f) : viewOfCohorts(x, o, f)
    case 'figure':
      return viewOfSurvival(x, o, f)
    case 'health':
      return viewOfHealth(x, o, f)
    case 'trend':
      return viewOfTrend(x, o, f)
    case 'themes':
      return viewOfThemes(x, o, f)
    default:
      return typeof x.kpi === 'string' && 'value' in x ? viewOfResult(x, o, f) : viewOfOther(x, o)
  }
}
