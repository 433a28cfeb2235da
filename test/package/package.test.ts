// Packs the package as npm would publish it, installs the tarball into a fresh project and imports it
// from ESM and from CommonJS. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
let work = ''
let files: string[] = []

beforeAll(() => {
  if (!existsSync(join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  work = mkdtempSync(join(tmpdir(), 'cx-metrics-package-'))
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  ) as { filename: string; files: { path: string }[] }[]
  const entry = packed[0]
  if (entry === undefined) throw new Error('npm pack printed nothing')
  files = entry.files.map((f) => f.path).sort()
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, entry.filename)], {
    cwd: work,
    stdio: 'pipe',
  })
})

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true })
})

describe('the published package', () => {
  it('contains only dist/, README.md, LICENSE and package.json', () => {
    const outside = files.filter(
      (f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f),
    )
    expect(outside).toEqual([])
    expect(files).toContain('dist/index.js')
    expect(files).toContain('dist/index.cjs')
    expect(files).toContain('dist/index.d.ts')
    expect(files).toContain('dist/index.d.cts')
  })

  it('imports from ESM', () => {
    writeFileSync(
      join(work, 'esm.mjs'),
      `import { fold, wilsonInterval, isKpiError } from 'cx-metrics'
       const ci = wilsonInterval(30, 50)
       console.log(JSON.stringify({ fold: typeof fold, lower: ci.lower.toFixed(5), guard: isKpiError(new Error()) }))`,
    )
    const out = execFileSync('node', ['esm.mjs'], { cwd: work, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ fold: 'function', lower: '0.46181', guard: false })
  })

  it('requires from CommonJS', () => {
    writeFileSync(
      join(work, 'cjs.cjs'),
      `const { fold, wilsonInterval, KpiError } = require('cx-metrics')
       const ci = wilsonInterval(30, 50)
       console.log(JSON.stringify({ fold: typeof fold, upper: ci.upper.toFixed(5), error: new KpiError('not-converged', 'x', { kpi: 'k' }).code }))`,
    )
    const out = execFileSync('node', ['cjs.cjs'], { cwd: work, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ fold: 'function', upper: '0.72392', error: 'not-converged' })
  })

  it('type-checks a consumer under NodeNext resolution', () => {
    writeFileSync(
      join(work, 'consumer.ts'),
      `import { wilsonInterval, type ConfidenceInterval } from 'cx-metrics'
       const ci: ConfidenceInterval | null = wilsonInterval(1, 2)
       export const lower: number | undefined = ci?.lower`,
    )
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          types: [],
        },
        files: ['consumer.ts'],
      }),
    )
    execFileSync('node', [join(root, 'node_modules/typescript/bin/tsc'), '-p', work], {
      cwd: work,
      stdio: 'pipe',
    })
  })
})
