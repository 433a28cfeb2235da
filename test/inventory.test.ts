// The lists kept beside the code agree with it: the README's table of exports names every runtime export
// of the root entry, of `cx-metrics/notebook` and of `cx-metrics/sql` (and nothing else), and every KPI a descriptor describes has a bundle-size budget and a row in that
// table. The law registry is checked against the aggregators in test/laws/laws.test.ts, and the
// descriptors against the aggregators in test/descriptors.test.ts.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as library from 'cx-metrics'
import * as notebook from 'cx-metrics/notebook'
import * as sql from 'cx-metrics/sql'
import { describe, expect, it } from 'vitest'
import type { KpiDescriptor } from '../src/core/descriptor.ts'
import { budgets } from './treeshake/budgets.ts'

const root = resolve(import.meta.dirname, '..')
const exports = Object.keys(library)
const notebookExports = Object.keys(notebook)
const sqlExports = Object.keys(sql)
const descriptors = Object.entries(library)
  .filter(([name]) => name.endsWith('Descriptor'))
  .map(([, d]) => d as KpiDescriptor)

const readme = readFileSync(join(root, 'README.md'), 'utf8')
const table = readme.slice(readme.indexOf('| area '), readme.indexOf('\n\n', readme.indexOf('| area ')))
const rows = table
  .split('\n')
  .slice(2)
  .map((row) => ({
    area: row.split('|')[1]?.trim() ?? '',
    names: [...row.matchAll(/`(\w+)`/g)].map((m) => m[1] as string),
  }))
const listed = new Set(rows.flatMap((r) => r.names))

describe("the README's table of exports", () => {
  it('names only exports', () => {
    const entryOf = (area: string) =>
      area === 'Notebook display' ? notebookExports : area === 'Warehouse' ? sqlExports : exports
    expect(rows.flatMap((r) => r.names.filter((n) => !entryOf(r.area).includes(n)))).toEqual([])
  })

  it('names every export of cx-metrics/notebook in its row', () => {
    const row = rows.find((r) => r.area === 'Notebook display')
    expect(notebookExports.filter((n) => !row?.names.includes(n))).toEqual([])
  })

  it('names every export of cx-metrics/sql in its row', () => {
    const row = rows.find((r) => r.area === 'Warehouse')
    expect(sqlExports.filter((n) => !row?.names.includes(n))).toEqual([])
  })

  it('names every runtime export; aggregators under "and their aggregators", descriptors in their row', () => {
    const missing = exports.filter((name) => {
      if (listed.has(name)) return false
      if (name.endsWith('Aggregator')) {
        const kpi = name.slice(0, -'Aggregator'.length)
        const row = rows.find((r) => r.names.includes(kpi))
        return (
          row === undefined ||
          !table.split('\n').some((l) => l.includes(`\`${kpi}\``) && l.includes('and their aggregators'))
        )
      }
      if (name.endsWith('Descriptor')) return !rows.some((r) => r.area === 'Descriptors')
      return true
    })
    expect(missing).toEqual([])
  })
})

describe('the size budgets', () => {
  it('hold every KPI that has a descriptor, and only exports', () => {
    expect(descriptors.map((d) => d.id).filter((id) => budgets[id] === undefined)).toEqual([])
    expect(Object.keys(budgets).filter((name) => !exports.includes(name))).toEqual([])
  })
})
