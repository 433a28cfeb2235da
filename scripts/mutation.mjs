// `npm run mutation`: StrykerJS over each area the mutation score is kept for, one run per area, so
// that each area gets its own score and its own report (reports/mutation/<area>.html and .json) and a
// run stopped half-way keeps the areas it finished. Incremental: a second run tests only the mutants
// whose code or covering tests changed. `npm run mutation -- stats time` runs those areas only.
// Ends with a table of the scores; fails when an area is below 85 %.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'

const AREAS = ['stats', 'survey', 'support', 'time', 'core']
const THRESHOLD = 85
const chosen = process.argv.slice(2)
for (const a of chosen)
  if (!AREAS.includes(a)) throw new Error(`mutation: unknown area ${a}; one of ${AREAS.join(', ')}`)
const areas = chosen.length > 0 ? chosen : AREAS
const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'))
mkdirSync('reports/mutation', { recursive: true })

for (const area of areas) {
  const config = {
    ...base,
    mutate: [`src/${area}/**/*.ts`, ...base.mutate.filter((p) => p.startsWith('!'))],
    incrementalFile: `reports/mutation/${area}.incremental.json`,
    jsonReporter: { fileName: `reports/mutation/${area}.json` },
    htmlReporter: { fileName: `reports/mutation/${area}.html` },
  }
  const file = `reports/mutation/${area}.config.json`
  writeFileSync(file, JSON.stringify(config, null, 2))
  console.log(`\n▶ mutation testing src/${area}`)
  const started = Date.now()
  const run = spawnSync('node_modules/.bin/stryker', ['run', file], { stdio: 'inherit' })
  console.log(`src/${area}: ${Math.round((Date.now() - started) / 1000)} s`)
  if (run.status !== 0) process.exit(run.status ?? 1)
}

// The score of an area: killed and timed-out mutants over all valid ones (Stryker's "mutation score").
const rows = []
for (const area of AREAS) {
  const file = `reports/mutation/${area}.json`
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const count = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 }
  for (const f of Object.values(report.files))
    for (const m of f.mutants) if (m.status in count) count[m.status]++
  const valid = count.Killed + count.Timeout + count.Survived + count.NoCoverage
  const score = valid === 0 ? 100 : (100 * (count.Killed + count.Timeout)) / valid
  rows.push({
    area,
    mutants: valid,
    killed: count.Killed,
    timeout: count.Timeout,
    survived: count.Survived,
    noCoverage: count.NoCoverage,
    score: score.toFixed(1),
  })
}
console.table(rows)
const low = rows.filter((r) => Number(r.score) < THRESHOLD)
if (low.length > 0) {
  console.error(`mutation score below ${THRESHOLD} %: ${low.map((r) => r.area).join(', ')}`)
  process.exit(1)
}
