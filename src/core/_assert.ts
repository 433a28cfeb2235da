import { _knownKeys } from './_keys.ts'

// Argument checks shared by every public function. Each failure names the function, the argument,
// what was expected and what was got, in one sentence:
//   nps expected `options.confidence` to be a number between 0 and 1, got `95`

/** Renders a received value for an error message. */
export function _show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'function') return 'a function'
  if (Array.isArray(value)) return 'an array'
  if (value instanceof Date) return `Date(${value.getTime()})`
  if (value !== null && typeof value === 'object') return 'an object'
  return String(value)
}

function message(fn: string, arg: string, expected: string, got: unknown): string {
  return `${fn} expected \`${arg}\` to be ${expected}, got \`${_show(got)}\``
}

/** A TypeError in the library's message format. */
export function _typeError(fn: string, arg: string, expected: string, got: unknown): TypeError {
  return new TypeError(message(fn, arg, expected, got))
}

/** A RangeError in the library's message format. */
export function _rangeError(fn: string, arg: string, expected: string, got: unknown): RangeError {
  return new RangeError(message(fn, arg, expected, got))
}

/**
 * Checks that `options` is undefined or a plain object and returns it as an object. With `known`, a key
 * that is not one of them is a RangeError naming the closest known key.
 */
export function _options<T extends object>(
  fn: string,
  options: T | undefined,
  known?: readonly string[],
): Partial<T> {
  if (options === undefined) return {}
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw _typeError(fn, 'options', 'an object or undefined', options)
  }
  if (known !== undefined) _knownKeys(fn, 'options', options, known)
  return options
}

/** Checks an optional accessor. */
export function _accessor(fn: string, value: unknown, arg: string = 'accessor'): void {
  if (value !== undefined && typeof value !== 'function') {
    throw _typeError(fn, arg, 'a function or undefined', value)
  }
}

/** Checks that a value is a function. */
export function _function(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'function') throw _typeError(fn, arg, 'a function', value)
}

/** Checks a finite number within [min, max] (bounds optional). */
export function _number(
  fn: string,
  arg: string,
  value: unknown,
  min: number = Number.NEGATIVE_INFINITY,
  max: number = Number.POSITIVE_INFINITY,
): number {
  const expected =
    min === Number.NEGATIVE_INFINITY && max === Number.POSITIVE_INFINITY
      ? 'a finite number'
      : max === Number.POSITIVE_INFINITY
        ? `a number of at least ${min}`
        : min === Number.NEGATIVE_INFINITY
          ? `a number of at most ${max}`
          : `a number between ${min} and ${max}`
  if (typeof value !== 'number' || Number.isNaN(value)) throw _typeError(fn, arg, expected, value)
  if (!Number.isFinite(value) || value < min || value > max) throw _rangeError(fn, arg, expected, value)
  return value
}

/** Checks an integer within [min, max]. */
export function _integer(
  fn: string,
  arg: string,
  value: unknown,
  min: number = Number.MIN_SAFE_INTEGER,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const expected =
    max === Number.MAX_SAFE_INTEGER ? `an integer of at least ${min}` : `an integer between ${min} and ${max}`
  if (typeof value !== 'number' || Number.isNaN(value)) throw _typeError(fn, arg, expected, value)
  if (!Number.isInteger(value) || value < min || value > max) throw _rangeError(fn, arg, expected, value)
  return value
}

/** Checks a boolean. */
export function _boolean(fn: string, arg: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw _typeError(fn, arg, 'true or false', value)
  return value
}

/** Checks a confidence level strictly between 0 and 1. */
export function _level(fn: string, value: unknown, arg: string = 'options.level'): number {
  const expected = 'a number between 0 and 1 (exclusive), e.g. 0.95'
  if (typeof value !== 'number' || Number.isNaN(value)) throw _typeError(fn, arg, expected, value)
  if (!(value > 0 && value < 1)) throw _rangeError(fn, arg, expected, value)
  return value
}

/** Checks that a value is one of the allowed strings. */
export function _oneOf<const T extends string>(
  fn: string,
  arg: string,
  value: unknown,
  allowed: readonly T[],
): T {
  const expected = `one of ${allowed.map((a) => `'${a}'`).join(', ')}`
  if (typeof value !== 'string') throw _typeError(fn, arg, expected, value)
  if (!(allowed as readonly string[]).includes(value)) throw _rangeError(fn, arg, expected, value)
  return value as T
}

/**
 * Runs `make`, which checks a value that `fn` passed on as `arg` to `inner` (where it is `innerArg`),
 * and rethrows its argument errors in `fn`'s name: "themes expected `options.codeFrame.id` …" rather
 * than "codeFrame expected `definition.id` …".
 */
export function _within<R>(fn: string, arg: string, inner: string, innerArg: string, make: () => R): R {
  try {
    return make()
  } catch (e) {
    const prefix = `${inner} expected \`${innerArg}`
    if ((e instanceof TypeError || e instanceof RangeError) && e.message.startsWith(prefix)) {
      const message = `${fn} expected \`${arg}${e.message.slice(prefix.length)}`.replaceAll(
        `${inner} expected \`${innerArg}`,
        `${fn} expected \`${arg}`,
      )
      throw e instanceof TypeError ? new TypeError(message) : new RangeError(message)
    }
    throw e
  }
}
