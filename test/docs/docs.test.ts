// The documentation's code is true: every ```ts block of docs/*.md type-checks against the library, and
// every `@example` of a doc comment type-checks and runs against the sample data, its `//=> value`
// comments checked (test/docs/context.ts names the reader's data that the snippets use).
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examples, guides, moduleOf, root, withChecks, writeModule, writeTsconfig } from './_snippets.ts'

const exampleList = examples()
const exampleModule = writeModule('examples', moduleOf(exampleList, withChecks))
const guideModules = guides().map((g) => writeModule(g.where.replace(/\W/g, '_'), moduleOf([g])))

describe('documentation', () => {
  it('has examples and guides to check', () => {
    expect(exampleList.length).toBeGreaterThan(70)
    expect(guideModules.length).toBeGreaterThanOrEqual(8)
  })

  it('type-checks every guide snippet and every doc-comment example', () => {
    const tsconfig = writeTsconfig('docs', [exampleModule, ...guideModules])
    const tsc = join(root, 'node_modules/.bin/tsc')
    let output = ''
    try {
      execFileSync(tsc, ['--noEmit', '-p', tsconfig], { cwd: root, encoding: 'utf8' })
    } catch (e) {
      output = String((e as { stdout?: string }).stdout)
    }
    expect(output).toBe('')
  }, 120_000)

  describe('runs every doc-comment example', async () => {
    const module = (await import(exampleModule)) as Record<string, () => Promise<void>>
    it.each(exampleList.map((e, i) => [e.where, i] as const))('%s', async (_, i) => {
      await (module[`snippet${i}`] as () => Promise<void>)()
    })
  })
})
