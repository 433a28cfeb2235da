import { _accessorAndOptions, _iterable } from '../core/_args.ts'
import { _typeError } from '../core/_assert.ts'
import { _dict, _get, _set } from '../core/_dict.ts'
import { _mergeCounts } from '../core/_exclude.ts'
import { _knownKeys } from '../core/_keys.ts'
import type { Aggregator } from '../core/aggregator.ts'
import type { KpiDescriptor } from '../core/descriptor.ts'
import { _foldAs } from '../core/fold.ts'
import type { Excluded } from '../core/result.ts'
import { type _Compiled, _compile } from './_compile.ts'
import { _materialise, type _Scratch, _scoreInto, _scratch } from './_score.ts'
import type { HealthAccount, HealthAccountScore, HealthDefinition, HealthDefinitionInput } from './_types.ts'

/**
 * Options of {@link healthScore}: one definition, or one per segment.
 * @category Health
 */
export interface HealthScoreOptions {
  /** The definition, for every account (or for accounts whose segment has none in `definitions`). */
  readonly definition?: HealthDefinitionInput | HealthDefinition
  /** A definition per segment, chosen by each account's `segment`. */
  readonly definitions?: { readonly [segment: string]: HealthDefinitionInput | HealthDefinition }
}

/**
 * Accounts left out of a portfolio, by reason: not an account (`missing`: null; `invalid`: no
 * `accountId` or no `values` object), a second row for the same account (`duplicate`: the first is
 * kept), or a segment without a definition (`unknownSegment`).
 * @category Health
 */
export type HealthExclusion = 'duplicate' | 'unknownSegment'

/**
 * Accounts of a portfolio scored `null`, by reason.
 * @category Health
 */
export interface HealthUnscored {
  /** No measure counted. */
  readonly noData: number
  /** Less weight present than `minCoverage`. */
  readonly lowCoverage: number
}

/**
 * Counts per measure across a portfolio.
 * @category Health
 */
export interface HealthMeasureSummary {
  /** The measure. */
  readonly id: string
  /** Accounts with a usable value. */
  readonly present: number
  /** Accounts without a value. */
  readonly missing: number
  /** Accounts with a value the normaliser could not read. */
  readonly invalid: number
  /** The mean score over the accounts with a usable value, or `null`. */
  readonly meanScore: number | null
}

/**
 * One band across a portfolio.
 * @category Health
 */
export interface HealthBandCount {
  /** The band. */
  readonly id: string
  /** Accounts in it. */
  readonly count: number
  /** Their share of the accounts with a score, 0–1 (0 without any). */
  readonly share: number
}

/**
 * The result of {@link healthScore}: every account's score and what is behind it, the portfolio by
 * band, and the mean score.
 * @category Health
 */
export interface HealthPortfolio {
  /** Always `'health'`. */
  readonly kind: 'health'
  /** Always `'healthScore'`. */
  readonly kpi: 'healthScore'
  /** The mean score of the accounts with one (the portfolio score), or `null`. */
  readonly value: number | null
  /** Why `value` is null: no accounts (`'no-data'`), or none with a score (`'all-excluded'`). */
  readonly reason: 'no-data' | 'all-excluded' | null
  /** The definitions used, by segment (`''` for `definition`): id and version. */
  readonly variant: { readonly [segment: string]: string }
  /** Accounts with a score. */
  readonly n: number
  /** Accounts left out before scoring, by reason; accounts scored `null` are in `accounts` with their reason. */
  readonly excluded: Excluded<HealthExclusion>
  /** Accounts scored `null`: no measure counted, or too little weight present. */
  readonly unscored: HealthUnscored
  /** Accounts per band, in the order of the bands of `definition` (or of the first segment's). */
  readonly bands: readonly HealthBandCount[]
  /** Counts per measure, over the accounts scored with a definition that has it. */
  readonly measures: readonly HealthMeasureSummary[]
  /** Every account, in the input's order. */
  readonly accounts: readonly HealthAccountScore[]
}

