import { describe, expect, it } from 'vitest'
import { fold } from '../core/fold.ts'
import { isKpiError } from '../core/isKpiError.ts'
import { wilsonInterval } from '../stats/wilsonInterval.ts'
import { byPeriod } from '../time/byPeriod.ts'
import { codeFrame } from './codeFrame.ts'
import { tagComment } from './tagComment.ts'
import { _adjustPValues, themeChanges } from './themeChanges.ts'
import { type FeedbackComment, themes, themesAggregator } from './themes.ts'

// Spec §13 E2: ten NPS answers with their themes. Overall NPS 0; each theme in 30 % of comments;
// theme NPS bugs −100, price −66.67, support +33.33, ease +100; NPS without the theme 42.86, 28.57,
// −14.29, −42.86; impact by removal −42.86, −28.57, +14.29, +42.86.
const e2Frame = codeFrame({
  id: 'e2',
  version: '1',
  themes: [
    { id: 'bugs', label: 'Bugs', phrases: ['bug', 'crash'] },
    { id: 'price', label: 'Price', phrases: ['price', 'expensive'] },
    { id: 'support', label: 'Support', phrases: ['support'] },
    { id: 'ease', label: 'Ease of use', phrases: ['easy', 'ease of use'] },
  ],
})
const e2 = [
  { score: 10, text: 'The support team is great' },
  { score: 9, text: 'Easy to use' },
  { score: 9, text: 'Support was quick and the app is easy' },
  { score: 8, text: 'The price is high' },
  { score: 7, text: 'It works' },
  { score: 6, text: 'Too expensive' },
  { score: 3, text: 'Bugs everywhere and support never answers' },
  { score: 2, text: 'It crashes all the time' },
  { score: 10, text: 'Easy setup' },
  { score: 5, text: 'Price went up and there are bugs' },
]
const row = (r: ReturnType<typeof themes>, id: string) => {
  const found = r.themes.find((t) => t.id === id)
  if (found === undefined) throw new Error(`no theme ${id}`)
  return found
}

describe('themes: spec §13 E2', () => {
  const r = themes(e2, { codeFrame: e2Frame, scoreMetric: 'nps' })

  it('gives the overall score, each volume and each theme score', () => {
    expect(r.score?.value).toBe(0)
    expect(r.n).toBe(10)
    expect(r.untagged).toBe(1)
    for (const [id, nps] of [
      ['bugs', -100],
      ['price', -66.67],
      ['support', 33.33],
      ['ease', 100],
    ] as const) {
      expect(row(r, id).volume).toBe(0.3)
      expect(row(r, id).score?.value).toBeCloseTo(nps, 2)
      expect(row(r, id).score?.n).toBe(3)
    }
  })

  it('gives the impact by removal', () => {
    expect(row(r, 'bugs').impact).toBeCloseTo(-42.86, 2)
    expect(row(r, 'price').impact).toBeCloseTo(-28.57, 2)
    expect(row(r, 'support').impact).toBeCloseTo(14.29, 2)
    expect(row(r, 'ease').impact).toBeCloseTo(42.86, 2)
  })

  it('gives the impact by difference: theme score minus overall', () => {
    const d = themes(e2, { codeFrame: e2Frame, scoreMetric: 'nps', impactMethod: 'difference' })
    expect(row(d, 'bugs').impact).toBe(-100)
    expect(row(d, 'price').impact).toBeCloseTo(-66.67, 2)
    expect(d.variant.impactMethod).toBe('difference')
  })

  it('counts co-occurrences, with lift', () => {
    const pair = r.cooccurrence.find((c) => c.themes[0] === 'bugs' && c.themes[1] === 'support')
    // 1 comment of 10 mentions both; each is in 3 of 10: lift 0.1 / (0.3 × 0.3).
    expect(pair).toMatchObject({ count: 1, share: 0.1 })
    expect(pair?.lift).toBeCloseTo(0.1 / 0.09, 10)
    expect(r.cooccurrence.map((c) => c.themes.join('+')).sort()).toEqual(
      ['bugs+price', 'bugs+support', 'support+ease'].sort(),
    )
  })

  it('gives volumes a Wilson interval at the chosen level', () => {
    expect(row(r, 'bugs').ci).toEqual(wilsonInterval(3, 10))
    const narrow = themes(e2, { codeFrame: e2Frame, level: 0.8 })
    expect(row(narrow, 'bugs').ci).toEqual(wilsonInterval(3, 10, { level: 0.8 }))
    expect((row(narrow, 'bugs').ci?.upper ?? 1) < (row(r, 'bugs').ci?.upper ?? 0)).toBe(true)
  })

  it('suppresses themes under minMentions, and lists them', () => {
    const s = themes(e2, { codeFrame: e2Frame, minMentions: 4 })
    expect(s.themes).toEqual([])
    expect(s.suppressed).toEqual(['bugs', 'price', 'support', 'ease'])
    expect(s.cooccurrence).toEqual([])
    expect(themes(e2, { codeFrame: e2Frame, minMentions: 3 }).themes).toHaveLength(4)
  })
})

