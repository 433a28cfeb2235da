// The one option resolver: reads a KPI's option rules (its descriptor's `options`), checks every given
// option against its rule, rejects unknown keys with the closest known one, and fills in defaults.
// Messages keep the library's format: function, argument, expected, got.
import { _rangeError, _typeError } from './_assert.ts'
import { _closest, _knownKeys } from './_keys.ts'
import type { OptionRule, OptionRules } from './descriptor.ts'

/** The options after resolution: an option with a default is always there. */
export type _Resolved<O, R extends OptionRules> = {
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
export function _checkRule(fn: string, arg: string, rule: OptionRule, value: unknown): unknown {
  const { type, also, fields, values, min = -Infinity, max = Infinity, integer, exclusive } = rule
  if (also !== undefined && isOf(also, value))
    return also === 'object' && fields !== undefined ? _resolve(fn, fields, value, arg) : value
  if (type === 'custom' || type === 'instant') return value
  const near = type === 'enum' && typeof value === 'string' ? _closest(value, values as string[]) : null
  const expected =
    rule.expected ??
    (type === 'enum'
      ? `one of ${(values as string[]).map((v) => `'${v}'`).join(', ')}${near === null ? '' : ` (did you mean '${near}'?)`}`
      : type === 'number'
        ? `${integer === true ? 'an integer' : 'a number'}${
            max === Infinity
              ? ` of at least ${min}`
              : ` between ${min} and ${max}${exclusive === true ? ' (exclusive)' : ''}`
          }`
        : type === 'boolean'
          ? 'true or false'
          : `${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}`)
  const kind = type === 'enum' ? 'string' : type
  if (!isOf(kind, value) || (kind === 'number' && Number.isNaN(value)))
    throw _typeError(fn, arg, expected, value)
  const x = value as number
  if (
    (type === 'enum' && !(values as unknown[]).includes(value)) ||
    (kind === 'number' &&
      (!Number.isFinite(x) ||
        (integer === true && !Number.isInteger(x)) ||
        (exclusive === true ? !(x > min && x < max) : !(x >= min && x <= max))))
  )
    throw _rangeError(fn, arg, expected, value)
  if (type === 'object' && fields !== undefined) return _resolve(fn, fields, value, arg)
  const each = rule.items
  return each === undefined
    ? value
    : (value as unknown[]).map((v, i) => _checkRule(fn, `${arg}[${i}]`, each, v))
}

/** The other names users reach for, by option (`businessHours` for `schedule`). */
function hintsOf(rules: OptionRules): Record<string, readonly string[] | undefined> {
  const out: Record<string, readonly string[] | undefined> = {}
  for (const key in rules) out[key] = rules[key]?.aliases
  return out
}

/**
 * Resolves `options` against `rules`: `undefined` is `{}`; anything but a plain object is a TypeError;
 * an unknown key is a RangeError naming the closest known one; every given option is checked; every
 * option with a default is filled in.
 */
export function _resolve<O, R extends OptionRules>(
  fn: string,
  rules: R,
  options: O | undefined,
  path: string = 'options',
): _Resolved<O, R> {
  if (options === undefined) options = {} as O
  if (!isPlainObject(options)) throw _typeError(fn, path, 'an object or undefined', options)
  const known = Object.keys(rules)
  _knownKeys(fn, path, options, known, hintsOf(rules))
  const out: Record<string, unknown> = {}
  for (const key of known) {
    const rule = rules[key] as OptionRule
    const given = Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined
    if (given === undefined) {
      if (rule.default !== undefined) out[key] = rule.default
      continue
    }
    out[key] = _checkRule(fn, `${path}.${key}`, rule, given)
  }
  return out as _Resolved<O, R>
}
