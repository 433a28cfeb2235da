// Scaling: every KPI family folded over 10^4 to 10^7 items — churn, MRR movements and cohorts over
// 10,000,000 customers included — each size in a process of its own (bench/_scale.ts), the items made
// as they are read, so that the peak memory is what the state and the result need. Prints the table of
// docs/performance.md and draws docs/images/scaling.svg: time per item against the number of items, so
// that linear scaling is a flat line.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const SIZES = [10_000, 100_000, 1_000_000, 10_000_000]

/** The cases, with the unit their n counts. */
const CASES: [name: string, unit: string][] = [
  ['byPeriod(npsAggregator()), month', 'responses'],
  ['byPeriod(firstReplyTimeAggregator()), month', 'tickets'],
  ['churnRateAggregator', 'customers'],
  ['mrrMovementsAggregator', 'customers'],
  ['cohortRetentionAggregator', 'customers'],
  ['hand-written churn', 'customers'],
  ['rfmSummaryAggregator', 'purchases'],
  ['themesAggregator', 'comments'],
]

interface Run {
  name: string
  n: number
  items: number
  ms: number
  makingMs: number
  rssBeforeKB: number
  rssPeakKB: number
}

function measure(name: string, n: number): Run {
  const child = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=20000',
      '--expose-gc',
      '--import',
      'tsx',
      join(here, '_scale.ts'),
      name,
      String(n),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  )
  if (child.status !== 0) throw new Error(`${name} × ${n}: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as Run
}

const us = (r: Run): number => (r.ms * 1000) / r.n
const mb = (r: Run): number => Math.max(0, (r.rssPeakKB - r.rssBeforeKB) / 1024)

/** A log-x line chart of µs per item, one line per case. */
function chart(runs: Run[][]): string {
  const width = 760
  const height = 420
  const left = 64
  const right = 250
  const top = 24
  const bottom = 48
  const x = (n: number): number => left + ((Math.log10(n) - 4) / 3) * (width - left - right)
  const most = Math.max(...runs.flat().map(us))
  const ceiling = Math.ceil(most / 2) * 2
  const y = (v: number): number => top + (1 - v / ceiling) * (height - top - bottom)
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f']
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12" role="img">`,
    '<title>Time per item against the number of items, 10⁴ to 10⁷, one line per case</title>',
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ]
  for (let v = 0; v <= ceiling; v += ceiling / 4) {
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/>`,
      `<text x="${left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    )
  }
  for (const n of SIZES) {
    parts.push(
      `<line x1="${x(n)}" x2="${x(n)}" y1="${top}" y2="${height - bottom}" stroke="#eee"/>`,
      `<text x="${x(n)}" y="${height - bottom + 18}" text-anchor="middle">10${['⁴', '⁵', '⁶', '⁷'][Math.log10(n) - 4]}</text>`,
    )
  }
  parts.push(
    `<text x="${(left + width - right) / 2}" y="${height - 8}" text-anchor="middle">items (log scale)</text>`,
    `<text transform="translate(16 ${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">µs per item</text>`,
  )
  runs.forEach((line, i) => {
    const colour = colours[i % colours.length] as string
    const points = line.map((r) => `${x(r.n).toFixed(1)},${y(us(r)).toFixed(1)}`).join(' ')
    const dash = line[0]?.name.startsWith('hand') ? ' stroke-dasharray="5 4"' : ''
    parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`)
    for (const r of line)
      parts.push(`<circle cx="${x(r.n).toFixed(1)}" cy="${y(us(r)).toFixed(1)}" r="3" fill="${colour}"/>`)
    const ly = top + 10 + i * 20
    parts.push(
      `<line x1="${width - right + 16}" x2="${width - right + 40}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash}/>`,
      `<text x="${width - right + 46}" y="${ly + 4}">${(line[0]?.name ?? '').replace(/\), month$/, ')')}</text>`,
    )
  })
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}

export async function run(): Promise<void> {
  const runs: Run[][] = []
  for (const [name] of CASES) {
    const line: Run[] = []
    for (const n of SIZES) line.push(measure(name, n))
    runs.push(line)
  }
  console.log('\n### Scaling: time per item (µs) and peak memory added (MB), 10⁴ to 10⁷ items\n')
  console.log(
    `| case | unit | ${SIZES.map((n) => `n = ${n.toExponential().replace('e+', 'e')}`).join(' | ')} |`,
  )
  console.log(`| --- | --- | ${SIZES.map(() => '---:').join(' | ')} |`)
  runs.forEach((line, i) => {
    const cells = line.map((r) => `${us(r).toFixed(2)} µs, ${mb(r).toFixed(0)} MB`)
    console.log(`| ${CASES[i]?.[0]} | ${CASES[i]?.[1]} | ${cells.join(' | ')} |`)
  })
  console.log('\nItems made per case at 10⁷ (subscriptions for the customer cases):')
  for (const line of runs)
    console.log(
      `- ${line[0]?.name}: ${line.at(-1)?.items} items, ${((line.at(-1)?.ms ?? 0) / 1000).toFixed(1)} s`,
    )
  writeFileSync(join(here, '..', 'docs', 'images', 'scaling.svg'), chart(runs))
  await Promise.resolve()
}
