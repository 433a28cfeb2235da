// `npm test`: every check that proves the project, in order, stopping at the first failure.
// Ends with one plain line "N passed, N failed" counted from vitest's JSON report.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const report = '.tmp/vitest.json'
mkdirSync('.tmp', { recursive: true })
const bin = (name) => `node_modules/.bin/${name}`

const steps = [
  ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['lint and format', bin('biome'), ['check', '.']],
  ['build', bin('tsup'), []],
  [
    'tests (unit, property, types, package, tree-shaking, examples) with coverage',
    bin('vitest'),
    ['run', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  ],
  ['api docs (typedoc, warnings are errors)', bin('typedoc'), []],
  ['package lint (publint)', bin('publint'), ['--strict']],
  ['package types (are-the-types-wrong)', bin('attw'), ['--pack', '.', '--profile', 'node16']],
]

let failedStep = null
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  if (result.status !== 0) {
    failedStep = name
    break
  }
}

let passed = 0
let failed = 0
try {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests
  failed = json.numFailedTests
} catch {
  // vitest did not run (an earlier step failed)
}
if (failedStep !== null) {
  console.error(`\n✖ ${failedStep} failed`)
  failed = Math.max(failed, 1)
}
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failedStep === null && failed === 0 ? 0 : 1)
