import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gallery } from '../../examples/_gallery.ts'
import { loadCodeFrame, loadSampleData } from '../../examples/_load.ts'
import { fold } from '../core/fold.ts'
import { survival } from '../lifecycle/survival.ts'
import { csat } from '../survey/csat.ts'
import { nps, npsAggregator } from '../survey/nps.ts'
import { byKey } from '../time/byKey.ts'
import { comparePeriods } from '../time/comparePeriods.ts'
import { _cohortResult, _cohortTable, _dailyNps } from './_testResults.ts'
import { show, toHtml, toRows, toSvg, toVegaLite } from './index.ts'

const results = gallery(loadSampleData(), loadCodeFrame())
const bundleOf = (x: object): Record<string, string> =>
  (show(x) as unknown as Record<symbol, () => Record<string, string>>)[Symbol.for('Jupyter.display')]?.() ??
  {}

/** Whether an XML document's tags balance and its attributes are quoted (a small checker for SVG output). */
function wellFormed(xml: string): boolean {
  const stack: string[] = []
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[2] === undefined) return false // a bare < or > outside a tag: unescaped text
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false
    } else if (m[4] !== '/') stack.push(m[2])
  }
  return stack.length === 0
}

describe('show', () => {
  it('gives every kind of result a text summary, an HTML table and, where a picture helps, an SVG', () => {
    const pictured = new Set([
      'npsOverall',
      'npsByQuarter',
      'npsByPlan',
      'npsByQuarterAndPlan',
      'firstReplyByMonth',
      'csatTrailing',
      'churnByMonth',
      'cohorts',
      'survival',
      'health',
      'trend',
      'themes',
    ])
    for (const [name, result] of Object.entries(results)) {
      const bundle = bundleOf(result)
      expect(bundle['text/plain']?.length, name).toBeGreaterThan(10)
      expect(bundle['text/html'], name).toMatch(/^<div class="cxm">/)
      expect(bundle['text/html'], name).toContain(name === 'survey' ? '<table>' : '<table>')
      if (pictured.has(name)) {
        const svg = bundle['image/svg+xml'] as string
        expect(svg, name).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
        expect(wellFormed(svg), name).toBe(true)
        expect(svg, name).toMatch(/role="img" aria-label="[^"]+"/)
        expect(svg, name).toContain('<title>')
        expect(bundle['text/html'], name).toContain(svg) // the chart is inline above the table
        expect(svg.length, name).toBeLessThan(100_000)
        expect(svg, name).not.toMatch(/NaN|Infinity|undefined/)
      } else expect(bundle['image/svg+xml'], name).toBeUndefined()
      expect(bundle['text/html'], name).not.toMatch(/NaN|Infinity|undefined/)
    }
  })

  it('prints as its text in consoles and string contexts, and leaves the result unchanged', () => {
    const r = nps([10, 9, 3, 7])
    const before = JSON.stringify(r)
    const shown = show(r)
    expect(`${shown}`).toBe(shown.text)
    const inspect = (shown as unknown as Record<symbol, () => string>)[
      Symbol.for('nodejs.util.inspect.custom')
    ]
    expect(inspect?.()).toBe(shown.text)
    expect(JSON.stringify(r)).toBe(before)
    // 2 promoters, 1 passive, 1 detractor of 4: NPS (2 − 1) / 4 = 25; shares 50 %, 25 %, 25 %.
    expect(shown.text).toMatch(/^Net Promoter Score 25\.0 /)
    expect(shown.html).toContain('<td class="n">50.0%</td>')
  })

  it('escapes every string it writes: keys, labels and titles', () => {
    const hostile = '<img src=x onerror="alert(1)">&'
    const rows = [
      { plan: hostile, score: 9 },
      { plan: "O'Brien", score: 3 },
    ]
    const segments = fold(
      byKey(
        npsAggregator((r: (typeof rows)[number]) => r.score),
        (r) => r.plan,
      ),
      rows,
    )
    for (const out of [show(segments, { title: hostile }).html, toSvg(segments) ?? '', toHtml(segments)])
      expect(out).not.toContain('<img')
    expect(show(segments).text).toContain(hostile) // plain text is text: written as it is
    expect(show(segments).html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;')
    expect(toSvg(segments)).toContain('O&#39;Brien')
    expect(wellFormed(toSvg(segments, { title: hostile }) ?? '')).toBe(true)
  })

  it('formats values by the unit of the KPI’s descriptor, in the locale asked for', () => {
    // CSAT as a proportion: 3 of 4 satisfied (4 or 5 on 1–5) is 75 %.
    const c = csat([5, 4, 4, 1])
    expect(show(c).text).toMatch(/^Customer Satisfaction .*75\.0%/)
    expect(show(c, { locale: 'pt-BR' }).text).toContain('75,0%')
    expect(show(c, { locale: 'de-DE' }).text).toContain('75,0\u00a0%') // German puts a no-break space before the sign
    // A CSAT mean is in the scale's points: (5 + 4 + 4 + 1) / 4 = 3.5.
    expect(show(csat([5, 4, 4, 1], { method: 'mean' })).text).toMatch(/^Customer Satisfaction Score 3\.50 /)
    // Components keep their own unit: the mean of a proportion CSAT is a plain number, not a percentage.
    expect(show(c).text).toMatch(/mean +3\.50/)
    // Durations in human units: the first-reply series of the sample data are minutes and hours.
    expect(show(results.firstReplyByMonth).text).toMatch(/\d (min|hr)\b/)
  })

  it('writes money in the currency asked for', () => {
    const money = {
      kind: 'result',
      kpi: 'acquisitionCost',
      value: 1200,
      reason: null,
      variant: {},
      n: 3,
      excluded: { missing: 0, invalid: 0 },
    }
    expect(show(money, { currency: 'BRL', locale: 'pt-BR' }).text).toContain('R$\u00a01.200,00')
    expect(show(money, { currency: 'USD' }).text).toContain('$1,200.00')
    expect(show(money).text).toContain('1,200.00')
  })

  it('marks periods still in progress, in the table and in the chart', () => {
    const shown = show(results.npsByQuarter)
    // asOf 2025-11-20 is inside 2025-Q4: that row alone is in progress.
    expect(shown.html.match(/<tr class="progress"/g)?.length).toBe(1)
    expect(shown.html).toMatch(/<tr class="progress" title="in progress"><th scope="row">2025-Q4<\/th>/)
    expect(shown.svg).toContain('fill="#fff" stroke="#4e79a7"') // a hollow marker
    expect(shown.svg).toContain('stroke-dasharray="4 3"') // the dashed segment into it
    expect(shown.text).toContain('2025-Q4 ◔')
  })

  it('draws immature cohort cells hatched, never as zeros', () => {
    const cohort = (cells: { value: number | null; complete: boolean }[]) =>
      _cohortResult([{ key: '2024-01', size: 10, cells }])
    const svg = toSvg(
      cohort([
        { value: 1, complete: true },
        { value: 0, complete: true },
        { value: null, complete: false },
      ]),
    ) as string
    const cells = [
      ...svg.matchAll(
        /<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="([^"]+)"><title>([^<]+)<\/title>/g,
      ),
    ].map((m) => [m[1], m[2]])
    expect(cells).toEqual([
      ['#08306b', '2024-01 · 0: 100.0%'],
      ['#f7fbff', '2024-01 · 1: 0.0%'],
      [expect.stringMatching(/^url\(#cxm-hatch/), '2024-01 · 2: in progress'],
    ])
    expect(
      show(
        cohort([
          { value: 0, complete: true },
          { value: null, complete: false },
        ]),
      ).text,
    ).toMatch(/0\.0%\s+◔/)
  })

  it('keeps charts small and well-formed at the sizes analysts use: 1,000 periods, a 100 × 100 cohort table', () => {
    const series = _dailyNps()
    const svg = toSvg(series) as string
    expect(series.periods.length).toBe(1000)
    expect(svg.length).toBeLessThan(100_000)
    expect(wellFormed(svg)).toBe(true)
    const table = _cohortTable(100)
    const heat = toSvg(table) as string
    expect(heat.length).toBeLessThan(100_000)
    expect(wellFormed(heat)).toBe(true)
    expect(show(table, { maxRows: 100 }).html.match(/<tr>/g)?.length).toBe(102) // header, 100 cohorts, average
  })

  it('takes its options, and each one changes what it draws', () => {
    const s = results.npsByQuarter
    expect(show(s, { chart: 'none' }).svg).toBeNull()
    expect(show(s, { chart: 'bars' }).svg).not.toContain('fill-opacity="0.16"') // no band
    expect(show(s, { chart: 'bars' }).svg?.match(/<rect x=/g)?.length).toBeGreaterThanOrEqual(8)
    expect(show(s, { chart: 'stacked' }).svg).toContain('promoters')
    expect(show(s, { title: 'Quarterly NPS' }).svg).toContain('<title>Quarterly NPS</title>')
    expect(show(s, { width: 900 }).svg).toMatch(/^<svg [^>]*width="900"/)
    expect(show(s, { maxRows: 3 }).html.match(/<tr/g)?.length).toBe(4)
    expect(show(s, { maxRows: 3 }).html).toContain('… and 5 more rows')
    expect(show(s, { locale: 'pt-BR' }).text).toMatch(/\d,\d/)
  })

  it('rejects wrong arguments and options, naming them', () => {
    expect(() => show(undefined)).toThrow(
      new TypeError(
        'show expected `result` to be a result of the library (or any JSON value), got `undefined`',
      ),
    )
    expect(() => show(nps([9]), { local: 'pt-BR' } as never)).toThrow(RangeError)
    expect(() => show(nps([9]), { local: 'pt-BR' } as never)).toThrow(/locale/)
    expect(() => show(nps([9]), { locale: 'not a locale!' })).toThrow(/show expected `options.locale`/)
    expect(() => show(nps([9]), { currency: 'DOLLARS' })).toThrow(
      /show expected `options.currency` to be an ISO 4217/,
    )
    expect(() => show(nps([9]), { chart: 'pie' as never })).toThrow(RangeError)
    expect(() => show(nps([9]), { width: 10 })).toThrow(/options.width/)
    expect(() => toRows(42 as never)).toThrow(/toRows expected `result`/)
    expect(() => toVegaLite([] as never)).toThrow(/toVegaLite expected `result`/)
    expect(() => toSvg(null as never)).toThrow(TypeError)
    expect(() => toHtml(nps([9]), { maxRows: 0 })).toThrow(/toHtml expected `options.maxRows`/)
  })

  it('shows anything else as JSON text', () => {
    expect(show({ a: 1 }).text).toBe('{"a":1}')
    expect(show([1, 2]).svg).toBeNull()
  })
})

describe('period-over-period comparisons', () => {
  const compared = comparePeriods(results.npsByQuarter)
  it('shows each change with its interval and p-value, and counts the significant ones', () => {
    const significant = compared.filter((c) => (c.comparison?.test?.pValue ?? 1) < 0.05).length
    const tested = compared.filter((c) => c.comparison !== null).length
    const shown = show(compared)
    expect(shown.text.split('\n')[0]).toBe(
      `Period over period: ${significant} of ${tested} changes at p < 0.05`,
    )
    expect(shown.html.match(/<tr/g)?.length).toBe(compared.length + 1)
    expect(shown.svg?.match(/<rect x=[^>]*fill="#4e79a7"/g)?.length).toBe(tested)
    const rows = toRows(compared)
    expect(rows.map((r) => r.period)).toEqual(compared.map((c) => c.period.key))
    expect(rows.map((r) => r.change ?? null)).toEqual(compared.map((c) => c.comparison?.change ?? null))
    expect(toVegaLite(compared)?.layer.map((l) => l.mark.type)).toEqual(['bar', 'rule'])
  })
})

describe('toRows', () => {
  it('flattens periods and segments into columns, the user’s keys as values', () => {
    const rows = toRows(results.npsByQuarterAndPlan)
    expect(rows.length).toBe(8 * 3)
    expect(Object.keys(rows[0] ?? {}).slice(0, 6)).toEqual([
      'period',
      'start',
      'end',
      'complete',
      'segment',
      'kpi',
    ])
    expect(rows[0]).toMatchObject({
      period: '2024-Q1',
      start: '2024-01-01T00:00:00.000-03:00',
      end: '2024-04-01T00:00:00.000-03:00',
      complete: true,
    })
    for (const row of rows)
      for (const v of Object.values(row))
        expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true)
  })

  it('never lets a key reach a prototype', () => {
    const rows = [
      { plan: '__proto__', score: 9 },
      { plan: 'constructor', score: 3 },
    ]
    const out = toRows(
      fold(
        byKey(
          npsAggregator((r: (typeof rows)[number]) => r.score),
          (r) => r.plan,
        ),
        rows,
      ),
    )
    expect(out.map((r) => r.segment)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).value).toBeUndefined()
    expect(Object.getPrototypeOf(out[0])).toBe(Object.prototype)
  })

  it('gives intervals, exclusions and nested fields their own columns', () => {
    const [row] = toRows(nps([10, 9, 3, 11]))
    expect(row).toMatchObject({
      kpi: 'nps',
      value: 100 / 3,
      n: 3,
      promoters: 2,
      detractors: 1,
      excluded_offScale: 1,
    })
    expect(typeof row?.lower).toBe('number')
    const [reply] = toRows(results.firstReplyByMonth)
    expect(Object.keys(reply ?? {})).toContain('calendar_medianMs')
  })

  it('makes tables long: one row per cohort and column, per curve time, per account and measure, per theme', () => {
    expect(toRows(results.cohorts).length).toBe(8 * 8)
    expect(toRows(results.survival).length).toBe(results.survival.curve.length)
    expect(toRows(results.health).length).toBe(results.health.accounts.length * 2)
    expect(toRows(results.themes).map((r) => r.theme)).toEqual(results.themes.themes.map((t) => t.id))
    const grouped = survival([
      { time: 1, event: true, group: 'a' },
      { time: 2, event: false, group: 'b' },
    ])
    expect(toRows(grouped).map((r) => r.group)).toEqual(['a', 'b'])
  })
})

