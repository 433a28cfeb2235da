// The README's TypeScript blocks are true: each one type-checks against the library's types and runs
// to the end (a `declare const xs: T[]` stands for the reader's data and runs as an empty array).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const dir = join(root, '.tmp/readme')
const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(
  (m) => m[1] as string,
)

describe('README', () => {
  it('has TypeScript blocks', () => expect(blocks.length).toBeGreaterThan(0))

  it('type-checks every TypeScript block', () => {
    mkdirSync(dir, { recursive: true })
    const files = blocks.map((code, i) => {
      const file = join(dir, `block-${i}.ts`)
      writeFileSync(file, `${code}\nexport {}\n`)
      return file
    })
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        include: files,
        compilerOptions: { noUnusedLocals: false },
      }),
    )
    const tsc = join(root, 'node_modules/.bin/tsc')
    expect(() =>
      execFileSync(tsc, ['--noEmit', '-p', join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' }),
    ).not.toThrow()
  }, 120_000)

  it.each(blocks.map((code, i) => [i, code] as const))(
    'runs block %i to the end',
    (i, code) => {
      mkdirSync(dir, { recursive: true })
      const runnable = code
        .replace(/^declare const (\w+): ([^\n]+)\[\]$/gm, 'const $1: $2[] = []')
        .replace(/from 'cx-metrics'/g, `from '${join(root, 'src/index.ts')}'`)
      const file = join(dir, `run-${i}.ts`)
      writeFileSync(file, `${runnable}\nexport {}\n`)
      expect(() =>
        execFileSync(join(root, 'node_modules/.bin/tsx'), [file], {
          cwd: root,
          encoding: 'utf8',
          stdio: 'pipe',
        }),
      ).not.toThrow()
    },
    60_000,
  )
})
