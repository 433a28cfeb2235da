import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import * as library from '../index.ts'
import { definitionJsonSchema } from './definitionJsonSchema.ts'
import { diffDefinitions } from './diffDefinitions.ts'
import { runDefinition } from './runDefinition.ts'
import { validateDefinitions } from './validateDefinitions.ts'

const root = resolve(import.meta.dirname, '../..')
const folder = (dir: string) =>
  readdirSync(join(root, dir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => ({
      path: relative(root, join(root, dir, f)),
      text: readFileSync(join(root, dir, f), 'utf8'),
    }))

describe('validateDefinitions: the broken folder, where every rule fires', () => {
  const report = validateDefinitions(folder('test/fixtures/definitions/broken'), { fixtures: true })
  const found = report.problems.map((p) => `${p.file.split('/').pop()}:${p.line}:${p.column} ${p.rule}`)

  it('finds each problem at its file, line and column (checked by hand against the files)', () => {
    expect(found).toEqual([
      'fixtures.yaml:4:5 fixtures/mismatch',
      'fixtures.yaml:13:5 fixtures/error',
      'list.yaml:1:1 parse/not-an-object',
      'names.yaml:4:7 names/duplicate',
      'references.yaml:3:19 references/missing',
      'references.yaml:6:10 references/cycle',
      'references.yaml:9:10 references/cycle',
      'references.yaml:13:9 references/deprecated-without-replacement',
      'schema.yaml:3:1 schema/unknown-key',
      'schema.yaml:7:18 schema/type',
      'schema.yaml:11:22 schema/value',
      'schema.yaml:13:1 schema/required',
      'schema.yaml:17:6 schema/unknown-kpi',
      'schema.yaml:19:7 schema/value',
      'semantics.yaml:3:10 semantics/options',
      'semantics.yaml:7:55 semantics/unknown-column',
      'semantics.yaml:9:5 semantics/filter-column',
      'semantics.yaml:14:7 semantics/time-on-period-kpi',
      'semantics.yaml:20:7 semantics/semi-additive',
      'semantics.yaml:22:1 semantics/currency',
      'semantics.yaml:28:45 semantics/nps-scale',
      'semantics.yaml:34:43 semantics/compare-with-dimensions',
      'semantics.yaml:39:7 semantics/time-window',
      'semantics.yaml:43:7 semantics/trailing-as-of',
      'shared-refs.yaml:3:8 semantics/bands',
      'shared-refs.yaml:7:11 time/zone',
      'shared-refs.yaml:16:8 references/missing',
      'shared-refs.yaml:24:12 semantics/numerator',
      'shared-refs.yaml:28:11 references/missing',
      'shared-refs.yaml:33:11 semantics/calendar-unused',
      'shared-refs.yaml:38:7 semantics/semi-additive',
      'shared.yaml:1:1 time/schedule',
      'shared.yaml:6:1 semantics/code-frame',
      'shared.yaml:11:1 semantics/health-definition',
      'shared.yaml:17:68 time/zone',
      'shared.yaml:19:44 time/zone',
      'silence.yaml:10:1 schema/unknown-key',
      'syntax.yaml:4:1 parse/yaml',
    ])
  })

  it('says what to write instead, and keeps warnings apart from errors', () => {
    const by = (rule: string) => report.problems.filter((p) => p.rule === rule)
    expect(by('schema/unknown-key')[0]?.hint).toBe('Did you mean `options`?')
    expect(by('schema/unknown-kpi')[0]?.hint).toBe('Did you mean `nps`?')
    expect(by('references/missing')[0]?.hint).toBe('Did you mean `answers`?')
    expect(by('references/deprecated-without-replacement')[0]?.severity).toBe('warning')
    expect(by('fixtures/mismatch')[0]?.message).toBe(
      'Fixture `expects the wrong value` gives value 100, expected 50',
    )
    expect(report.problems.filter((p) => p.severity === 'warning').map((p) => p.rule)).toEqual([
      'references/deprecated-without-replacement',
      'semantics/trailing-as-of',
      'semantics/calendar-unused',
    ])
  })

  it('honours a silenced rule with its reason, and keeps ids and keys as data', () => {
    expect(report.problems.some((p) => p.definition === 'silenced_currency')).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // Without the fixtures stage, the fixture problems are not reported.
    expect(
      validateDefinitions(folder('test/fixtures/definitions/broken')).problems.some((p) =>
        p.rule.startsWith('fixtures/'),
      ),
    ).toBe(false)
  })
})

describe('validateDefinitions: the examples', () => {
  const files = folder('examples/definitions')
  const report = validateDefinitions(files, { fixtures: true })

  it('are clean, fixtures included', () => {
    expect(report.problems).toEqual([])
    expect(report.metrics.map((m) => m.name).sort()).toEqual([
      'churn_monthly_march_2024',
      'comment_themes',
      'csat_monthly',
      'csat_trailing_90_days',
      'fcr_by_channel',
      'fcr_email_share',
      'first_reply_business_median',
      'mention_sentiment',
      'mrr_end_of_2025',
      'nps_monthly',
      'share_of_voice',
      'support_health',
    ])
  })

  it('are valid under the exported JSON Schema, which refuses what the validator refuses', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    const validate = ajv.compile(definitionJsonSchema())
    const documents = files.flatMap((f) => f.text.split(/^---$/m)).map((t) => parse(t) as unknown)
    for (const d of documents) expect(validate(d), JSON.stringify(validate.errors?.slice(0, 2))).toBe(true)
    expect(validate({ name: 'x', kpi: 'nps', options: { minn: 3 } })).toBe(false)
    expect(validate({ name: 'x', kpi: 'nps', options: { minN: 3 } })).toBe(true)
  })

  it('compare each period with the one before when asked', () => {
    const csat = report.metrics.find((m) => m.name === 'csat_monthly')
    if (csat === undefined) throw new Error('csat_monthly')
    const rows = [
      { survey: 'csat', score: 5, answeredAt: '2024-05-10T12:00:00Z' },
      { survey: 'csat', score: 2, answeredAt: '2024-05-11T12:00:00Z' },
      { survey: 'csat', score: 5, answeredAt: '2024-06-10T12:00:00Z' },
      { survey: 'csat', score: 4, answeredAt: '2024-06-11T12:00:00Z' },
    ]
    const out = runDefinition(csat, rows, report.shared)
    // May: 1 of 2 satisfied; June: 2 of 2: up 50 percentage points, June against May.
    expect(out.comparisons?.map((c) => [c.period.key, c.against, c.comparison?.change ?? null])).toEqual([
      ['2024-05', null, null],
      ['2024-06', '2024-05', 50],
    ])
    const nps = report.metrics.find((m) => m.name === 'nps_monthly')
    expect(nps === undefined ? 'missing' : runDefinition(nps, [], report.shared).comparisons).toBeNull()
  })

  it('give results with their provenance, the same for the same definition', () => {
    const nps = report.metrics.find((m) => m.name === 'nps_monthly')
    if (nps === undefined) throw new Error('nps_monthly')
    const out = runDefinition(
      nps,
      [{ survey: 'nps', score: 10, answeredAt: '2024-03-05T12:00:00Z' }],
      report.shared,
    )
    expect(out.definition).toEqual({
      name: 'nps_monthly',
      version: 2,
      hash: nps.hash,
      kpi: 'nps',
      options: {},
    })
    expect(nps.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(validateDefinitions(files).metrics.find((m) => m.name === 'nps_monthly')?.hash).toBe(nps.hash)
    const changed = files.map((f) => ({
      ...f,
      text: f.text.replace(
        'unit: month, timeZone: America/Sao_Paulo }\nfixtures:\n  # March',
        'unit: quarter, timeZone: America/Sao_Paulo }\nfixtures:\n  # March',
      ),
    }))
    expect(validateDefinitions(changed).metrics.find((m) => m.name === 'nps_monthly')?.hash).not.toBe(
      nps.hash,
    )
  })
})

describe('numerator filters, calendars, bands and health scores from files', () => {
  const dataset =
    'kind: dataset\nname: offers\ncolumns: { answered: {}, channel: {}, at: {}, score: {} }\n---\n'
  const one = (text: string) => {
    const r = validateDefinitions([{ path: 'd.yaml', text: dataset + text }])
    return { metric: r.metrics[0], shared: r.shared, problems: r.problems.map((p) => p.rule) }
  }
  const offers = [
    { answered: 'true', channel: 'email', at: '2024-03-01T12:00:00Z' },
    { answered: 'true', channel: 'email', at: '2024-03-01T12:00:00Z' },
    { answered: 'true', channel: 'sms', at: '2024-03-01T12:00:00Z' },
    { answered: 'false', channel: 'email', at: '2024-03-01T12:00:00Z' },
    { answered: 'false', channel: 'sms', at: '2024-03-01T12:00:00Z' },
  ]

  it('narrow the numerator only: 2 answered by email of 5 offered, with the interval of 2 / 5', () => {
    const { metric, shared } = one(
      'name: rr\nkpi: responseRate\ninput: { dataset: offers, fields: { value: { column: answered, type: boolean } } }\n' +
        'numerator: [{ column: channel, op: "==", value: email }]\n',
    )
    if (metric === undefined) throw new Error('rr')
    const r = runDefinition(metric, offers, shared).result as library.ResponseRateResult
    expect([r.value, r.answered, r.successes, r.offered, r.n]).toEqual([0.4, 2, 2, 5, 5])
    expect(r.ci).toEqual(library.wilsonInterval(2, 5))
    // The same rows through `filters` keep the denominator to email offers too: 2 of 3.
    const filtered = one(
      'name: rr\nkpi: responseRate\ninput: { dataset: offers, fields: { value: { column: answered, type: boolean } } }\n' +
        'filters: [{ column: channel, op: "==", value: email }]\n',
    )
    const f = runDefinition(filtered.metric as never, offers, filtered.shared)
      .result as library.ResponseRateResult
    expect(f.value).toBeCloseTo(2 / 3, 12)
  })

  it('narrow it in every period and after merging, and refuse a KPI that is not a share of rows', () => {
    const { metric, shared } = one(
      'name: rr\nkpi: responseRate\ninput: { dataset: offers, fields: { value: { column: answered, type: boolean } } }\n' +
        'numerator: [{ column: channel, op: "==", value: sms }]\ntime: { column: at, unit: month }\n',
    )
    const r = runDefinition(metric as never, offers, shared)
      .result as library.PeriodSeries<library.ResponseRateResult>
    expect(r.periods.map((p) => [p.period.key, p.result.value])).toEqual([['2024-03', 0.2]])
    expect(
      one('name: c\nkpi: csat\noptions: { method: mean }\nnumerator: [{ column: channel, in: [email] }]\n')
        .problems,
    ).toEqual(['semantics/numerator'])
    expect(one('name: c\nkpi: csat\nnumerator: [{ column: channel, in: [email] }]\n').problems).toEqual([])
    expect(
      one(
        'name: c\nkpi: csat\ninput: { dataset: offers, fields: { value: { column: score } } }\nnumerator: [{ column: nope, in: [email] }]\n',
      ).problems,
    ).toEqual(['semantics/filter-column'])
  })

  it('take a calendar’s zone and week start unless `time` gives its own', () => {
    const calendar = 'kind: calendar\nname: sp\ntimeZone: America/Sao_Paulo\nweekStartsOn: 0\n---\n'
    const rows = [{ score: 10, at: '2024-04-01T02:30:00Z' }] // 31 March, 23:30 in São Paulo
    const keys = (time: string) => {
      const { metric, shared } = one(
        `${calendar}name: n\nkpi: nps\ncalendar: sp\ninput: { dataset: offers, fields: { value: { column: score, type: number } } }\ntime: ${time}\n`,
      )
      const r = runDefinition(metric as never, rows, shared).result as library.PeriodSeries<library.NpsResult>
      return r.periods.map((p) => p.period.key)
    }
    expect(keys('{ column: at, unit: month }')).toEqual(['2024-03'])
    expect(keys('{ column: at, unit: month, timeZone: UTC }')).toEqual(['2024-04'])
    // Sunday 31 March starts a Sunday week (the calendar's), numbered as the 14th; in ISO weeks it is the 13th's end.
    expect(keys('{ column: at, unit: week }')).toEqual(['2024-W14'])
    expect(keys('{ column: at, unit: week, weekStartsOn: 1 }')).toEqual(['2024-W13'])
  })

  it('say what an empty period gives: a null result by default, nothing with `empty: omit`', () => {
    const rows = [
      { score: 10, at: '2024-01-10T12:00:00Z' },
      { score: 0, at: '2024-03-10T12:00:00Z' },
    ]
    const periods = (empty: string) => {
      const { metric, shared, problems } = one(
        `name: n\nkpi: nps\ninput: { dataset: offers, fields: { value: { column: score, type: number } } }\ntime: { column: at, unit: month${empty}, range: { from: '2024-01-01T00:00:00Z', to: '2024-04-01T00:00:00Z' } }\n`,
      )
      expect(problems).toEqual([])
      const r = runDefinition(metric as never, rows, shared).result as library.PeriodSeries<library.NpsResult>
      return r.periods.map((p) => [p.period.key, p.result.value, p.result.reason])
    }
    expect(periods('')).toEqual([
      ['2024-01', 100, null],
      ['2024-02', null, 'no-data'],
      ['2024-03', -100, null],
    ])
    expect(periods(', empty: omit')).toEqual([
      ['2024-01', 100, null],
      ['2024-03', -100, null],
    ])
    expect(one('name: n\nkpi: nps\ntime: { column: at, unit: month, empty: zero }\n').problems).toEqual([
      'schema/value',
    ])
  })

  it('score accounts from a column per measure, with shared bands, by segment', () => {
    const text =
      'kind: bands\nname: b\nbands: [{ id: low, min: 0, max: 50, maxInclusive: false }, { id: high, min: 50, max: 100 }]\n---\n' +
      'kind: health-definition\nname: h\nmeasures: [{ id: a, weight: 1, normaliser: { type: score } }, { id: b, weight: 3, normaliser: { type: score } }]\nbands: { ref: b }\n---\n' +
      'kind: dataset\nname: accounts\ncolumns: { id: {}, tier: {}, x: {}, y: {} }\n---\n' +
      'name: hs\nkpi: healthScore\noptions: { definition: { ref: h } }\n' +
      'input: { dataset: accounts, fields: { accountId: { column: id }, values: { columns: { a: x, b: y }, type: number } } }\ndimensions: [tier]\n'
    const r = validateDefinitions([{ path: 'h.yaml', text }])
    expect(r.problems).toEqual([])
    const rows = [
      { id: 'acme', tier: 'gold', x: '100', y: '0' }, // (100 + 0) / 4 = 25
      { id: 'globex', tier: 'gold', x: '20', y: '60' }, // (20 + 180) / 4 = 50
      { id: '__proto__', tier: 'free', x: '', y: '80' }, // a missing: 80
    ]
    const out = runDefinition(r.metrics[0] as never, rows, r.shared).result as {
      groups: { key: string; result: library.HealthPortfolio }[]
    }
    const gold = out.groups.find((g) => g.key === 'gold')?.result
    expect(gold?.accounts.map((a) => [a.accountId, a.value, a.band])).toEqual([
      ['acme', 25, 'low'],
      ['globex', 50, 'high'],
    ])
    expect(gold?.value).toBe(37.5)
    expect(out.groups.find((g) => g.key === 'free')?.result.accounts[0]).toMatchObject({
      accountId: '__proto__',
      value: 80,
    })
    expect(({} as Record<string, unknown>).a).toBeUndefined()
  })
})

describe('validateDefinitions: hostile files', () => {
  it('answers malformed, empty and odd files with problems, never a crash', () => {
    const r = validateDefinitions([
      { path: 'a.yaml', text: '' },
      { path: 'b.yaml', text: '{{{' },
      { path: 'c.yaml', text: '42' },
      { path: 'd.json', text: '{"name": "x", "kpi": "nps", "name": "y"}' },
      { path: 'e.yaml', text: 'a: &x [*x]\n' },
      { path: 'f.yaml', text: 'name: self\nextends: self\n' },
    ])
    expect(r.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([
      'b.yaml parse/yaml',
      'b.yaml parse/yaml',
      'b.yaml parse/yaml',
      'c.yaml parse/not-an-object',
      'd.json parse/yaml',
      'e.yaml parse/yaml',
      'f.yaml references/cycle',
    ])
  })

  it('never throws on random documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 4 }),
        fc.constantFrom('nps', 'csat', 'churnRate', 'themes', '__proto__'),
        (docs, kpi) => {
          const text = docs
            .map((d) =>
              stringify(
                typeof d === 'object' && d !== null && !Array.isArray(d) ? { kpi, name: 'r', ...d } : d,
              ),
            )
            .join('---\n')
          const r = validateDefinitions([{ path: 'r.yaml', text }], { fixtures: true })
          expect(Array.isArray(r.problems)).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses bad arguments in its own words', () => {
    expect(() => validateDefinitions([], { fixture: true } as never)).toThrow(
      /validateDefinitions expected `options` to have only the keys/,
    )
    expect(validateDefinitions(null as never).files).toBe(0)
    expect(() => runDefinition(null as never, [])).toThrow(/runDefinition expected `definition`/)
  })
})

describe('diffDefinitions', () => {
  const text = (minN: number, label: string, extra = '') =>
    `kind: dataset\nname: s\ncolumns: { value: {} }\n---\nname: kept\nlabel: ${label}\nkpi: nps\noptions: { minN: ${minN} }\n` +
    'fixtures: [{ name: three, rows: [{ value: 10 }, { value: 0 }, { value: 9 }], expect: {} }]\n' +
    extra
  const set = (t: string) => validateDefinitions([{ path: 'd.yaml', text: t }])

  it('lists removed, added and changed definitions, what changed, and the fixtures before and after', () => {
    const base = set(text(1, 'NPS', '---\nname: gone\nkpi: csat\n'))
    const head = set(text(4, 'NPS', '---\nname: new_one\nkpi: ces\n'))
    expect(diffDefinitions(base, head)).toEqual([
      { name: 'gone', change: 'removed', breaking: true, what: [], values: [] },
      {
        name: 'kept',
        change: 'changed',
        breaking: true,
        what: ['options.minN: 1 → 4'],
        // Three answers: (2 − 1) / 3 = 33.33 points; under minN 4, no value.
        values: [{ fixture: 'three', before: '33.3333', after: '—' }],
      },
      { name: 'new_one', change: 'added', breaking: false, what: [], values: [] },
    ])
  })

  it('tells documentation changes from breaking ones, and skips what did not change', () => {
    const doc = diffDefinitions(set(text(1, 'NPS')), set(text(1, 'Net Promoter Score')))
    expect(doc).toEqual([
      {
        name: 'kept',
        change: 'changed',
        breaking: false,
        what: ['label: "NPS" → "Net Promoter Score"'],
        values: [{ fixture: 'three', before: '33.3333', after: '33.3333' }],
      },
    ])
    expect(diffDefinitions(set(text(1, 'NPS')), set(text(1, 'NPS')))).toEqual([])
    expect(() => diffDefinitions({} as never, set(text(1, 'NPS')))).toThrow(/diffDefinitions expected `base`/)
  })
})
