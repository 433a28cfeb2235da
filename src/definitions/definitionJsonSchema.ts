import * as z from 'zod'
import { _descriptors } from '../catalog/_descriptors.ts'
import { _metricSchema, _sharedSchemas } from './_schema.ts'

/**
 * The JSON Schema (draft 2020-12) of a definition file's document: a metric definition of any KPI
 * (its options typed from the KPI's descriptor) or a shared object (dataset, schedule, code frame,
 * health definition). Editors that read JSON Schema autocomplete and underline with it
 * (`cx-metrics schema > cx-metrics.schema.json`).
 *
 * @example
 * ```ts
 * definitionJsonSchema().$schema //=> 'https://json-schema.org/draft/2020-12/schema'
 * ```
 * @category Definitions
 */
export function definitionJsonSchema(): Record<string, unknown> & { $schema: string } {
  const metrics = [..._descriptors().values()].map(_metricSchema)
  const shared = Object.values(_sharedSchemas())
  const document = z.union([...metrics, ...shared] as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])
  const schema = z.toJSONSchema(document, { unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  > & { $schema: string }
  return { ...schema, title: 'cx-metrics definition' }
}
