// Packs the package as npm would publish it, installs the tarball into a fresh project and imports it
// from ESM and from CommonJS. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installPackage, root } from './_install.ts'

let work = ''
let files: string[] = []

beforeAll(() => {
  ;({ work, files } = installPackage())
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
      `const { fold, wilsonInterval, KpiError, nps } = require('cx-metrics')
       const { show, toRows } = require('cx-metrics/notebook')
       const { warehouseQuery } = require('cx-metrics/sql')
       const ci = wilsonInterval(30, 50)
       console.log(JSON.stringify({ fold: typeof fold, upper: ci.upper.toFixed(5), error: new KpiError('not-converged', 'x', { kpi: 'k' }).code, shown: show(nps([10, 3])).text.slice(0, 22), rows: toRows(nps([9])).length, params: warehouseQuery({ dialect: 'postgres', kpi: 'nps', table: 't', value: 'v', filters: [{ column: 'c', op: '==', value: 'x' }] }).params }))`,
    )
    const out = execFileSync('node', ['cjs.cjs'], { cwd: work, encoding: 'utf8' })
    // NPS of one promoter and one detractor: 0.
    expect(JSON.parse(out)).toEqual({
      fold: 'function',
      upper: '0.72392',
      error: 'not-converged',
      shown: 'Net Promoter Score 0.0',
      rows: 1,
      params: ['x'],
    })
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
