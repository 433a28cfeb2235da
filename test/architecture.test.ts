// The import rules of DESIGN §2: layers import only downward
//   cli → sql → definitions → notebook → catalog → health, feedback → KPI areas → time → stats → core
// KPI areas never import each other, there are no import cycles, and the library (everything but the
// CLI) stays runtime-neutral: no node: modules, no process, no console, no zod outside definitions.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
const LAYER: Record<string, number> = {
  core: 0,
  stats: 1,
  time: 2,
  survey: 3,
  feedback: 4,
  support: 3,
  lifecycle: 3,
  economics: 3,
  health: 4,
  catalog: 5,
  notebook: 6,
  definitions: 7,
  sql: 8,
  cli: 9,
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    const isTest = /\.(test|test-d|prop\.test)\.ts$/.test(entry.name) || entry.name.startsWith('_test')
    return entry.name.endsWith('.ts') && !isTest ? [path] : []
  })
}

const files = sources(src)
const imports = new Map<string, string[]>()
const packages = new Map<string, string[]>()
for (const file of files) {
  const text = readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
    (m) => m[1] as string,
  )
  imports.set(
    file,
    specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(file), s)),
  )
  packages.set(
    file,
    specifiers.filter((s) => !s.startsWith('.')),
  )
}
const area = (file: string): string => relative(src, file).split('/')[0] as string

describe('source layout', () => {
  it('puts every source file in a known area', () => {
    const unknown = files.filter((f) => relative(src, f).includes('/') && LAYER[area(f)] === undefined)
    expect(unknown).toEqual([])
  })

  it('imports only downward, and never across KPI areas', () => {
    const breaches: string[] = []
    for (const [file, targets] of imports) {
      if (!relative(src, file).includes('/')) continue // the root barrel re-exports everything
      for (const target of targets) {
        const from = area(file)
        const to = area(target)
        if (from === to) continue
        const ok = (LAYER[to] ?? 99) < (LAYER[from] ?? -1)
        if (!ok) breaches.push(`${relative(src, file)} → ${relative(src, target)}`)
      }
    }
    expect(breaches).toEqual([])
  })

  it('has no import cycles', () => {
    const state = new Map<string, 'visiting' | 'done'>()
    const cycles: string[] = []
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(src, f)).join(' → '))
        return
      }
      state.set(file, 'visiting')
      for (const target of imports.get(file) ?? []) visit(target, [...path, file])
      state.set(file, 'done')
    }
    for (const file of files) visit(file, [])
    expect(cycles).toEqual([])
  })

  it('keeps the library runtime-neutral', () => {
    const problems: string[] = []
    for (const file of files) {
      if (area(file) === 'cli') continue
      const name = relative(src, file)
      for (const pkg of packages.get(file) ?? []) {
        if (pkg.startsWith('node:')) problems.push(`${name} imports ${pkg}`)
        if (pkg.startsWith('zod') && area(file) !== 'definitions') problems.push(`${name} imports ${pkg}`)
      }
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
      if (/\bprocess\./.test(code)) problems.push(`${name} reads process`)
      if (/\bconsole\./.test(code)) problems.push(`${name} writes to the console`)
      if (/\bDate\.now\(|new Date\(\)/.test(code)) problems.push(`${name} reads the clock`)
    }
    expect(problems).toEqual([])
  })

  it('keeps one public function per file, named after the file', () => {
    const mismatched: string[] = []
    for (const file of files) {
      const name = file.split('/').pop()?.replace(/\.ts$/, '') as string
      if (name.startsWith('_') || name === 'index') continue
      const text = readFileSync(file, 'utf8')
      const functions = [...text.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1] as string)
      const publicFunctions = functions.filter((f) => !f.startsWith('_'))
      const extra = publicFunctions.filter((f) => f !== name && f !== `${name}Aggregator`)
      if (extra.length > 0) mismatched.push(`${relative(src, file)}: ${extra.join(', ')}`)
    }
    expect(mismatched).toEqual([])
  })
})