// A code frame for a help desk in Portuguese and English, and comments whose tags were checked by hand.
const desk = codeFrame({
  id: 'help-desk',
  version: '2024.1',
  themes: [
    {
      id: 'support',
      label: { en: 'Support', pt: 'Atendimento' },
      phrases: { en: ['support', 'customer service', 'agent'], pt: ['atendimento', 'suporte', 'atendente'] },
    },
    {
      id: 'slow',
      label: { en: 'Slow replies', pt: 'Demora' },
      parent: 'support',
      phrases: { en: ['slow reply', 'took days', 'waiting'], pt: ['demora', 'tempo de resposta', 'esperar'] },
    },
    {
      id: 'billing',
      label: { en: 'Billing', pt: 'Cobrança' },
      phrases: { en: ['invoice', 'charge', 'billing'], pt: ['cobrança', 'fatura', 'boleto'] },
    },
    {
      id: 'bugs',
      label: { en: 'Bugs', pt: 'Erros' },
      phrases: { en: ['bug', 'crash', 'error'], pt: ['bug', 'falha', 'travar'] },
      exclude: { en: ['not a bug'], pt: ['não é um bug'] },
    },
    {
      id: 'price',
      label: { en: 'Price', pt: 'Preço' },
      phrases: { en: ['price', 'expensive'], pt: ['preço', 'caro'] },
    },
  ],
})

