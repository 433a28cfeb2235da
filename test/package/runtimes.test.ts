// Every runtime the README promises, for real: the examples under Deno and Bun give what they give under
// Node; the published package imports in Deno and Bun and, bundled by esbuild, computes and draws the same
// numbers in headless Chromium; the JSR package passes `deno publish --dry-run`; and the notebook runs in
// Deno's Jupyter kernel, driven by Debian's jupyter_client (scripts/execute-notebook.py), with tables and
// charts in its outputs. A runtime that
// is missing fails its test: `.ci/run` installs them all.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gallery } from '../../examples/_gallery.ts'
import { loadCodeFrame, loadSampleData } from '../../examples/_load.ts'
import { installPackage, root } from './_install.ts'

const bin = (name: string) => join(root, 'node_modules/.bin', name)
// Without colours: the test runner's environment asks for them, and each runtime paints its own way.
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
const run = (command: string, args: readonly string[], cwd = root): string =>
  execFileSync(command, args, {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  })
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[\\d;]*m`, 'g')
// Consoles print objects in their own styles (quotes, line breaks); the characters that carry data agree.
const content = (out: string) => out.replace(ansi, '').replace(/[\s'",]/g, '')

let work = ''
beforeAll(() => {
  ;({ work } = installPackage())
}, 180_000)
afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true })
})

const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts') && !f.startsWith('_'))

describe('the examples under Deno and Bun', () => {
  it.each(examples)(
    '%s prints what it prints under Node',
    (file) => {
      const node = run(bin('tsx'), [join('examples', file)])
      const deno = run(bin('deno'), ['run', '--allow-read', '--allow-env', join('examples', file)])
      const bun = run(bin('bun'), [join('examples', file)])
      expect(node.length).toBeGreaterThan(0)
      expect(content(deno)).toBe(content(node))
      expect(content(bun)).toBe(content(node))
    },
    180_000,
  )
})

const consumer = `import { nps, wilsonInterval } from 'cx-metrics'
import { show, toRows } from 'cx-metrics/notebook'
import { validateDefinitions } from 'cx-metrics/definitions'
import { warehouseQuery, warehouseResult } from 'cx-metrics/sql'
const r = nps([10, 9, 9, 3, 7])
const q = warehouseQuery({ dialect: 'duckdb', kpi: 'nps', table: 'responses', value: 'score', time: { column: 'at', unit: 'month', timeZone: 'America/New_York' } })
const sql = warehouseResult(q, [['2024-03-01', 10, 3], ['2024-03-01', 2, 1]]).result.periods[0].result.value
console.log(JSON.stringify({ nps: r.value, lower: wilsonInterval(30, 50).lower.toFixed(5), rows: toRows(r).length, svg: show(r).svg?.slice(0, 4), validate: typeof validateDefinitions, sql }))
`
// Three promoters and one detractor of five: NPS (3 − 1) / 5 = 40; Wilson's 95 % lower bound for 30 of 50: 0.46181.
// A warehouse histogram of three promoters and a detractor in March: (3 − 1) / 4 = 50.
const expected = { nps: 40, lower: '0.46181', rows: 1, svg: '<svg', validate: 'function', sql: 50 }

describe('the published package', () => {
  it('imports and computes in Deno', () => {
    writeFileSync(join(work, 'deno.mjs'), consumer)
    const out = run(bin('deno'), ['run', '--allow-read', '--allow-env', 'deno.mjs'], work)
    expect(JSON.parse(out)).toEqual(expected)
  })

  it('imports and computes in Bun', () => {
    writeFileSync(join(work, 'bun.mjs'), consumer)
    expect(JSON.parse(run(bin('bun'), ['bun.mjs'], work))).toEqual(expected)
  })

  it('bundles for a browser and computes and draws the same numbers in headless Chromium', async () => {
    const node = gallery(loadSampleData(), loadCodeFrame())
    const data = [
      'customers',
      'subscriptions',
      'surveys',
      'tickets',
      'spend',
      'comments',
      'usage',
      'mentions',
    ]
    writeFileSync(join(work, 'tsconfig.json'), '{}')
    writeFileSync(
      join(work, 'page.ts'),
      `${data.map((d) => `import ${d} from ${JSON.stringify(join(root, `examples/data/${d}.json`))}`).join('\n')}
