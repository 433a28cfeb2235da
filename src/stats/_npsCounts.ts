import { _number, _typeError } from '../core/_assert.ts'

/**
 * Counts of NPS respondents by bucket.
 * @category Statistics
 */
export interface NpsCounts {
  /** Respondents who answered 9 or 10. */
  readonly promoters: number
  /** Respondents who answered 7 or 8. */
  readonly passives: number
  /** Respondents who answered 0 to 6. */
  readonly detractors: number
}

/** Validates NPS counts and returns n. */
export function _npsCounts(fn: string, arg: string, counts: NpsCounts): number {
  if (counts === null || typeof counts !== 'object') {
    throw _typeError(fn, arg, 'an object { promoters, passives, detractors }', counts)
  }
  const promoters = _number(fn, `${arg}.promoters`, counts.promoters, 0)
  const passives = _number(fn, `${arg}.passives`, counts.passives, 0)
  const detractors = _number(fn, `${arg}.detractors`, counts.detractors, 0)
  return promoters + passives + detractors
}

/** Promoter share, detractor share and n of the adjusted-Wald correction (n + 3, 0.75 added to P and D). */
export function _adjustedShares(counts: NpsCounts, n: number): [p: number, d: number, n: number] {
  const adjustedN = n + 3
  return [(counts.promoters + 0.75) / adjustedN, (counts.detractors + 0.75) / adjustedN, adjustedN]
}