describe('toVegaLite', () => {
  it('gives specifications that Vega-Lite compiles and Vega renders, for every kind with a chart', async () => {
    const vl = await import('vega-lite')
    const vega = await import('vega')
    const all: [string, object][] = [
      ...Object.entries(results),
      ['compared', comparePeriods(results.npsByQuarter)],
    ]
    for (const [name, result] of all) {
      const spec = toVegaLite(result)
      if (name === 'survey') {
        expect(spec).toBeNull()
        continue
      }
      expect(spec, name).not.toBeNull()
      expect(JSON.parse(JSON.stringify(spec)), name).toEqual(spec) // plain JSON
      const compiled = vl.compile(structuredClone(spec) as never).spec
      const view = new vega.View(vega.parse(compiled), { renderer: 'none' })
      const svg = await view.toSVG()
      view.finalize()
      expect(svg, name).toMatch(/^<svg/)
      expect(spec?.data.values.length, name).toBeGreaterThan(0)
    }
  }, 60_000)

  it('draws NPS as its three shares, stacked', () => {
    const spec = toVegaLite(nps([10, 9, 3, 7]))
    expect(spec?.data.values).toEqual([
      { part: 'detractors', order: 0, share: 0.25 },
      { part: 'passives', order: 1, share: 0.25 },
      { part: 'promoters', order: 2, share: 0.5 },
    ])
  })
})

describe('display of hostile results', () => {
  const kinds = [
    'result',
    'series',
    'segments',
    'windows',
    'combined',
    'table',
    'figure',
    'health',
    'trend',
    'themes',
    'other',
  ]
  const fields = fc.dictionary(
    fc.constantFrom(
      'kpi',
      'value',
      'periods',
      'groups',
      'windows',
      'results',
      'cohorts',
      'columns',
      'curve',
      'accounts',
      'bands',
      'themes',
      'portfolio',
      'excluded',
      'ci',
      'unit',
      'timeZone',
      'variant',
      'n',
      '__proto__',
      'constructor',
    ),
    fc.oneof(fc.jsonValue(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY)),
  )
  it('never throws, and never writes NaN, Infinity or undefined, whatever the object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fields, (kind, rest) => {
        const x = { ...rest, kind }
        const shown = show(x)
        for (const out of [shown.text, shown.html, shown.svg ?? ''])
          expect(out).not.toMatch(/\bNaN\b|Infinity|undefined/)
        expect(() => toRows(x)).not.toThrow(/^(?!toRows)/) // only its own argument errors, if any
      }),
      { numRuns: 2000 },
    )
  })
})