const KEYS = ['definition', 'definitions']

interface Tally {
  present: number
  missing: number
  invalid: number
  total: number
}

/**
 * Customer health: a score from 0 to 100 per account, composed from measures by a health definition,
 * and the portfolio by band. Each measure's raw value (a number, a label, or one of the library's results,
 * whose `value` is read) is normalised to 0–100; missing values are left out with the weights
 * renormalised (Gainsight, Totango), or count as 0 or as a neutral score (Planhat); the weighted mean is
 * taken within groups and across them (Totango's dimensions); gates then cap, raise or set the score
 * ("an open escalation caps it at 40"); bands name it. Rounding is for display only.
 *
 * Every account lists each measure's raw value, score, effective weight and contribution in points; the
 * contributions add up to `weighted`, the score before gates. A score is semi-additive: never add
 * scores over time — score a snapshot per period, and compare two with {@link explainHealthChange} or
 * {@link healthMovers}.
 *
 * Unit: points, 0–100, higher is better. An account with no measure counted is `null` with
 * `reason: 'no-data'`; one below `minCoverage`, `'low-coverage'`.
 *
 * Source: spec §14 — Gainsight scorecards, Totango account and multidimensional models, ChurnZero,
 * Planhat, Pathlight.
 *
 * @example
 * ```ts
 * const support = {
 *   groups: [{ id: 'support', weight: 1 }],
 *   measures: [
 *     { id: 'a', group: 'support', weight: 20, normaliser: { type: 'score' } },
 *     { id: 'b', group: 'support', weight: 15, normaliser: { type: 'score' } },
 *     { id: 'c', group: 'support', weight: 22, normaliser: { type: 'score' } },
 *   ],
 * } as const
 * healthScore([{ accountId: 'acme', values: { a: 47, b: 59, c: 21 } }], { definition: support })
 *   .accounts[0]?.value //=> 40.12280701754386 (Gainsight's example: 40)
 * ```
 * @category Health
 */
export function healthScore(accounts: Iterable<HealthAccount>, options: HealthScoreOptions): HealthPortfolio
export function healthScore<T>(
  accounts: Iterable<T>,
  accessor: (item: T, index: number) => HealthAccount,
  options: HealthScoreOptions,
): HealthPortfolio
export function healthScore<T>(
  accounts: Iterable<T>,
  accessorOrOptions: ((item: T, index: number) => HealthAccount) | HealthScoreOptions,
  maybeOptions?: HealthScoreOptions,
): HealthPortfolio {
  const fn = 'healthScore'
  _iterable(fn, accounts, 'accounts')
  return _foldAs(
    fn,
    healthScoreAggregator(accessorOrOptions as never, maybeOptions as never) as Aggregator<
      T,
      HealthScoreState,
      HealthPortfolio
    >,
    accounts,
  )
}

/** The options' definitions, checked and compiled, by segment (`''` for `definition`). */
function _compileOptions(fn: string, options: HealthScoreOptions | undefined): Record<string, _Compiled> {
  if (options === undefined || options === null || typeof options !== 'object')
    throw _typeError(fn, 'options', 'options with `definition` or `definitions`', options)
  _knownKeys(fn, 'options', options, KEYS)
  const { definition, definitions } = options
  if (definition === undefined && definitions === undefined)
    throw _typeError(
      fn,
      'options.definition',
      'a health definition (or `definitions` by segment)',
      definition,
    )
  const compiled = _dict<_Compiled>()
  if (definition !== undefined) _set(compiled, '', _compile(fn, 'options.definition', definition))
  if (definitions !== undefined) {
    if (definitions === null || typeof definitions !== 'object' || Array.isArray(definitions))
      throw _typeError(fn, 'options.definitions', 'an object of definitions by segment', definitions)
    for (const segment of Object.keys(definitions))
      _set(compiled, segment, _compile(fn, `options.definitions.${segment}`, definitions[segment]))
  }
  return compiled
}