import frame from ${JSON.stringify(join(root, 'examples/data/code-frame.json'))}
import { gallery } from ${JSON.stringify(join(root, 'examples/_gallery.ts'))}
import { show } from 'cx-metrics/notebook'
const r = gallery({ ${data.join(', ')} } as never, frame as never)
document.body.innerHTML = show(r.npsByQuarter).html + show(r.cohorts).html
const svg = document.querySelector('svg') as SVGSVGElement
const numbers = {
  nps: r.npsOverall.value,
  quarters: r.npsByQuarter.periods.map((p) => p.result.value),
  cohort: r.cohorts.cohorts.map((c) => c.cells.map((x) => x.value)),
  health: r.health.value,
  survival: r.survival.curve.at(-1)?.survival,
  themes: r.themes.themes.map((t) => [t.id, t.mentions]),
  drawn: svg.getBBox().width > 100 && document.querySelectorAll('svg').length === 2,
  tables: document.querySelectorAll('table').length,
}
const out = document.createElement('pre')
out.id = 'numbers'
out.textContent = JSON.stringify(numbers)
document.body.append(out)
`,
    )
    await build({
      entryPoints: [join(work, 'page.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      outfile: join(work, 'page.js'),
      nodePaths: [join(work, 'node_modules')],
      tsconfig: join(work, 'tsconfig.json'),
      logLevel: 'silent',
    })
    const bundle = readFileSync(join(work, 'page.js'), 'utf8')
    expect(bundle).not.toContain('/src/index.ts') // the published package, not the source
    writeFileSync(
      join(work, 'page.html'),
      '<!doctype html><meta charset="utf-8"><body><script src="page.js"></script></body>',
    )
    const profile = mkdtempSync(join(tmpdir(), 'cx-metrics-chromium-'))
    const dom = run('chromium', [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=20000',
      '--dump-dom',
      `file://${join(work, 'page.html')}`,
    ])
    rmSync(profile, { recursive: true, force: true })
    const text = /<pre id="numbers">([^<]*)<\/pre>/.exec(dom)?.[1]
    expect(text).toBeDefined()
    const numbers = JSON.parse((text as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    expect(numbers).toEqual({
      nps: node.npsOverall.value,
      quarters: node.npsByQuarter.periods.map((p) => p.result.value),
      cohort: node.cohorts.cohorts.map((c) => c.cells.map((x) => x.value)),
      health: node.health.value,
      survival: node.survival.curve.at(-1)?.survival,
      themes: node.themes.themes.map((t) => [t.id, t.mentions]),
      drawn: true,
      tables: 2,
    })
  }, 180_000)
})

describe('JSR', () => {
  it('passes deno publish --dry-run: explicit types on every export, no slow types', () => {
    const result = spawnSync(bin('deno'), ['publish', '--dry-run', '--allow-dirty'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(result.stderr).toContain('Dry run complete')
    expect(result.status).toBe(0)
  }, 180_000)
})

describe('the notebook', () => {
  it('runs in Deno’s Jupyter kernel, with HTML tables and SVG charts in its outputs', () => {
    run(bin('deno'), ['jupyter', '--install', '--force'])
    const out = join(mkdtempSync(join(tmpdir(), 'cx-metrics-notebook-')), 'executed.ipynb')
    run(
      '/usr/bin/python3',
      [join(root, 'scripts/execute-notebook.py'), 'cx-metrics.ipynb', out, 'deno'],
      join(root, 'examples/notebooks'),
    )
    const nb = JSON.parse(readFileSync(out, 'utf8')) as {
      cells: {
        cell_type: string
        outputs?: { output_type: string; data?: Record<string, string | string[]> }[]
      }[]
    }
    const outputs = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.outputs ?? [])
    const text = (x: string | string[] | undefined) => (Array.isArray(x) ? x.join('') : (x ?? ''))
    expect(outputs.flat().filter((o) => o.output_type === 'error')).toEqual([])
    const html = outputs.map((o) => o.map((x) => text(x.data?.['text/html'])).join(''))
    const svg = outputs.map((o) => o.map((x) => text(x.data?.['image/svg+xml'])).join(''))
    // The first cell counts the answers; the seven show() cells display; the last two give rows and a spec.
    const shows = [false, true, true, true, true, true, true, true, false, false]
    expect(html.map((h) => h.includes('<table>'))).toEqual(shows)
    expect(svg.map((s) => s.startsWith('<svg'))).toEqual(shows)
    expect(html.join('')).toContain('Net Promoter Score by quarter (America/Sao_Paulo)')
    expect(html.join('')).toContain('Cohort retention (logo, by quarter)')
    // The first cell's number, without the kernel's colours: the NPS answers of the sample data.
    expect(text(outputs[0]?.[0]?.data?.['text/plain']).replace(ansi, '')).toBe(
      String(loadSampleData().surveys.filter((s) => s.survey === 'nps' && s.answeredAt !== null).length),
    )
  }, 300_000)
})
