// Checks a health definition once and compiles it: every problem is collected and named in one error,
// so that a definition file is fixed in one pass, not one complaint at a time.
import { type _Problems, _throwProblems, _unknownKeys } from '../core/_problems.ts'
import { _checkComparison, _isNumber, type _Normalise, _normaliser } from './_normalise.ts'
import type {
  HealthBand,
  HealthDefinition,
  HealthGate,
  HealthGroup,
  HealthMeasure,
  HealthMissing,
} from './_types.ts'

/** A measure compiled: its normaliser as a function and its place. */
export interface _Measure {
  readonly id: string
  readonly group: number
  readonly weight: number
  readonly missing: HealthMissing
  readonly normalise: _Normalise
}

/** A definition compiled for scoring. */
export interface _Compiled {
  readonly definition: HealthDefinition
  readonly measures: readonly _Measure[]
  /** Group ids, by group index (one group `''` when the definition has none). */
  readonly groupIds: readonly string[]
  /** Group weights, by group index. */
  readonly groupWeights: readonly number[]
  /** The nominal weight of every measure with all present (group share × share within group). */
  readonly nominal: readonly number[]
  /** Each measure's index, by id. */
  readonly index: ReadonlyMap<string, number>
}

const DEFAULT_BANDS: readonly HealthBand[] = [
  { id: 'red', min: 0, max: 40 },
  { id: 'yellow', min: 40, max: 70 },
  { id: 'green', min: 70, max: 100 },
]

const TOP = [
  'kind',
  'id',
  'version',
  'measures',
  'groups',
  'bands',
  'gates',
  'missing',
  'neutralScore',
  'minCoverage',
]
const isNumber = _isNumber
const isObject = (x: unknown): x is Record<string, unknown> =>
  x !== null && typeof x === 'object' && !Array.isArray(x)
const isId = (x: unknown): x is string => typeof x === 'string' && x !== ''
const MISSING = ['exclude', 'zero', 'neutral']

/** Whether a band holds the score `x`. */
export function _inBand(x: number, b: HealthBand): boolean {
  const lowOk = b.minInclusive === false ? x > b.min : x >= b.min
  const highOk = (b.maxInclusive ?? b.max === 100) ? x <= b.max : x < b.max
  return lowOk && highOk
}

