// Every examples/*.ts runs as a program (they assert their own results), and the sample data in
// examples/data is exactly what its seeded generator writes.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generate } from '../examples/data/generate.ts'

const root = resolve(import.meta.dirname, '..')
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts') && !f.startsWith('_'))

describe('examples', () => {
  it.each(examples)(
    '%s runs to the end',
    (file) => {
      const output = execFileSync(join(root, 'node_modules/.bin/tsx'), [join('examples', file)], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      expect(output.length).toBeGreaterThan(0)
    },
    60_000,
  )
})

describe('sample data', () => {
  it('is what the seeded generator writes', () => {
    const data = generate()
    for (const [name, rows] of Object.entries(data)) {
      const stored = JSON.parse(readFileSync(join(root, 'examples/data', `${name}.json`), 'utf8'))
      expect(stored, name).toEqual(rows)
    }
  })
})
