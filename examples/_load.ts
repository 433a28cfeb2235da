// Loads the sample data set of examples/data (see examples/data/generate.ts).
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CodeFrameInput } from 'cx-metrics'
import type { SampleData } from './data/generate.ts'

export type {
  Comment,
  Customer,
  Mention,
  SampleData,
  Spend,
  Subscription,
  SurveyResponse,
  Ticket,
  Usage,
} from './data/generate.ts'

const here = dirname(fileURLToPath(import.meta.url))

export function loadSampleData(): SampleData {
  const read = <K extends keyof SampleData>(name: K): SampleData[K] =>
    JSON.parse(readFileSync(join(here, 'data', `${name}.json`), 'utf8')) as SampleData[K]
  return {
    customers: read('customers'),
    subscriptions: read('subscriptions'),
    surveys: read('surveys'),
    tickets: read('tickets'),
    spend: read('spend'),
    comments: read('comments'),
    usage: read('usage'),
    mentions: read('mentions'),
  }
}

/** The code frame of Lumen Desk's open comments (examples/data/code-frame.json), as written. */
export function loadCodeFrame(): CodeFrameInput {
  return JSON.parse(readFileSync(join(here, 'data', 'code-frame.json'), 'utf8')) as CodeFrameInput
}
