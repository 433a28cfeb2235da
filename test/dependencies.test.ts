// Runtime dependencies use caret ranges, so that an app that already has date-fns 4.x gets one copy.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'

it('declares every runtime dependency with a caret range', () => {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8'))
  const ranges = Object.entries(pkg.dependencies as Record<string, string>)
  expect(ranges.length).toBeGreaterThan(0)
  for (const [name, range] of ranges) expect(range, name).toMatch(/^\^\d+\.\d+\.\d+$/)
})
