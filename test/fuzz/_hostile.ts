// Hostile inputs for the fuzz suite: values of every JavaScript type and edge, ids that are the names of
// Object.prototype's members, instants across and beyond the supported span, and records of each input
// kind whose fields are drawn from those.
import fc from 'fast-check'

/** Strings that are members of Object.prototype, or were used to pollute it. */
export const prototypeKeys: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  '__lookupGetter__',
  'toLocaleString',
]

/** An id: often a prototype key, sometimes an ordinary string or number. */
export const id: fc.Arbitrary<string | number> = fc.oneof(
  fc.constantFrom(...prototypeKeys),
  fc.constantFrom('a', 'b', 'c', ''),
  fc.integer({ min: -2, max: 3 }),
)

/** Any value a user's data might hold by mistake (or an attacker on purpose). */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53,
    true,
    false,
    '',
    ' ',
    '9',
    ' 9',
    '09',
    '1e3',
    '9.5',
    '-3',
    'NaN',
    'Infinity',
    '__proto__',
    'constructor',
    new Date(Number.NaN),
    {},
    [],
    [1, 2, 3],
  ),
  fc.integer({ min: -20, max: 20 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 6 }),
)

const edges = [
  -8.64e15,
  8.64e15,
  Date.UTC(1899, 11, 31, 23, 59, 59, 999),
  Date.UTC(1900, 0, 1),
  Date.UTC(2199, 11, 31, 23, 59, 59, 999),
  Date.UTC(2200, 0, 1),
  0,
]

/** An instant: mostly inside the supported span (2023–2025), sometimes at or beyond its edges, in every form. */
export const instant: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 11, 31) }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((t) => new Date(t).toISOString()),
  },
  { weight: 1, arbitrary: fc.constantFrom(...edges) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0050-06-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '10000-01-01T00:00:00Z',
      '2024-02-30T00:00:00Z',
      '2024-03-01',
      '2024-03-01T10:00:00',
    ),
  },
  { weight: 1, arbitrary: anything },
)

/** A record of a field kind, most fields valid, some hostile. */
const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anything })

export const score: fc.Arbitrary<unknown> = maybe(fc.integer({ min: 0, max: 10 }))
export const scoreList: fc.Arbitrary<unknown> = maybe(
  fc.array(maybe(fc.integer({ min: 1, max: 10 })), { minLength: 3, maxLength: 3 }),
)
export const answered: fc.Arbitrary<unknown> = maybe(fc.boolean())
export const value: fc.Arbitrary<unknown> = maybe(fc.double({ min: -1e6, max: 1e6, noNaN: true }))

export const ticket: fc.Arbitrary<unknown> = maybe(
  fc.record(
    {
      id: id,
      requesterId: id,
      createdAt: instant,
      firstReplyAt: fc.oneof(instant, fc.constant(null)),
      solvedAt: fc.oneof(instant, fc.constant(null)),
      agentReplies: maybe(fc.integer({ min: 0, max: 5 })),
      reopens: maybe(fc.integer({ min: 0, max: 2 })),
      status: maybe(fc.constantFrom('new', 'open', 'solved', 'closed', 'spam', 'merged')),
    },
    { requiredKeys: ['createdAt'] },
  ),
)

export const subscription: fc.Arbitrary<unknown> = maybe(
  fc.record(
    {
      customerId: id,
      subscriptionId: id,
      start: instant,
      end: fc.oneof(instant, fc.constant(null)),
      cancelledAt: fc.oneof(instant, fc.constant(null)),
      amount: maybe(fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom('49.99', '1e3', '-5'))),
      billingInterval: maybe(fc.constantFrom('month', 'year', 'week', 6, 'constructor')),
      quantity: maybe(fc.integer({ min: 0, max: 3 })),
      trial: maybe(fc.boolean()),
      currency: maybe(fc.constantFrom('USD', 'EUR')),
    },
    { requiredKeys: ['customerId', 'start'] },
  ),
)

