// Option docs live apart from the option rules: a KPI's rules are carried by every bundle that imports
// it, their docs only by code that reads the descriptor. `_documented` puts them together for the
// descriptor, which calls it under a pure annotation so that an unused descriptor drops both.
import type { _Check, _Checks } from './_resolve.ts'
import type { OptionRule, OptionRules } from './descriptor.ts'

/** One line on each option, by path: `'buckets'`, `'buckets.min'` for a field, `'weights[]'` for an element. */
export type _Docs = { readonly [path: string]: string }

function lookup(path: string, sets: readonly _Docs[]): string {
  let doc = ''
  for (const set of sets) if (Object.hasOwn(set, path)) doc = set[path] as string
  return doc
}

function documented(rule: _Check, path: string, sets: readonly _Docs[]): OptionRule {
  const { fields, items } = rule
  const out: OptionRule = { ...rule, doc: lookup(path, sets) } as OptionRule
  return fields === undefined && items === undefined
    ? out
    : {
        ...out,
        ...(fields === undefined ? {} : { fields: documentedAll(fields, `${path}.`, sets) }),
        ...(items === undefined ? {} : { items: documented(items, `${path}[]`, sets) }),
      }
}

function documentedAll(rules: _Checks, prefix: string, sets: readonly _Docs[]): OptionRules {
  return Object.fromEntries(
    Object.entries(rules).map(([key, rule]) => [key, documented(rule, prefix + key, sets)]),
  )
}

/** `rules` with each option's doc from the sets (a later set overrides an earlier one); `''` where none has it. */
export function _documented(rules: _Checks, ...sets: readonly _Docs[]): OptionRules {
  return documentedAll(rules, '', sets)
}
