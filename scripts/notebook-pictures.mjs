// Executes examples/notebooks/cx-metrics.ipynb in Deno's Jupyter kernel (scripts/execute-notebook.py) and renders each displayed
// output to docs/images/notebook-<n>.png with headless Chromium, for docs/notebooks.md. Needs Chromium and
// Jupyter (see .ci/run). Run with `node scripts/notebook-pictures.mjs`.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'cx-metrics-pictures-'))
execFileSync(join(root, 'node_modules/.bin/deno'), ['jupyter', '--install', '--force'], { stdio: 'ignore' })
execFileSync(
  '/usr/bin/python3',
  [join(root, 'scripts/execute-notebook.py'), 'cx-metrics.ipynb', join(work, 'run.ipynb'), 'deno'],
  {
    cwd: join(root, 'examples/notebooks'),
    stdio: 'ignore',
  },
)
const nb = JSON.parse(readFileSync(join(work, 'run.ipynb'), 'utf8'))
const text = (x) => (Array.isArray(x) ? x.join('') : (x ?? ''))
mkdirSync(join(root, 'docs/images'), { recursive: true })
let n = 0
for (const cell of nb.cells) {
  for (const output of cell.outputs ?? []) {
    const html = text(output.data?.['text/html'])
    if (html === '') continue
    n++
    const svgHeight = Number(/<svg [^>]*height="(\d+)"/.exec(html)?.[1] ?? 0)
    const rows = (html.match(/<tr/g) ?? []).length
    const height = svgHeight + rows * 23 + 110
    const page = join(work, `${n}.html`)
    writeFileSync(
      page,
      `<!doctype html><meta charset="utf-8"><body style="margin:12px;background:#fff">${html}</body>`,
    )
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${join(work, 'profile')}`,
        `--window-size=700,${height}`,
        `--screenshot=${join(root, `docs/images/notebook-${n}.png`)}`,
        `file://${page}`,
      ],
      { stdio: 'ignore' },
    )
    console.log(`docs/images/notebook-${n}.png: ${text(cell.source).split('\n').at(-1)}`)
  }
}
rmSync(work, { recursive: true, force: true })
