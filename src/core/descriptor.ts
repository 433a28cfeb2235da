import type { ResultKind } from './result.ts'

/**
 * One option of a KPI, as data: its type, the values it allows, its default and a one-line doc. The
 * option checker, the documentation table and metric definitions all read these rules, so that an
 * option is described in exactly one place.
 *
 * - `'enum'`: one of `values` (strings);
 * - `'number'`: a finite number within `min`…`max` (bounds inclusive unless `exclusive`), whole when
 *   `integer`;
 * - `'boolean'`, `'string'`, `'function'`;
 * - `'instant'`: a date (`Date`, epoch ms or ISO 8601 string with an offset), which the KPI parses;
 * - `'object'`: a plain object; with `fields`, its keys are checked like options (unknown keys throw);
 * - `'array'`: an array, each element checked by `items` when it is given;
 * - `'custom'`: checked by the KPI itself (schedules, ranges); `expected` says what it takes.
 *
 * `also` lets a value of a second type through (an interval name or a function; a named scale or an
 * object), which the KPI then reads.
 * @category Core
 */
export interface OptionRule {
  /** The kind of value. */
  readonly type:
    | 'enum'
    | 'number'
    | 'boolean'
    | 'string'
    | 'function'
    | 'instant'
    | 'object'
    | 'array'
    | 'custom'
  /** One line on what the option does. */
  readonly doc: string
  /** The default, when there is one (otherwise the option is off until given). */
  readonly default?: string | number | boolean | null
  /** `'enum'`: the allowed values. */
  readonly values?: readonly string[]
  /** `'number'`: the smallest value allowed. */
  readonly min?: number
  /** `'number'`: the largest value allowed. */
  readonly max?: number
  /** `'number'`: the bounds themselves are not allowed. */
  readonly exclusive?: boolean
  /** `'number'`: whole numbers only. */
  readonly integer?: boolean
  /** `'object'`: the rules of its keys. */
  readonly fields?: OptionRules
  /** `'array'`: the rule of each element. */
  readonly items?: OptionRule
  /** A second type the option also takes. */
  readonly also?: 'function' | 'object' | 'string' | 'number' | 'instant' | 'array'
  /** Names users reach for instead of this one, suggested when they use them (`businessHours` → `schedule`). */
  readonly aliases?: readonly string[]
  /** What the option takes, in words, when the type alone does not say it. */
  readonly expected?: string
  /** A field of an object option that must be given (`buckets.min`). */
  readonly required?: true
  /** `false` for an option that does not change the number (`onInvalid`), so that results do not echo it in `variant`. */
  readonly variant?: false
}

/**
 * The option rules of a KPI, by option name.
 * @category Core
 */
export type OptionRules = { readonly [name: string]: OptionRule }

/**
 * One field of the records a KPI reads.
 * @category Core
 */
export interface InputField {
  /** `'score'` (a number or a decimal string), `'instant'`, `'money'` (a number or decimal string), `'string'`, `'number'`, `'boolean'`, `'array'`. */
  readonly type: 'score' | 'instant' | 'money' | 'string' | 'number' | 'boolean' | 'array' | 'object'
  /** Whether a record needs it. */
  readonly required: boolean
  /** What it is. */
  readonly doc: string
}

/**
 * What a KPI's result is. `kind` tells generic code how to walk it: `'result'` is one measurement;
 * `'series'` a list of periods each with a result; `'segments'` results by key; `'windows'` rolling
 * windows; `'combined'` several named results; `'table'` rows and columns (a cohort table, a
 * survival curve); `'figure'` a computed figure without observations (a formula or a fitted model).
 * @category Core
 */

/**
 * What a result is under some options: the fields of a descriptor's `result` that they change.
 * @category Core
 */
