import { _typeError } from '../core/_assert.ts'
import type { DefinitionProblem } from './_types.ts'

/**
 * A SARIF 2.1.0 log, as code-scanning services read it.
 * @category Definitions
 */
export interface SarifLog {
  /** The SARIF schema. */
  readonly $schema: string
  /** Always `'2.1.0'`. */
  readonly version: '2.1.0'
  /** One run of the validator. */
  readonly runs: readonly unknown[]
}

/**
 * The problems of {@link validateDefinitions} as a SARIF 2.1.0 log, for code-scanning annotations on
 * pull requests (`cx-metrics validate --format sarif`): one result per problem, with its rule, level,
 * message and hint, file, line and column.
 *
 * @example
 * ```ts
 * toSarif([{ rule: 'names/duplicate', severity: 'error', message: 'twice', hint: 'rename', file: 'a.yaml', line: 2, column: 7, definition: 'x' }]).version
 * //=> '2.1.0'
 * ```
 * @category Definitions
 */
export function toSarif(problems: readonly DefinitionProblem[]): SarifLog {
  if (!Array.isArray(problems))
    throw _typeError('toSarif', 'problems', 'an array of definition problems', problems)
  const rules = [...new Set(problems.map((p) => p.rule))].sort()
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cx-metrics',
            informationUri: 'https://www.npmjs.com/package/cx-metrics',
            rules: rules.map((id) => ({
              id,
              shortDescription: { text: id },
              helpUri: `https://www.npmjs.com/package/cx-metrics#${id.replace('/', '-')}`,
            })),
          },
        },
        results: problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: rules.indexOf(p.rule),
          level: p.severity === 'error' ? 'error' : 'warning',
          message: { text: `${p.message}. ${p.hint}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: p.file.replaceAll('\\', '/') },
                region: { startLine: Math.max(1, p.line), startColumn: Math.max(1, p.column) },
              },
            },
          ],
        })),
      },
    ],
  }
}