describe('tagging Portuguese and English (hand-checked)', () => {
  it.each([
    ['O atendimento demorou muito', ['support', 'slow']],
    ['ATENDIMENTO excelente, nao tenho reclamações', ['support']],
    ['Duas cobranças erradas na fatura', ['billing']],
    ['The app crashes and there are bugs everywhere', ['bugs']],
    ['This is not a bug, just a question about the invoice', ['billing']],
    ['Customer service took days to answer', ['support', 'slow']],
    ['Muito caro para o que oferece', ['price']],
    ['Preços altos demais', ['price']],
    ['O aplicativo vive travando', ['bugs']],
    ['O sistema falhou de novo', ['bugs']],
    ['The support agent charged my card twice', ['support', 'billing']],
    ['Esperando o suporte há dias', ['support', 'slow']],
    ['Não é um bug, mas o boleto veio errado', ['billing']],
    ['Not a bug report: the export bugs are real', ['bugs']],
    ['Great product, we love it', []],
    ['A carga horária do cargo', []],
  ] as const)('%s → %j', (text, expected) => {
    expect(tagComment(text, desk).themes).toEqual(expected)
  })

  it('says which phrase matched where, in the text as written', () => {
    const text = 'Duas COBRANÇAS e o atendimento demorou'
    const t = tagComment(text, desk)
    expect(t.matches).toEqual([
      { theme: 'billing', phrase: 'cobrança', language: 'pt', start: 5, end: 14, text: 'COBRANÇAS' },
      { theme: 'support', phrase: 'atendimento', language: 'pt', start: 19, end: 30, text: 'atendimento' },
      { theme: 'slow', phrase: 'demora', language: 'pt', start: 31, end: 38, text: 'demorou' },
    ])
    for (const m of t.matches) expect(text.slice(m.start, m.end)).toBe(m.text)
  })

  it('shows the matches an exclusion cancelled, with the exclusion', () => {
    const t = tagComment('This is not a bug', desk)
    expect(t.themes).toEqual([])
    expect(t.cancelled).toEqual([
      {
        theme: 'bugs',
        phrase: 'bug',
        language: 'en',
        start: 14,
        end: 17,
        text: 'bug',
        by: { theme: 'bugs', phrase: 'not a bug', language: 'en', start: 8, end: 17, text: 'not a bug' },
      },
    ])
  })

  it('matches in the language it is told, and in every language when not', () => {
    expect(tagComment('Preços altos', desk, { language: 'en' }).themes).toEqual([])
    expect(tagComment('Preços altos', desk, { language: 'pt' }).themes).toEqual(['price'])
    const r = themes([{ text: 'Preços altos', language: 'pt' }, 'Preços altos'], {
      codeFrame: desk,
      language: 'en',
    })
    expect(row(r, 'price').mentions).toBe(1)
  })

  it('folds case and accents with stemming off, but does not stem', () => {
    const exact = codeFrame({ ...desk, themes: desk.themes, stemming: false })
    expect(tagComment('Uma COBRANCA', exact).themes).toEqual(['billing'])
    expect(tagComment('Duas cobranças', exact).themes).toEqual([])
    expect(tagComment('Duas cobranças', desk).themes).toEqual(['billing'])
  })

  it('segments text the fast path does not take (marks, other scripts) with Intl.Segmenter', () => {
    // "cobrança" written with a combining cedilla, and a Japanese sentence around an English phrase.
    expect(tagComment('a cobranc\u0327a', desk).themes).toEqual(['billing'])
    expect(tagComment('サポートの support がいい', desk).themes).toEqual(['support'])
  })

  it('leaves out what carries no feedback, by reason', () => {
    const r = themes(['n/a', 'Não', '---', '', '   ', null, 'Nada a declarar', 'ok', 'Great'], {
      codeFrame: desk,
    })
    expect(r.excluded).toEqual({ missing: 1, invalid: 0, empty: 2, noWords: 1, placeholder: 4, tooShort: 0 })
    expect(r.meaningful).toBe(1)
    expect(r.comments).toBe(9)
    expect(tagComment('N/A', desk)).toMatchObject({ meaningful: false, reason: 'placeholder', themes: [] })
  })

  it('takes the user’s placeholders instead of the built-in ones', () => {
    const r = themes(['meh', 'n/a'], { codeFrame: desk, placeholders: ['meh'] })
    expect(r.excluded.placeholder).toBe(1)
    expect(r.meaningful).toBe(1)
    expect(tagComment('meh', desk, { placeholders: ['meh'] }).reason).toBe('placeholder')
  })

  it('needs minWords words', () => {
    const r = themes(['Great', 'Great product', 'Support is great'], { codeFrame: desk, minWords: 3 })
    expect(r.excluded.tooShort).toBe(2)
    expect(r.n).toBe(1)
    expect(tagComment('Support rocks', desk, { minWords: 3 }).reason).toBe('tooShort')
  })
})

