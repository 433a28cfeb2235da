import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { _fold, _splitter, _stemEn, _stemPt } from './_text.ts'

/** What Intl.Segmenter (UAX #29) calls the words of a text. */
function segmenterWords(text: string) {
  const words: string[] = []
  const starts: number[] = []
  const ends: number[] = []
  for (const s of new Intl.Segmenter('und', { granularity: 'word' }).segment(text)) {
    if (!s.isWordLike) continue
    words.push(s.segment)
    starts.push(s.index)
    ends.push(s.index + s.segment.length)
  }
  return { words, starts, ends }
}

// The fast path's alphabet, weighted towards the characters whose rules differ: the joiners between
// letters (. ' ’ ‘) and between digits (. , ; ' ’ ‘), and the accented letters of Portuguese.
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABCçãõéêíóúàâüñªºµÿØ') },
  { weight: 3, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 3, arbitrary: fc.constantFrom(...".,;'’‘") },
  { weight: 2, arbitrary: fc.constantFrom(' ', '\t', '\n', '\r\n', '  ') },
  { weight: 2, arbitrary: fc.constantFrom(...'!"#$%&()*+-/<=>?@[\\]^`{|}~“”«»–—…') },
  {
    weight: 1,
    arbitrary: fc.constantFrom("don't", 'e.g.', '3.14', '1,000.5', 'R$ 49,90', 'não', 'U.S.A.', "l'été"),
  },
)

describe('word boundaries', () => {
  it('agree with Intl.Segmenter on the fast path’s alphabet', () => {
    const split = _splitter()
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        expect(split(text)).toEqual(segmenterWords(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('send other text to Intl.Segmenter', () => {
    const split = _splitter()
    for (const text of ['日本語のテキスト support', 'cobranc\u0327a', 'emoji 👍🏽 ok', 'a:b', 'snake_case'])
      expect(split(text)).toEqual(segmenterWords(text))
  })
})

describe('folding', () => {
  it('drops case and accents, and writes one apostrophe', () => {
    expect(_fold('Não')).toBe('nao')
    expect(_fold('ATENDIMENTO')).toBe('atendimento')
    expect(_fold('cobranc\u0327a')).toBe('cobranca')
    expect(_fold('don’t')).toBe("don't")
    expect(_fold('ﬁm')).toBe('fim')
  })
})

describe('stemming', () => {
  it.each([
    ['bugs', 'bug'],
    ['bug', 'bug'],
    ['bugged', 'bug'],
    ['replies', 'reply'],
    ['replied', 'reply'],
    ['crashes', 'crash'],
    ['crashed', 'crash'],
    ['crashing', 'crash'],
    ['charge', 'charg'],
    ['charged', 'charg'],
    ['charging', 'charg'],
    ['stopped', 'stop'],
    ['billing', 'bill'],
    ['status', 'status'],
    ["customer's", 'customer'],
    ['outages', 'outag'],
  ])('English %s → %s', (word, stem) => expect(_stemEn(word)).toBe(stem))

  it.each([
    ['cobranca', 'cobranc'],
    ['cobrancas', 'cobranc'],
    ['demora', 'demor'],
    ['demorou', 'demor'],
    ['demorando', 'demor'],
    ['demorado', 'demor'],
    ['demoram', 'demor'],
    ['ligacoes', 'ligaca'],
    ['ligacao', 'ligaca'],
    ['mensagens', 'mensag'],
    ['mensagem', 'mensag'],
    ['valores', 'valor'],
    ['manuais', 'manual'],
    ['lento', 'lent'],
    ['lentas', 'lent'],
    ['nao', 'nao'],
  ])('Portuguese %s → %s', (word, stem) => expect(_stemPt(word)).toBe(stem))
})