export const acquisition: fc.Arbitrary<unknown> = fc.oneof(
  maybe(
    fc.record({
      customerId: id,
      acquiredAt: instant,
      channel: maybe(fc.constantFrom(...prototypeKeys, 'ads', '(none)')),
    }),
  ),
  maybe(
    fc.record({
      at: instant,
      amount: maybe(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom('12.50', '1,000'))),
      channel: maybe(fc.constantFrom(...prototypeKeys, 'ads')),
    }),
  ),
)

export const transaction: fc.Arbitrary<unknown> = maybe(
  fc.record({ customerId: id, at: instant, amount: maybe(fc.integer({ min: 0, max: 100 })) }),
)

export const observation: fc.Arbitrary<unknown> = maybe(
  fc.record(
    {
      time: maybe(fc.integer({ min: 0, max: 40 })),
      event: maybe(fc.boolean()),
      group: maybe(fc.constantFrom(...prototypeKeys, 'x')),
    },
    { requiredKeys: ['time', 'event'] },
  ),
)

/** Text as comments and posts hold it: prose in both languages, placeholders, symbols, scripts the fast path does not take. */
const text: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'The support is slow',
    'Não gostei da cobrança',
    'n/a',
    '   ',
    '!!!',
    '服务很慢',
    'e\u0301\u0301',
    '__proto__',
    'constructor price',
    '👍🏽',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  anything,
)

export const comment: fc.Arbitrary<unknown> = fc.oneof(
  text,
  maybe(
    fc.record({
      text,
      score: maybe(fc.oneof(fc.integer({ min: -1, max: 11 }), anything)),
      sentiment: maybe(
        fc.oneof(
          fc.double({ min: -1.5, max: 1.5 }),
          fc.constantFrom('positive', 'Neutro', '__proto__'),
          anything,
        ),
      ),
      language: maybe(fc.constantFrom('en', 'pt', 'fr', '__proto__')),
      tags: maybe(
        fc.oneof(
          fc.array(
            fc.record({ theme: fc.oneof(id, anything), confidence: maybe(fc.oneof(fc.double(), anything)) }),
            { maxLength: 3 },
          ),
          anything,
        ),
      ),
    }),
  ),
)

export const mention: fc.Arbitrary<unknown> = maybe(
  fc.record({
    platform: maybe(fc.oneof(id, anything)),
    brand: maybe(fc.oneof(id, fc.constantFrom('Lumen', 'LUMEN ', 'Acme'), anything)),
    reach: maybe(fc.oneof(fc.integer({ min: -5, max: 1000 }), anything)),
    at: instant,
    repliedAt: fc.oneof(instant, fc.constant(null)),
    needsReply: maybe(fc.oneof(fc.boolean(), anything)),
    sentiment: maybe(anything),
    text,
  }),
)

export const account: fc.Arbitrary<unknown> = maybe(
  fc.record(
    {
      accountId: maybe(id),
      // The measures of test/_required.ts's health definition, and prototype keys beside them.
      values: maybe(
        fc.dictionary(
          fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.constantFrom(...prototypeKeys)),
          maybe(fc.double({ min: -50, max: 150, noNaN: true })),
        ),
      ),
      segment: maybe(fc.oneof(fc.constantFrom('smb', 'a'), fc.constantFrom(...prototypeKeys))),
    },
    { requiredKeys: ['accountId', 'values'] },
  ),
)

/** The items of each descriptor's input kind. */
export const itemsOf: Record<string, fc.Arbitrary<unknown>> = {
  score,
  'score-list': scoreList,
  answered,
  ticket,
  subscription,
  'spend-or-customer': acquisition,
  transaction,
  observation,
  value: maybe(fc.integer({ min: 1, max: 1000 })),
  comment,
  mention,
  account,
  sentiment: fc.oneof(
    fc.double({ min: -1.5, max: 1.5 }),
    fc.constantFrom('positive', 'Muito negativo', 'mixed', '__proto__'),
    anything,
  ),
}
