// Loads the CDNOW 1/10 sample bundled in examples/data/cdnow (see its README for origin and licence).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Transaction } from 'cx-metrics'

const here = dirname(fileURLToPath(import.meta.url))

/** The 6,919 purchases of 2,357 customers, 1997-01-01 to 1998-06-30 (dates in UTC, amounts in dollars). */
export function loadCdnow(): Transaction[] {
  return readFileSync(join(here, 'data', 'cdnow', 'CDNOW_sample.txt'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [, id, date, , value] = line.trim().split(/\s+/) as [string, string, string, string, string]
      return {
        customerId: String(Number(id)),
        at: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
        amount: Number(value),
      }
    })
}