/** Checks `input` (the argument `arg` of `fn`) and compiles it; throws naming every problem. */
export function _compile(fn: string, arg: string, input: unknown): _Compiled {
  const problems: _Problems = []
  if (!isObject(input)) _throwProblems(fn, [[arg, 'a health definition { measures, … }', input]])
  _unknownKeys(arg, input, TOP, problems)
  if (input.kind !== undefined && input.kind !== 'health-definition')
    problems.push([`${arg}.kind`, "'health-definition' or absent", input.kind])
  for (const k of ['id', 'version'])
    if (input[k] !== undefined && typeof input[k] !== 'string')
      problems.push([`${arg}.${k}`, 'a string', input[k]])
  const missing = input.missing ?? 'exclude'
  if (!MISSING.includes(missing as string))
    problems.push([`${arg}.missing`, "one of 'exclude', 'zero', 'neutral'", missing])
  const neutralScore = input.neutralScore ?? 50
  if (!isNumber(neutralScore) || neutralScore < 0 || neutralScore > 100)
    problems.push([`${arg}.neutralScore`, 'a score from 0 to 100', neutralScore])
  const minCoverage = input.minCoverage ?? 0
  if (!isNumber(minCoverage) || minCoverage < 0 || minCoverage > 1)
    problems.push([`${arg}.minCoverage`, 'a share from 0 to 1', minCoverage])

  // Groups.
  // No groups, or `[]` (as healthDefinition returns for none): every measure in one implicit group.
  const groupsGiven =
    input.groups !== undefined && !(Array.isArray(input.groups) && input.groups.length === 0)
  const groups: HealthGroup[] = []
  if (groupsGiven && !Array.isArray(input.groups))
    problems.push([`${arg}.groups`, 'an array of { id, weight }', input.groups])
  else if (groupsGiven)
    for (const [i, g] of (input.groups as unknown[]).entries()) {
      const p = `${arg}.groups[${i}]`
      if (!isObject(g)) {
        problems.push([p, 'a group { id, weight }', g])
        continue
      }
      _unknownKeys(p, g, ['id', 'label', 'weight'], problems)
      if (!isId(g.id)) problems.push([`${p}.id`, 'a non-empty string', g.id])
      else if (groups.some((x) => x.id === g.id)) problems.push([`${p}.id`, 'an id no other group has', g.id])
      if (!isNumber(g.weight) || g.weight < 0)
        problems.push([`${p}.weight`, 'a non-negative number', g.weight])
      if (g.label !== undefined && typeof g.label !== 'string')
        problems.push([`${p}.label`, 'a string', g.label])
      groups.push(g as unknown as HealthGroup)
    }
  if (groups.length > 0 && groups.every((g) => g.weight === 0))
    problems.push([`${arg}.groups`, 'groups with a total weight above 0', 'all weights 0'])

  // Measures.
  const measures: _Measure[] = []
  const plain: HealthMeasure[] = []
  if (!Array.isArray(input.measures) || input.measures.length === 0)
    problems.push([`${arg}.measures`, 'a non-empty array of { id, weight, normaliser }', input.measures])
  else
    for (const [i, m] of (input.measures as unknown[]).entries()) {
      const p = `${arg}.measures[${i}]`
      if (!isObject(m)) {
        problems.push([p, 'a measure { id, weight, normaliser }', m])
        continue
      }
      _unknownKeys(p, m, ['id', 'label', 'weight', 'normaliser', 'group', 'missing'], problems)
      if (!isId(m.id)) problems.push([`${p}.id`, 'a non-empty string', m.id])
      else if (plain.some((x) => x.id === m.id))
        problems.push([`${p}.id`, 'an id no other measure has', m.id])
      if (!isNumber(m.weight) || m.weight < 0)
        problems.push([`${p}.weight`, 'a non-negative number', m.weight])
      if (m.label !== undefined && typeof m.label !== 'string')
        problems.push([`${p}.label`, 'a string', m.label])
      if (m.missing !== undefined && !MISSING.includes(m.missing as string))
        problems.push([`${p}.missing`, "one of 'exclude', 'zero', 'neutral'", m.missing])
      let group = 0
      if (groupsGiven) {
        group = groups.findIndex((g) => g.id === m.group)
        if (group < 0)
          problems.push([`${p}.group`, `one of the groups (${groups.map((g) => g.id).join(', ')})`, m.group])
      } else if (m.group !== undefined)
        problems.push([`${p}.group`, 'absent: the definition has no groups', m.group])
      const normalise = _normaliser(`${p}.normaliser`, m.normaliser, problems)
      plain.push(m as unknown as HealthMeasure)
      if (normalise !== null)
        measures.push({
          id: m.id as string,
          group,
          weight: m.weight as number,
          missing: (m.missing ?? missing) as HealthMissing,
          normalise,
        })
    }
  const groupList = groupsGiven ? groups : [{ id: '', weight: 1 }]
  for (let g = 0; g < groupList.length && plain.length > 0; g++) {
    const inGroup = plain.filter((m) => (groupsGiven ? m.group === groupList[g]?.id : true))
    if (inGroup.length === 0)
      problems.push([`${arg}.groups[${g}]`, 'a group with at least one measure', groupList[g]?.id])
    else if (inGroup.every((m) => m.weight === 0) && (groupList[g]?.weight ?? 0) > 0)
      problems.push([
        `${arg}.groups[${g}]`,
        'a group whose measures weigh more than 0',
        groupList[g]?.id ?? '',
      ])
  }

  // Bands: from 0 to 100, no gaps, no overlaps.
  const bands = (input.bands ?? DEFAULT_BANDS) as unknown
  if (!Array.isArray(bands) || bands.length === 0)
    problems.push([`${arg}.bands`, 'a non-empty array of { id, min, max }', bands])
  else {
    const before = problems.length
    for (const [i, b] of (bands as unknown[]).entries()) {
      const p = `${arg}.bands[${i}]`
      if (!isObject(b)) {
        problems.push([p, 'a band { id, min, max }', b])
        continue
      }
      _unknownKeys(p, b, ['id', 'label', 'min', 'max', 'minInclusive', 'maxInclusive'], problems)
      if (!isId(b.id)) problems.push([`${p}.id`, 'a non-empty string', b.id])
      if (!isNumber(b.min) || b.min < 0 || b.min > 100)
        problems.push([`${p}.min`, 'a score from 0 to 100', b.min])
      if (!isNumber(b.max) || b.max < 0 || b.max > 100)
        problems.push([`${p}.max`, 'a score from 0 to 100', b.max])
      else if (isNumber(b.min) && !(b.max > b.min)) problems.push([`${p}.max`, `above min (${b.min})`, b.max])
      for (const k of ['minInclusive', 'maxInclusive'])
        if (b[k] !== undefined && typeof b[k] !== 'boolean') problems.push([`${p}.${k}`, 'a boolean', b[k]])
    }
    if (problems.length === before) {
      const list = bands as HealthBand[]
      const edges = [...new Set([0, 100, ...list.flatMap((b) => [b.min, b.max])])].sort((a, b) => a - b)
      const probes = edges.flatMap((e, i) =>
        i + 1 < edges.length ? [e, (e + (edges[i + 1] as number)) / 2] : [e],
      )
      for (const x of probes) {
        const hits = list.filter((b) => _inBand(x, b))
        if (hits.length !== 1) {
          problems.push([
            `${arg}.bands`,
            'bands covering 0–100 without gaps or overlaps',
            hits.length === 0
              ? `no band holding ${x}`
              : `bands ${hits.map((b) => b.id).join(' and ')} both holding ${x}`,
          ])
          break
        }
      }
    }
  }

  // Gates.
  const gates = (input.gates ?? []) as unknown
  if (!Array.isArray(gates)) problems.push([`${arg}.gates`, 'an array of gates', gates])
  else
    for (const [i, g] of (gates as unknown[]).entries()) {
      const p = `${arg}.gates[${i}]`
      if (!isObject(g)) {
        problems.push([p, 'a gate { id, measure | anyMeasure, when, cap | floor | set }', g])
        continue
      }
      _unknownKeys(p, g, ['id', 'measure', 'anyMeasure', 'on', 'when', 'cap', 'floor', 'set'], problems)
      if (!isId(g.id)) problems.push([`${p}.id`, 'a non-empty string', g.id])
      if ((g.measure === undefined) === (g.anyMeasure !== true))
        problems.push([p, 'a gate with either `measure` or `anyMeasure: true`', g.measure ?? g.anyMeasure])
      if (g.measure !== undefined && !plain.some((m) => m.id === g.measure))
        problems.push([`${p}.measure`, 'one of the measures', g.measure])
      if (g.on !== undefined && g.on !== 'value' && g.on !== 'score')
        problems.push([`${p}.on`, "'value' or 'score'", g.on])
      _checkComparison(`${p}.when`, g.when, problems)
      const effects = ['cap', 'floor', 'set'].filter((k) => g[k] !== undefined)
      if (effects.length !== 1)
        problems.push([p, 'exactly one of cap, floor, set', effects.join(', ') || 'none'])
      for (const k of effects)
        if (!isNumber(g[k]) || (g[k] as number) < 0 || (g[k] as number) > 100)
          problems.push([`${p}.${k}`, 'a score from 0 to 100', g[k]])
    }

  if (problems.length > 0) _throwProblems(fn, problems)

  const groupWeights = groupList.map((g) => g.weight)
  const groupTotal = groupWeights.reduce((s, w) => s + w, 0)
  const withinTotal = groupList.map((_, g) =>
    measures.filter((m) => m.group === g).reduce((s, m) => s + m.weight, 0),
  )
  const nominal = measures.map((m) =>
    (withinTotal[m.group] as number) === 0
      ? 0
      : ((groupWeights[m.group] as number) / groupTotal) * (m.weight / (withinTotal[m.group] as number)),
  )
  const definition: HealthDefinition = {
    kind: 'health-definition',
    id: (input.id as string | undefined) ?? '',
    version: (input.version as string | undefined) ?? '',
    measures: plain,
    groups,
    bands: bands as HealthBand[],
    gates: gates as HealthGate[],
    missing: missing as HealthMissing,
    neutralScore: neutralScore as number,
    minCoverage: minCoverage as number,
  }
  return {
    definition,
    measures,
    groupIds: groupList.map((g) => g.id),
    groupWeights,
    nominal,
    index: new Map(measures.map((m, i) => [m.id, i])),
  }
}
