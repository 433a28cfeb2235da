// Checking plain-data definitions (health definitions, code frames): every problem is collected and
// named in one error.
import { _show } from './_assert.ts'

/** Problems found in a definition: where, what was expected there, what was there. */
export type _Problems = [path: string, expected: string, got: unknown][]

/**
 * Throws one error naming every problem: a TypeError when each is a wrong type ("a …", "an …"),
 * a RangeError otherwise.
 */
export function _throwProblems(fn: string, problems: _Problems): never {
  const lines = problems.map(
    ([path, expected, got]) => `${fn} expected \`${path}\` to be ${expected}, got \`${_show(got)}\``,
  )
  const message =
    lines.length === 1
      ? (lines[0] as string)
      : `${lines[0] as string} (and ${lines.length - 1} more problem${lines.length > 2 ? 's' : ''}:\n- ${lines.slice(1).join('\n- ')})`
  const typeOnly = problems.every(([, expected]) => /^an? /.test(expected))
  throw typeOnly ? new TypeError(message) : new RangeError(message)
}

/** Adds a problem for each key of `o` that is not one of `known`. */
export function _unknownKeys(
  path: string,
  o: Record<string, unknown>,
  known: readonly string[],
  problems: _Problems,
): void {
  for (const k of Object.keys(o))
    if (!known.includes(k)) problems.push([path, `only the keys ${known.join(', ')}`, k])
}