describe('themes: hierarchy, denominators, scores, sentiment', () => {
  it('counts a child theme under its parent once, and never pairs a theme with its ancestor', () => {
    const r = themes(['O atendimento demorou', 'Demora no suporte e fatura errada'], { codeFrame: desk })
    expect(row(r, 'support').mentions).toBe(2)
    expect(row(r, 'slow').mentions).toBe(2)
    expect(row(r, 'slow')).toMatchObject({ parent: 'support', depth: 1 })
    expect(r.cooccurrence.map((c) => c.themes)).toEqual([
      ['support', 'billing'],
      ['billing', 'slow'],
    ])
  })

  it("counts every comment in the denominator with denominator: 'all'", () => {
    const items = [...e2, { score: 9, text: 'n/a' }, { score: 0, text: '' }]
    const r = themes(items, { codeFrame: e2Frame, scoreMetric: 'nps', denominator: 'all' })
    expect(r.n).toBe(12)
    expect(row(r, 'bugs').volume).toBe(3 / 12)
    // The overall score is over the denominator's comments: 3 promoters + 1, 3 detractors + 1, of 12.
    expect(r.score?.value).toBe(0)
    expect(themes(items, { codeFrame: e2Frame, denominator: 'meaningful' }).n).toBe(10)
  })

  it('scores themes with CSAT on the scale its options give', () => {
    const items = [
      { text: 'price is fine', score: 5 },
      { text: 'price ok', score: 4 },
      { text: 'expensive', score: 2 },
      { text: 'support', score: 9 },
    ]
    const r = themes(items, { codeFrame: e2Frame, scoreMetric: 'csat' })
    // Top-2-box on 1–5: 2 of the 3 price comments are satisfied; 9 is off the scale.
    expect(row(r, 'price').score?.value).toBeCloseTo(2 / 3, 12)
    expect(r.scoreExcluded.offScale).toBe(1)
    const tenPoint = themes(items, {
      codeFrame: e2Frame,
      scoreMetric: 'csat',
      scoreOptions: { scale: '0-10' },
    })
    expect(tenPoint.scoreExcluded.offScale).toBe(0)
    expect(row(tenPoint, 'support').score?.n).toBe(1)
  })

  it('scores themes with CES, and with mean sentiment', () => {
    const items = [
      { text: 'support', score: 7, sentiment: 0.5 },
      { text: 'support again', score: 5, sentiment: -0.1 },
      { text: 'price', score: 1, sentiment: -0.9 },
    ]
    const ces = themes(items, { codeFrame: e2Frame, scoreMetric: 'ces' })
    expect(row(ces, 'support').score?.value).toBe(6)
    const s = themes(items, { codeFrame: e2Frame, scoreMetric: 'sentiment' })
    expect(row(s, 'support').score?.value).toBeCloseTo(0.2, 12)
    expect(s.score?.value).toBeCloseTo(-0.5 / 3, 12)
    // Removing support leaves the price comment: −0.1667 − (−0.9).
    expect(row(s, 'support').impact).toBeCloseTo(-0.5 / 3 + 0.9, 12)
  })

  it('gives net sentiment per theme, with the threshold and labels it is told', () => {
    const items = [
      { text: 'support', sentiment: 0.2 },
      { text: 'support', sentiment: 'negativo' },
      { text: 'support', sentiment: 'bom' },
      { text: 'support', sentiment: 'whatever' },
    ]
    const r = themes(items, { codeFrame: e2Frame, sentimentLabels: { bom: 'positive' } })
    expect(row(r, 'support').sentiment).toMatchObject({ positive: 2, neutral: 0, negative: 1, n: 3 })
    expect(row(r, 'support').sentiment.value).toBeCloseTo(100 / 3, 10)
    expect(r.sentimentExcluded.invalid).toBe(1)
    const strict = themes(items, { codeFrame: e2Frame, sentimentThreshold: 0.3 })
    expect(row(strict, 'support').sentiment).toMatchObject({ positive: 0, neutral: 1, negative: 1 })
    expect(strict.sentimentExcluded.invalid).toBe(2)
  })

  it('says why an impact is missing', () => {
    const all = themes(
      [
        { text: 'support', score: 10 },
        { text: 'support and price', score: 0 },
        { text: 'price', score: null },
      ],
      { codeFrame: e2Frame, scoreMetric: 'nps' },
    )
    expect(row(all, 'support')).toMatchObject({ impact: null, impactReason: 'theme-in-every-comment' })
    const unscored = themes([{ text: 'price' }, { text: 'support', score: 9 }], {
      codeFrame: e2Frame,
      scoreMetric: 'nps',
    })
    expect(row(unscored, 'price')).toMatchObject({ impact: null, impactReason: 'no-scores' })
    expect(row(themes(['price'], { codeFrame: e2Frame }), 'price').impactReason).toBe('no-score-metric')
  })

  it('gives no volumes without comments, and says why', () => {
    const r = themes([], { codeFrame: e2Frame })
    expect(r.reason).toBe('no-data')
    expect(row(r, 'bugs').volume).toBeNull()
    expect(themes(['n/a'], { codeFrame: e2Frame }).reason).toBe('all-excluded')
  })

  it('windows by quarter with byPeriod, and refuses to merge states of another code frame', () => {
    const dated = e2.map((c, i) => ({ ...c, at: `2024-0${i < 5 ? 2 : 5}-10T12:00:00Z` }))
    const series = fold(
      byPeriod(
        themesAggregator((c: (typeof dated)[number]) => c, { codeFrame: e2Frame, scoreMetric: 'nps' }),
        { date: (c) => c.at, unit: 'quarter' },
      ),
      dated,
    )
    expect(series.periods.map((p) => [p.period.key, p.result.n])).toEqual([
      ['2024-Q1', 5],
      ['2024-Q2', 5],
    ])
    const other = themesAggregator({ codeFrame: codeFrame({ ...e2Frame, version: '2' }) })
    const mine = themesAggregator({ codeFrame: e2Frame })
    try {
      mine.merge(mine.init(), other.init())
      expect.unreachable()
    } catch (e) {
      expect(isKpiError(e) && e.code).toBe('incompatible-state')
    }
  })

  it('treats ids and keys as data', () => {
    const frame = codeFrame({
      id: 'proto',
      version: '1',
      themes: [
        { id: '__proto__', label: 'Proto', phrases: ['proto'] },
        { id: 'constructor', label: 'Constructor', phrases: ['build'] },
      ],
    })
    const r = themes(['proto build', 'proto'], { codeFrame: frame })
    expect(r.themes.map((t) => [t.id, t.mentions])).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
    ])
    expect(r.cooccurrence[0]?.themes).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>).proto).toBeUndefined()
  })
})

