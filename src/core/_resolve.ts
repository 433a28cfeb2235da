// The one option resolver: reads a KPI's option rules (its descriptor's `options`), checks every given
// option against its rule, rejects unknown keys with the closest known one, and fills in defaults.
// Messages keep the library's format: function, argument, expected, got.
import { _rangeError, _typeError } from './_assert.ts'
import { _closest, _knownKeys } from './_keys.ts'
import type { OptionRule } from './descriptor.ts'

/** An option rule as the resolver reads it: a descriptor's rule without its doc (see `_documented`). */
export type _Check = Omit<OptionRule, 'doc' | 'fields' | 'items'> & {
  readonly fields?: _Checks
  readonly items?: _Check
}

/** Option rules as the resolver reads them, by option name. */
export type _Checks = { readonly [name: string]: _Check }

/** The options after resolution: an option with a default is always there. */
export type _Resolved<O, R extends _Checks> = {
  readonly [K in keyof O]-?: K extends keyof R
    ? R[K] extends { readonly default: string | number | boolean | null }
      ? Exclude<O[K], undefined>
      : O[K]
    : O[K]
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Whether `value` is of `type` (for `also`, and the plain types). */
function isOf(type: string, value: unknown): boolean {
  return type === 'object'
    ? isPlainObject(value)
    : type === 'array'
      ? Array.isArray(value)
      : typeof value === type
}

/**
 * Checks one option value against its rule and returns it. Instants and `'custom'` values pass
 * through: the KPI reads them (with `_instantArgument`, a schedule parser…) and names them itself.
 */
export function _checkRule(fn: string, arg: string, rule: _Check, value: unknown): unknown {
  const { type, also, fields, items, values, min = -Infinity, max = Infinity, integer, exclusive } = rule
  if (also !== undefined && isOf(also, value))
    return also === 'object' && fields !== undefined ? _resolve(fn, fields, value, arg) : value
  if (type === 'custom' || type === 'instant') return value
  const x = value as number
  const wrongType = !isOf(values === undefined ? type : 'string', value) || Number.isNaN(x)
  if (
    wrongType ||
    (values !== undefined && !values.includes(value as string)) ||
    (type === 'number' &&
      !(
        Number.isFinite(x) &&
        (integer !== true || Number.isInteger(x)) &&
        (exclusive === true ? x > min && x < max : x >= min && x <= max)
      ))
  ) {
    const near = values === undefined || wrongType ? null : _closest(value as string, values)
    throw (wrongType ? _typeError : _rangeError)(
      fn,
      arg,
      rule.expected ??
        (values !== undefined
          ? `one of ${values.map((v) => `'${v}'`).join(', ')}${near === null ? '' : ` (did you mean '${near}'?)`}`
          : type === 'number'
            ? `${integer === true ? 'an integer' : 'a number'} ${
                max === Infinity
                  ? `of at least ${min}`
                  : `between ${min} and ${max}${exclusive === true ? ' (exclusive)' : ''}`
              }`
            : `${/^[aeio]/.test(type) ? 'an' : 'a'} ${type}`),
      value,
    )
  }
  if (type === 'object' && fields !== undefined) return _resolve(fn, fields, value, arg)
  return items === undefined
    ? value
    : (value as unknown[]).map((v, i) => _checkRule(fn, `${arg}[${i}]`, items, v))
}

/**
 * Resolves `options` against `rules`: `undefined` is `{}`; anything but a plain object is a TypeError;
 * an unknown key is a RangeError naming the closest known one (or the option a user's alias stands
 * for); every given option is checked; every option with a default is filled in.
 */
export function _resolve<O, R extends _Checks>(
  fn: string,
  rules: R,
  options: O | undefined,
  path: string = 'options',
): _Resolved<O, R> {
  if (options === undefined) options = {} as O
  if (!isPlainObject(options)) throw _typeError(fn, path, 'an object or undefined', options)
  const known = Object.keys(rules)
  const hints: Record<string, readonly string[] | undefined> = {}
  for (const key of known) hints[key] = rules[key]?.aliases
  _knownKeys(fn, path, options, known, hints)
  const out: Record<string, unknown> = {}
  for (const key of known) {
    const rule = rules[key] as _Check
    const given = Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined
    // A required field that is missing fails its own check, with its own message.
    if (given !== undefined || rule.required === true)
      out[key] = _checkRule(fn, `${path}.${key}`, rule, given)
    else if (rule.default !== undefined) out[key] = rule.default
  }
  return out as _Resolved<O, R>
}