export interface ResultCase {
  /** The options (by name, or dotted path into an object option) and the values that select the case. */
  readonly when: { readonly [option: string]: string | number | boolean }
  /** The unit of `value` in this case. */
  readonly unit?: string
  /** The kind of number in this case. */
  readonly measure?: 'nps' | 'proportion' | 'mean' | 'points' | 'level'
  /** The natural bounds in this case. */
  readonly bounds?: readonly [number | null, number | null]
  /** Which direction is good in this case. */
  readonly better?: 'higher' | 'lower'
}

/**
 * How a KPI describes itself: the single source that option checking, documentation, metric
 * definitions, health normalisers and display read. A plain literal beside each KPI
 * (`npsDescriptor` beside `nps`), dropped by bundlers when unused.
 * @category Core
 */
export interface KpiDescriptor {
  /** The KPI's id, as in its results' `kpi`. */
  readonly id: string
  /** A human title. */
  readonly title: string
  /** The area of the library. */
  readonly category:
    | 'survey'
    | 'support'
    | 'lifecycle'
    | 'revenue'
    | 'economics'
    | 'predictive'
    | 'feedback'
    | 'health'
  /** The records it reads (`kind`), and their fields. A KPI over plain numbers has `fields: {}`. */
  readonly input: {
    /** The kind of record (`'score'`, `'ticket'`, `'subscription'`…). */
    readonly kind: string
    /** Its fields, by name; `{}` for a KPI over plain values. */
    readonly fields: { readonly [name: string]: InputField }
    /**
     * `true` where the items are a series whose order is part of the input (`growth` reads values
     * first to last; `healthScore` lists accounts in order and keeps an account's first row). Every
     * other KPI gives the same result for the same items in any order.
     */
    readonly ordered?: true
  }
  /** Its options. */
  readonly options: OptionRules
  /** Its result. */
  readonly result: {
    /** What generic code walks; `'result'` or `'series'` when the options decide (`'period-selection'`). */
    readonly kind: ResultKind | 'result-or-series'
    /**
     * Unit of `value`: `'points'`, `'proportion'`, `'ms'`, `'money'`, `'count'`, `'score'` (the rating
     * scale's points), `'time'` (the unit of the observations' times).
     */
    readonly unit: string
    /** What kind of number it is, which tells `compare` how to compare two (`'nps'`, `'proportion'`, `'mean'`, `'points'`, `'level'`). */
    readonly measure: 'nps' | 'proportion' | 'mean' | 'points' | 'level'
    /** The natural bounds of `value`, lowest and highest; `null` where it is unbounded. */
    readonly bounds: readonly [number | null, number | null]
    /** Which direction is good. */
    readonly better: 'higher' | 'lower'
    /** Its KPI-specific parts. */
    readonly components: readonly string[]
    /**
     * For a ratio of counts (`value = successes / n`): the component that counts its numerator
     * (`'answered'`, `'satisfied'`), which a metric definition's `numerator` filter narrows while the
     * denominator keeps every row.
     */
    readonly numerator?: string
    /**
     * How options change the unit, measure, bounds or direction (CES 1.0 is lower-is-better on 1–5;
     * a CSAT mean is in the scale's points). Each case applies when every option in `when` has that
     * value (a dotted path reaches a field of an object option; `'custom'` matches an object or a
     * function); later cases override earlier ones. {@link describeResult} applies them.
     */
    readonly cases?: readonly ResultCase[]
  }
  /**
   * How it relates to periods: `'bucket'` (each observation has a date; window it with `byPeriod`),
   * `'select'` (it selects periods itself: `period`, `range`, `trailingDays`), `'none'`.
   */
  readonly periodModel: 'bucket' | 'select' | 'none'
  /** The KPI function. */
  // biome-ignore lint/suspicious/noExplicitAny: any KPI's signature
  readonly compute: (...args: any[]) => unknown
  /** The aggregator factory, where the KPI is one. */
  // biome-ignore lint/suspicious/noExplicitAny: any factory's signature
  readonly aggregator: ((...args: any[]) => unknown) | null
}