describe('themes: classifier tags', () => {
  const items: FeedbackComment[] = [
    { text: 'Costs me $$$', tags: [{ theme: 'price', confidence: 0.6 }] },
    { text: 'Hmm interesting', tags: [{ theme: 'support', confidence: 0.3 }, { theme: 'nope' }] },
    { text: 'Whatever', tags: [{ theme: 'bugs', confidence: 7 }] },
  ]

  it('counts tags at or above minConfidence, and the rest as needing review', () => {
    const r = themes(items, { codeFrame: e2Frame })
    expect(row(r, 'price').mentions).toBe(1)
    expect(row(r, 'support')).toMatchObject({ mentions: 0, needsReview: 1 })
    expect(r.tagProblems).toEqual({ unknownTheme: 1, invalidConfidence: 1 })
    const strict = themes(items, { codeFrame: e2Frame, minConfidence: 0.7 })
    expect(row(strict, 'price')).toMatchObject({ mentions: 0, needsReview: 1 })
  })

  it('adds the tags of a synchronous classifier, and refuses an asynchronous one', () => {
    const classifier = (text: string) => (text.includes('$') ? [{ theme: 'price', confidence: 0.9 }] : [])
    const r = themes(['It costs $$$', 'fine product'], { codeFrame: e2Frame, classifier })
    expect(row(r, 'price').mentions).toBe(1)
    expect(() => themes(['x y'], { codeFrame: e2Frame, classifier: (async () => []) as never })).toThrow(
      /themes expected `options.classifier` to be a synchronous function/,
    )
  })
})

describe('themes: arguments', () => {
  it('names the function and the argument', () => {
    expect(() => themes([], { codeFrame: { id: 'x', version: '1', themes: [] } })).toThrow(
      /^themes expected `options.codeFrame.themes`/,
    )
    expect(() =>
      themes([], { codeFrame: e2Frame, scoreMetric: 'nps', scoreOptions: { interval: 'nope' } as never }),
    ).toThrow(/^themes expected `options.scoreOptions.interval`/)
    expect(() => themes([], { codeFrame: e2Frame, scoreOptions: {} })).toThrow(
      /themes expected `options.scoreOptions`/,
    )
    expect(() => themes([], { codeFrame: e2Frame, minWord: 2 } as never)).toThrow(/did you mean `minWords`/)
    expect(() => themes([5] as never[], { codeFrame: e2Frame, onInvalid: 'throw' })).toThrow(
      /themes: observation 0 is invalid/,
    )
    expect(themes([5] as never[], { codeFrame: e2Frame }).excluded.invalid).toBe(1)
  })
})

describe('codeFrame', () => {
  it('names every problem at once', () => {
    let message = ''
    try {
      codeFrame({
        id: 'bad id',
        version: '',
        themes: [
          { id: 'a', label: 'A', parent: 'missing' },
          { id: 'a', label: { en: 'A' }, phrases: ['...'] },
          { id: 'b', label: 'B', parent: 'c' },
          { id: 'c', label: 'C', parent: 'b' },
        ],
      } as never)
    } catch (e) {
      message = (e as Error).message
    }
    for (const part of [
      '`definition.id`',
      '`definition.version`',
      '`definition.themes[0].parent`',
      '`definition.themes[1].id`',
      '`definition.themes[1].label.pt`',
      '`definition.themes[1].phrases[0]`',
      'not its own ancestor',
    ])
      expect(message).toContain(part)
  })

  it('orders parents before children, keeps a version, and checks a frame read back from JSON again', () => {
    expect(desk.themes.map((t) => t.id)).toEqual(['support', 'billing', 'bugs', 'price', 'slow'])
    expect(desk.themes.find((t) => t.id === 'slow')?.ancestors).toEqual(['support'])
    const again = codeFrame(JSON.parse(JSON.stringify(desk)))
    expect(again).toEqual(desk)
    expect(themes(['fatura'], { codeFrame: JSON.parse(JSON.stringify(desk)) }).codeFrame).toEqual({
      id: 'help-desk',
      version: '2024.1',
    })
  })

  it('matches only the languages it has', () => {
    const en = codeFrame({
      id: 'en',
      version: '1',
      languages: ['en'],
      themes: [{ id: 'p', label: 'Price', phrases: ['price'] }],
    })
    expect(en.themes[0]?.label).toEqual({ en: 'Price' })
    expect(en.themes[0]?.phrases).toEqual({ en: ['price'], pt: [] })
    expect(() => codeFrame({ ...en, languages: ['fr'] as never })).toThrow(/`definition.languages`/)
  })
})

