import { _typeError } from './_assert.ts'
import { type DateInput, parseInstant } from './parseInstant.ts'

/** Reads a date option or argument as an instant, or throws a TypeError naming it. */
export function _instantArgument(fn: string, arg: string, value: DateInput): number {
  const t = parseInstant(value)
  if (t === null)
    throw _typeError(
      fn,
      arg,
      'a Date, epoch milliseconds or an ISO 8601 string with an offset, from 1900 to 2199',
      value,
    )
  return t
}
