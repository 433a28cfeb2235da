// The `cx-metrics` command, as a user runs it: the built bin, spawned as a process, on real folders.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const bin = join(root, 'dist/cli/main.js')
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('cx-metrics', () => {
  it('is the package bin, with a shebang', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(pkg.bin['cx-metrics']).toBe('./dist/cli/main.js')
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('validates and tests the examples: exit 0', () => {
    const v = cli('validate', 'examples/definitions')
    expect(v.code).toBe(0)
    expect(v.out).toContain('7 files, 12 valid definitions, 0 errors, 0 warnings')
    expect(cli('test', 'examples/definitions').code).toBe(0)
  })

  it('reports problems with file:line:column and rule ids: exit 1', () => {
    const r = cli('test', 'test/fixtures/definitions/broken')
    expect(r.code).toBe(1)
    expect(r.out).toContain(
      'test/fixtures/definitions/broken/schema.yaml:3:1  error  Unknown key `optionz`  [schema/unknown-key]\n    Did you mean `options`?',
    )
    const json = JSON.parse(cli('validate', 'test/fixtures/definitions/broken', '--format', 'json').out)
    expect(json.problems.length).toBeGreaterThan(20)
    expect(json.problems[0]).toMatchObject({
      file: expect.any(String),
      line: expect.any(Number),
      column: expect.any(Number),
      rule: expect.any(String),
    })
  })

  it('writes SARIF 2.1.0 that the official schema accepts', () => {
    const r = cli('test', 'test/fixtures/definitions/broken', '--format', 'sarif')
    expect(r.code).toBe(1)
    const sarif = JSON.parse(r.out)
    const schema = JSON.parse(readFileSync(join(root, 'test/fixtures/sarif/sarif-2.1.0.json'), 'utf8'))
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema)
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
    expect(sarif.runs[0].results.length).toBe(38)
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({
      startLine: 4,
      startColumn: 5,
    })
  })

  it('says what is wrong with the call: exit 2', () => {
    expect(cli('validate', 'no/such/folder')).toMatchObject({
      code: 2,
      err: 'cx-metrics: no such file or folder: no/such/folder\n',
    })
    expect(cli('frobnicate').code).toBe(2)
    expect(cli('validate', '--format', 'xml').code).toBe(2)
    expect(cli('validate', '--colour').code).toBe(2)
    expect(cli('run', 'examples/definitions').err).toContain('run needs at least one --data name=file')
    expect(cli().code).toBe(2)
    expect(cli('--help')).toMatchObject({ code: 0 })
    expect(cli('validate', '--help').out).toContain('cx-metrics validate [paths…]')
  })

  it('prints the JSON Schema, and writes a starting folder that passes its own tests', () => {
    expect(JSON.parse(cli('schema').out).$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    const dir = join(mkdtempSync(join(tmpdir(), 'cx-')), 'defs')
    expect(cli('init', dir).code).toBe(0)
    expect(cli('test', dir).code).toBe(0)
    expect(cli('init', dir).code).toBe(2)
  })

  it('runs definitions over CSV, JSON Lines and JSON files, streamed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-'))
    const csv = join(dir, 'surveys.csv')
    writeFileSync(
      csv,
      'id,survey,score,answeredAt\nr1,nps,10,2024-03-05T12:00:00Z\nr2,nps,9,2024-03-06T12:00:00Z\nr3,nps,3,2024-03-07T12:00:00Z\nr4,nps,8,2024-03-08T12:00:00Z\nr5,nps,N/A,2024-03-09T12:00:00Z\nr6,csat,5,2024-03-09T12:00:00Z\n',
    )
    const text = cli('run', 'examples/definitions', '--data', `surveys=${csv}`)
    expect(text.code).toBe(0)
    // NPS: (2 − 1) / 4 = 25 over the four valid answers; 'N/A' is counted as invalid, not as a score.
    expect(text.out).toMatch(/nps_monthly\s+2024-03\s+25\s+4/)
    expect(text.out).toMatch(/csat_monthly\s+2024-03\s+1\s+1/)
    expect(text.err).toBe(
      `${csv}: row 5: \`score\` is "N/A", not a number — counted as invalid by \`nps_monthly\`, \`csat_monthly\`, \`csat_trailing_90_days\`\n`,
    )
    const json = JSON.parse(
      cli('run', 'examples/definitions', '--data', `surveys=${csv}`, '--format', 'json').out,
    )
    // The HTML report draws each series with the notebook's charts: the monthly NPS as a line.
    const report = cli('run', 'examples/definitions', '--data', `surveys=${csv}`, '--format', 'html').out
    expect(report).toMatch(
      /<h2 id="nps_monthly">[^<]+<\/h2>[\s\S]*?<figure><svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"/,
    )
    expect(report.match(/<figure><svg/g)?.length).toBeGreaterThanOrEqual(2)
    const nps = json.find((r: { definition: { name: string } }) => r.definition.name === 'nps_monthly')
    expect(nps.definition).toMatchObject({ name: 'nps_monthly', version: 2, kpi: 'nps' })
    expect(nps.result.periods[0].result.excluded.invalid).toBe(1)
    const asOf = JSON.parse(
      cli(
        'run',
        'examples/definitions',
        '--data',
        `surveys=${csv}`,
        '--format',
        'json',
        '--as-of',
        '2024-03-20T00:00:00Z',
      ).out,
    )
    // Answers after "now" are out of range, and March is not over yet.
    const march = asOf.find((r: { definition: { name: string } }) => r.definition.name === 'nps_monthly')
      .result.periods[0]
    expect([march.period.complete, march.result.n]).toEqual([false, 4])
    expect(cli('run', 'examples/definitions', '--data', `surveys=${csv}`, '--as-of', 'tomorrow').code).toBe(2)
    const jsonl = join(dir, 'mentions.jsonl')
    writeFileSync(
      jsonl,
      '{"brand":"Lumen Desk","sentiment":0.8,"reach":10}\n{"brand":"Zenbox","sentiment":-0.5,"reach":5}\n\n{"brand":"Lumen Desk","sentiment":-0.6,"reach":1}\n',
    )
    const social = cli('run', 'examples/definitions', '--data', `mentions=${jsonl}`, '--format', 'csv')
    expect(social.out).toContain('share_of_voice,,0.6667,3')
    expect(social.out).toContain('mention_sentiment,,0,2')
    const arr = join(dir, 'mentions.json')
    writeFileSync(arr, JSON.stringify([{ brand: 'Lumen Desk', sentiment: 0.8, reach: 1 }]))
    expect(
      cli('run', 'examples/definitions', '--data', `mentions=${arr}`, '--format', 'markdown').out,
    ).toContain('| share_of_voice |  | 1 | 1 |')
    const html = cli('run', 'examples/definitions', '--data', `mentions=${arr}`, '--format', 'html').out
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<h2 id="share_of_voice">Share of voice</h2>')
    expect(html).not.toMatch(/<script/i)
    const missing = join(dir, 'bad.csv')
    writeFileSync(missing, 'id,score\nr1,10\n')
    const m = cli('run', 'examples/definitions', '--data', `surveys=${missing}`)
    expect(m.code).toBe(2)
    expect(m.err).toContain(
      'the definition `nps_monthly` reads `answeredAt`, `survey`, which the file does not have',
    )
  })

  it('scores a snapshot of accounts from a CSV, a column per measure, naming the bad cells', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-'))
    const csv = join(dir, 'accounts.csv')
    writeFileSync(
      csv,
      'account,segment,csat_score,fcr_score,reply_score\nacme,smb,47,59,21\nglobex,ent,47,59,\ninitech,smb,90,N/A,80\n',
    )
    const run = cli('run', 'examples/definitions', '--data', `accounts=${csv}`)
    expect(run.code).toBe(0)
    // Weights 20 : 15 : 22. acme (47·20 + 59·15 + 21·22) / 57 = 40.1228; globex without its reply score
    // (47·20 + 59·15) / 35 = 52.1429; initech's 'N/A' is invalid and left out: (90·20 + 80·22) / 42 =
    // 84.7619. The portfolio: their mean, 59.0092.
    expect(run.out).toMatch(/support_health\s+59\.0092\s+3/)
    expect(run.err).toBe(
      `${csv}: row 3: \`fcr_score\` is "N/A", not a number — counted as invalid by \`support_health\`\n`,
    )
  })

  it('computes definitions inside a warehouse through a connection module, as from the file', async () => {
    // The sample surveys in a DuckDB file; the connection module is the user's, with their client.
    const dir = mkdtempSync(join(root, '.tmp', 'cx-warehouse-'))
    const db = join(dir, 'warehouse.duckdb')
    const instance = await DuckDBInstance.create(db)
    const c = await instance.connect()
    await c.run(
      `CREATE TABLE surveys AS SELECT * FROM read_json('${join(root, 'examples/data/surveys.json')}', columns = {id: 'VARCHAR', customerId: 'VARCHAR', survey: 'VARCHAR', ticketId: 'VARCHAR', offeredAt: 'TIMESTAMPTZ', answeredAt: 'TIMESTAMPTZ', score: 'DOUBLE'})`,
    )
    // The sample tickets: a creation time written without an offset is no instant (the library reads
    // it as invalid), so it is loaded as NULL rather than in the session's zone.
    const instant = (c: string) =>
      `CASE WHEN regexp_matches(${c}, '(Z|[+-]\\d\\d:\\d\\d)$') THEN CAST(${c} AS TIMESTAMPTZ) END AS ${c}`
    await c.run(
      `CREATE TABLE tickets AS SELECT id, channel, ${['createdAt', 'firstReplyAt', 'solvedAt'].map(instant).join(', ')}, agentReplies, reopens, status FROM read_json('${join(root, 'examples/data/tickets.json')}', columns = {id: 'VARCHAR', requesterId: 'VARCHAR', channel: 'VARCHAR', team: 'VARCHAR', topic: 'VARCHAR', createdAt: 'VARCHAR', firstReplyAt: 'VARCHAR', solvedAt: 'VARCHAR', agentReplies: 'DOUBLE', reopens: 'DOUBLE', status: 'VARCHAR'})`,
    )
    await c.run(
      `CREATE TABLE subscriptions AS SELECT * FROM read_json('${join(root, 'examples/data/subscriptions.json')}', columns = {subscriptionId: 'VARCHAR', customerId: 'VARCHAR', plan: 'VARCHAR', billingInterval: 'VARCHAR', amount: 'DOUBLE', currency: 'VARCHAR', quantity: 'DOUBLE', trial: 'BOOLEAN', start: 'TIMESTAMPTZ', "end": 'TIMESTAMPTZ', cancelledAt: 'TIMESTAMPTZ'})`,
    )
    c.closeSync()
    instance.closeSync()
    const module = join(dir, 'warehouse.mjs')
    writeFileSync(
      module,
      `import { DuckDBInstance } from '@duckdb/node-api'
const connection = await (await DuckDBInstance.create(${JSON.stringify(db)})).connect()
export default { dialect: 'duckdb', run: async (q) => (await connection.runAndReadAll(q.sql, q.params)).getRows() }
`,
    )
    const pushed = cli('run', 'examples/definitions', '--warehouse', module)
    expect(pushed.code).toBe(0)
    // The trailing windows are not a warehouse query: said, not computed into another number.
    expect(pushed.err.split('\n').sort().join('\n')).toBe(
      [
        '',
        'csat_trailing_90_days: not computed in the warehouse: trailing windows are computed in memory only (give its dataset with --data)',
        'fcr_email_share: not computed in the warehouse: a numerator filter is computed in memory only (give its dataset with --data)',
        'mrr_end_of_2025: not computed in the warehouse: mrr is computed in memory only (give its dataset with --data)',
      ].join('\n'),
    )
    const local = cli(
      'run',
      'examples/definitions',
      '--data',
      'surveys=examples/data/surveys.json',
      '--data',
      'tickets=examples/data/tickets.json',
      '--data',
      'subscriptions=examples/data/subscriptions.json',
    )
    // The same rows of the table (its columns are as wide as the longest cell of each run).
    const lines = (out: string, name: string) =>
      out
        .split('\n')
        .filter((l) => l.startsWith(`${name} `))
        .map((l) => l.trim().split(/\s+/).join(' '))
    for (const name of [
      'nps_monthly',
      'csat_monthly',
      'fcr_by_channel',
      'first_reply_business_median',
      'churn_monthly_march_2024',
    ]) {
      expect(lines(pushed.out, name).length).toBeGreaterThan(
        name.startsWith('f') ? 2 : name.startsWith('churn') ? 0 : 12,
      )
      expect(lines(pushed.out, name)).toEqual(lines(local.out, name))
    }
    expect(cli('run', 'examples/definitions', '--warehouse', join(dir, 'none.mjs')).code).toBe(2)
  })

  it('diffs against a folder and against a git ref', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cx-'))
    for (const f of ['datasets.yaml', 'shared.yaml', 'survey.yaml'])
      writeFileSync(
        join(dir, f),
        readFileSync(join(root, 'examples/definitions', f), 'utf8').replace(
          'unit: month, timeZone: America/Sao_Paulo }\nfixtures:\n  # March',
          'unit: quarter, timeZone: America/Sao_Paulo }\nfixtures:\n  # March',
        ),
      )
    const d = cli('diff', '--base', 'examples/definitions', dir)
    expect(d.code).toBe(0)
    expect(d.out).toContain(
      '| `nps_monthly` | changed | **yes** | time.unit: "month" → "quarter" | one month of answers | 2024-03: 25 | 2024-Q1: 25 |',
    )
    expect(d.out).toContain('| `churn_monthly_march_2024` | removed | **yes** |')
    expect(cli('diff', '--base', 'examples/definitions', dir, '--fail-on-breaking').code).toBe(1)
    expect(
      JSON.parse(cli('diff', '--base', 'examples/definitions', dir, '--format', 'json').out)[0].name,
    ).toBe('churn_monthly_march_2024')
    expect(cli('diff', '--base', 'HEAD', 'examples/definitions').out).toBe('No definition changed.\n')
    expect(cli('diff', '--base', 'no-such-ref-anywhere', 'examples/definitions')).toMatchObject({ code: 2 })
    expect(cli('diff', 'examples/definitions').err).toContain('diff needs --base')
  })

  it('maps the exports people have: Google Forms, SurveyMonkey, Zendesk, Stripe', () => {
    const run = (preset: string, dataset: string) =>
      cli(
        'run',
        `examples/presets/${preset}`,
        '--data',
        `${dataset}=examples/presets/${preset}/export.csv`,
        '--format',
        'csv',
      )
    // Google Forms, in the owner's zone: March 10, 9, 6, 8 → (2 − 1) / 4 = 25; April 3 → −100.
    expect(run('google-forms', 'google_forms_responses').out).toBe(
      'definition,period or key,value,n,change\nforms_nps_monthly,2024-03,25,4,\nforms_nps_monthly,2024-04,-100,1,\n',
    )
    // SurveyMonkey: the second header row is not an answer; 10, 7, 0, 9 → 25.
    expect(run('surveymonkey', 'surveymonkey_responses').out).toContain('surveymonkey_nps,2024-Q1,25,4,')
    // Zendesk: two of the four solved tickets at first contact.
    expect(run('zendesk', 'zendesk_tickets').out).toContain('zendesk_fcr,,0.5,4,')
    // Stripe: 2 × 49 + 490 / 12 = 138.8333 on 31 March; one of three customers gone.
    const stripe = run('stripe', 'stripe_subscriptions').out
    expect(stripe).toContain('stripe_mrr_end_of_march_2024,,138.8333,2,')
    expect(stripe).toContain('stripe_churn_march_2024,,0.3333,3,')
    for (const preset of ['google-forms', 'surveymonkey', 'zendesk', 'stripe'])
      expect(cli('test', `examples/presets/${preset}`).code).toBe(0)
  })
})