describe('themeChanges', () => {
  const frame = codeFrame({
    id: 'f',
    version: '1',
    themes: [
      { id: 'price', label: 'Price', phrases: ['price'] },
      { id: 'bugs', label: 'Bugs', phrases: ['bug'] },
    ],
  })
  const period = (price: number, bugs: number, n: number) =>
    themes(
      [
        ...Array(price).fill('price is high'),
        ...Array(bugs).fill('a bug'),
        ...Array(n - price - bugs).fill('fine product'),
      ],
      { codeFrame: frame },
    )

  it('tests each volume change with a two-proportion z-test (R: prop.test(c(40, 20), c(100, 100), correct = FALSE))', () => {
    const c = themeChanges(period(20, 10, 100), period(40, 10, 100), { adjust: 'none' })
    const price = c.themes.find((t) => t.id === 'price')
    // X-squared = 9.5238, p-value = 0.002028; z = √9.5238.
    expect(price?.test.statistic).toBeCloseTo(Math.sqrt(9.5238), 3)
    expect(price?.test.pValue).toBeCloseTo(0.002028, 5)
    expect(price?.volumeChange).toBeCloseTo(0.2, 12)
    expect(price?.significant).toBe(true)
    expect(c.themes[0]?.id).toBe('price')
    const bugs = c.themes.find((t) => t.id === 'bugs')
    expect(bugs).toMatchObject({ volumeChange: 0, significant: false })
  })

  it('adjusts p-values as R p.adjust does', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.2), 'BH') = 0.04 0.05333 0.05333 0.2; 'holm' = 0.04 0.09 0.09 0.2.
    const bh = _adjustPValues([0.01, 0.04, 0.03, 0.2, null], 'benjamini-hochberg')
    expect(bh.slice(0, 4).map((p) => Number(p?.toFixed(5)))).toEqual([0.04, 0.05333, 0.05333, 0.2])
    expect(bh[4]).toBeNull()
    expect(_adjustPValues([0.01, 0.04, 0.03, 0.2], 'holm').map((p) => Number(p?.toFixed(5)))).toEqual([
      0.04, 0.09, 0.09, 0.2,
    ])
    expect(_adjustPValues([0.01, 0.04], 'none')).toEqual([0.01, 0.04])
  })

  it('flags by the adjusted p-value and alpha', () => {
    const a = period(20, 10, 100)
    const b = period(32, 16, 100)
    const none = themeChanges(a, b, { adjust: 'none' })
    const holm = themeChanges(a, b, { adjust: 'holm' })
    const price = (r: typeof none) => r.themes.find((t) => t.id === 'price')
    expect(price(none)?.adjustedPValue).toBe(price(none)?.test.pValue)
    expect(price(holm)?.adjustedPValue).toBeGreaterThan(price(none)?.test.pValue as number)
    expect(price(themeChanges(a, b, { alpha: 0.001, adjust: 'none' }))?.significant).toBe(false)
    expect(themeChanges(a, b).adjust).toBe('benjamini-hochberg')
    const width = (r: typeof none) => {
      const ci = price(r)?.test.ci
      return (ci?.upper ?? 0) - (ci?.lower ?? 0)
    }
    expect(width(themeChanges(a, b, { level: 0.8 }))).toBeLessThan(width(none))
    expect(price(themeChanges(a, b, { level: 0.8 }))?.test.ci?.level).toBe(0.8)
  })

  it('refuses results of another code frame version', () => {
    const other = themes(['price'], { codeFrame: codeFrame({ ...frame, version: '2' }) })
    expect(() => themeChanges(period(1, 1, 3), other)).toThrow(
      /themeChanges expected `after` to be themes tagged with the code frame of `before` \(f@1\)/,
    )
    expect(() => themeChanges({} as never, other)).toThrow(TypeError)
  })
})