/** The portfolio of scored accounts: an account's first row counts, the others are duplicates. */
function _portfolio(compiled: Record<string, _Compiled>, state: HealthScoreState): HealthPortfolio {
  const excluded = { ...state.excluded, duplicate: 0 }
  const unscored = { noData: 0, lowCoverage: 0 }
  const first = _get(compiled, '') ?? (_get(compiled, Object.keys(compiled)[0] as string) as _Compiled)
  const bandIds = first.definition.bands.map((b) => b.id)
  const bandCount = bandIds.map(() => 0)
  // Per-measure counts, by measure id, in the order the definitions name them.
  const byId = new Map<string, Tally>()
  for (const key of Object.keys(compiled))
    for (const m of (_get(compiled, key) as _Compiled).measures)
      if (!byId.has(m.id)) byId.set(m.id, { present: 0, missing: 0, invalid: 0, total: 0 })
  const seen = new Set<string>()
  const rows: HealthAccountScore[] = []
  let sum = 0
  let n = 0
  for (const row of state.accounts) {
    if (seen.has(row.accountId)) {
      excluded.duplicate++
      continue
    }
    seen.add(row.accountId)
    rows.push(row)
    for (const m of row.measures) {
      const t = byId.get(m.id) as Tally
      if (m.status === 'present') {
        t.present++
        t.total += m.score as number
      } else if (m.status === 'missing') t.missing++
      else t.invalid++
    }
    if (row.value === null) {
      if (row.reason === 'low-coverage') unscored.lowCoverage++
      else unscored.noData++
    } else {
      sum += row.value
      n++
      const b = bandIds.indexOf(row.band as string)
      if (b >= 0) bandCount[b] = (bandCount[b] as number) + 1
    }
  }
  const bands = bandIds.map((id, b) => {
    const count = bandCount[b] as number
    return { id, count, share: n === 0 ? 0 : count / n }
  })
  const measures = [...byId].map(([id, { present, missing, invalid, total }]): HealthMeasureSummary => {
    return { id, present, missing, invalid, meanScore: present === 0 ? null : total / present }
  })
  const variant: { [segment: string]: string } = {}
  for (const key of Object.keys(compiled)) {
    const d = (_get(compiled, key) as _Compiled).definition
    _set(variant, key, d.version === '' ? d.id : `${d.id}@${d.version}`)
  }
  return {
    kind: 'health',
    kpi: 'healthScore',
    value: n === 0 ? null : sum / n,
    reason: n > 0 ? null : state.items === 0 ? 'no-data' : 'all-excluded',
    variant,
    n,
    excluded,
    unscored,
    bands,
    measures,
    accounts: rows,
  }
}

/**
 * The state of {@link healthScoreAggregator}: the accounts of the snapshot, in the order they came.
 * @category Health
 */
export interface HealthScoreState {
  /** Each account scored, in the order they came (a second row of an account is dropped in `result`). */
  accounts: HealthAccountScore[]
  /** Accounts read. */
  items: number
  /** Accounts left out before scoring, by reason (duplicates are counted in `result`). */
  excluded: HealthScoreStateExclusions
}

/**
 * Accounts a {@link HealthScoreState} left out before scoring.
 * @category Health
 */
export type HealthScoreStateExclusions = {
  /** Not an account (`null`). */
  missing: number
  /** No `accountId` or no `values` object. */
  invalid: number
  /** A segment without a definition. */
  unknownSegment: number
}

/**
 * What {@link healthScore} computes, as data: its input, options, unit, range and direction. A score is
 * semi-additive: a definition file scores a snapshot, never a sum over a period.
 * @category Health
 */
