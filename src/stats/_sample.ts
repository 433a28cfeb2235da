import { _number, _typeError } from '../core/_assert.ts'

/**
 * A count of successes out of trials.
 * @category Statistics
 */
export interface ProportionSample {
  /** Successes (satisfied responses, tickets resolved at first contact, …). */
  readonly successes: number
  /** Trials (responses, resolved tickets, …). */
  readonly trials: number
}

/** Validates a proportion sample. */
export function _proportionSample(fn: string, arg: string, sample: ProportionSample): void {
  if (sample === null || typeof sample !== 'object') {
    throw _typeError(fn, arg, 'an object { successes, trials }', sample)
  }
  _number(fn, `${arg}.trials`, sample.trials, 0)
  _number(fn, `${arg}.successes`, sample.successes, 0, sample.trials)
}
