import { _compile } from './_compile.ts'
import type { HealthDefinition, HealthDefinitionInput } from './_types.ts'

/**
 * Checks a health definition — measures with weights and normalisers, groups, bands, gates, the
 * missing-data policy — and returns it with every default filled in. Every problem is named in one
 * error (a `TypeError` when all are of type, else a `RangeError`), each as "healthDefinition expected
 * `definition.measures[1].weight` to be a non-negative number, got `-1`", so that a definition file is
 * fixed in one pass. Checked: ids unique and non-empty; weights non-negative with some weight in each
 * group; which direction is good stated in every normaliser that needs one (never guessed); tiers that
 * do not overlap; bands covering 0–100 without gaps or overlaps; gates naming a measure and one effect.
 *
 * {@link healthScore} checks its definition the same way on each call; call this to check one ahead,
 * for instance when a definition file is loaded.
 *
 * Source: spec §14.
 *
 * @example
 * ```ts
 * healthDefinition({
 *   measures: [{ id: 'nps', weight: 1, normaliser: { type: 'linear', min: -100, max: 100, better: 'higher' } }],
 * }).bands.map((b) => b.id) //=> ['red', 'yellow', 'green']
 * ```
 * @category Health
 */
export function healthDefinition(definition: HealthDefinitionInput): HealthDefinition {
  return _compile('healthDefinition', 'definition', definition).definition
}