export const healthScoreDescriptor: KpiDescriptor = {
  id: 'healthScore',
  title: 'Customer health score',
  category: 'health',
  input: {
    // The portfolio lists accounts in the order they come, and keeps the first row of an account.
    ordered: true,
    kind: 'account',
    fields: {
      accountId: { type: 'string', required: true, doc: 'The account.' },
      values: {
        type: 'object',
        required: true,
        doc: "Each measure's raw value, by measure id (a number, a label, or one of the library's results).",
      },
      segment: {
        type: 'string',
        required: false,
        doc: 'Its segment, which chooses its definition among `definitions`.',
      },
    },
  },
  options: {
    definition: {
      type: 'custom',
      doc: 'The health definition, for every account (or for segments without one in `definitions`).',
      expected: 'a health definition (measures, groups, bands, gates)',
    },
    definitions: {
      type: 'object',
      doc: 'A health definition per segment, chosen by each account’s `segment`.',
    },
  },
  result: {
    kind: 'health',
    unit: 'points',
    measure: 'level',
    bounds: [0, 100],
    better: 'higher',
    components: ['bands', 'measures', 'accounts'],
  },
  periodModel: 'none',
  compute: healthScore,
  aggregator: healthScoreAggregator,
}

/**
 * The aggregator behind {@link healthScore}: it keeps the snapshot's accounts (merging appends them, so
 * a portfolio can be built from parts), and scores them all in `result`. Each account is scored once;
 * a second row for the same account is left out as a duplicate.
 * @category Health
 */
export function healthScoreAggregator(
  options: HealthScoreOptions,
): Aggregator<HealthAccount, HealthScoreState, HealthPortfolio>
export function healthScoreAggregator<T>(
  accessor: (item: T, index: number) => HealthAccount,
  options: HealthScoreOptions,
): Aggregator<T, HealthScoreState, HealthPortfolio>
/* @__NO_SIDE_EFFECTS__ */
export function healthScoreAggregator<T>(
  accessorOrOptions: ((item: T, index: number) => HealthAccount) | HealthScoreOptions,
  maybeOptions?: HealthScoreOptions,
): Aggregator<T, HealthScoreState, HealthPortfolio> {
  const fn = 'healthScore'
  const [accessor, options] = _accessorAndOptions<
    (item: T, index: number) => HealthAccount,
    HealthScoreOptions
  >(fn, accessorOrOptions, maybeOptions)
  const compiled = _compileOptions(fn, options)
  const scratch = new Map<_Compiled, _Scratch>()
  return {
    kpi: fn,
    init: () => ({ accounts: [], items: 0, excluded: { missing: 0, invalid: 0, unknownSegment: 0 } }),
    add: (state, item, index) => {
      state.items++
      const a = accessor === undefined ? (item as unknown as HealthAccount) : accessor(item, index)
      if (a === null || a === undefined) {
        state.excluded.missing++
        return state
      }
      const id = typeof a === 'object' ? a.accountId : undefined
      const values = typeof a === 'object' ? a.values : undefined
      if (
        (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) ||
        values === null ||
        typeof values !== 'object' ||
        Array.isArray(values)
      ) {
        state.excluded.invalid++
        return state
      }
      const segment = typeof a.segment === 'string' ? a.segment : null
      const c = (segment !== null ? _get(compiled, segment) : undefined) ?? _get(compiled, '')
      if (c === undefined) {
        state.excluded.unknownSegment++
        return state
      }
      let space = scratch.get(c)
      if (space === undefined) {
        space = _scratch(c)
        scratch.set(c, space)
      }
      const key = typeof id === 'string' ? id : String(id)
      state.accounts.push(_materialise(c, key, segment, _scoreInto(c, values, space), space))
      return state
    },
    merge: (a, b) => {
      const excluded = { ...a.excluded }
      _mergeCounts(
        excluded as unknown as Record<string, number>,
        b.excluded as unknown as Record<string, number>,
      )
      return { accounts: [...a.accounts, ...b.accounts], items: a.items + b.items, excluded }
    },
    result: (state) => _portfolio(compiled, state),
  }
}
