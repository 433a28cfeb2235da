// Option rules that many KPIs share, written once. Each is a plain literal that a KPI's descriptor
// refers to by name.

import type { _Docs } from './_documented.ts'
import type { _Check } from './_resolve.ts'

/** A rule with a default, so that the resolved option is always there. */
export type _Defaulted<T extends string | number | boolean | null = string | number | boolean | null> =
  _Check & {
    readonly default: T
  }

export const _LEVEL: _Defaulted<number> = {
  type: 'number',
  min: 0,
  max: 1,
  exclusive: true,
  default: 0.95,
  expected: 'a number between 0 and 1 (exclusive), e.g. 0.95',
}

export const _ON_INVALID: _Defaulted<'exclude' | 'throw'> = {
  type: 'enum',
  values: ['exclude', 'throw'],
  default: 'exclude',
  variant: false,
}

export const _MIN_N: _Defaulted<number> = {
  type: 'number',
  integer: true,
  min: 0,
  default: 0,
}

export const _AS_OF: _Check = {
  type: 'instant',
}

export const _INPUT_TIME_ZONE: _Check = {
  type: 'string',
  expected: "an IANA time zone such as 'America/Sao_Paulo'",
}

export const _DISAMBIGUATION: _Defaulted<'reject' | 'compatible' | 'earlier' | 'later'> = {
  type: 'enum',
  values: ['reject', 'compatible', 'earlier', 'later'],
  default: 'reject',
}

/** One line on each shared option, for the descriptors (kept apart from the rules, which bundles carry). */
export const _DOCS: _Docs = {
  level: 'Confidence level of the interval.',
  onInvalid: 'What to do with an invalid observation: count it in `excluded`, or throw a KpiError.',
  minN: 'Below this many observations `value` is null (reason `low-sample`); 0 turns it off.',
  asOf: '"Now": what is known at this instant; what is not known yet then is excluded as `pending`.',
  inputTimeZone:
    'The zone in which to read timestamps written without an offset; without it they are invalid.',
  disambiguation:
    'A local time that a DST change skips or repeats: invalid, or the compatible, earlier or later instant.',
}
