// `cx-metrics/definitions`: metric definitions as files — the schema generated from the KPI descriptors,
// validation in stages with positions and rule ids, fixtures, running a definition over rows, SARIF.
export type {
  ColumnMapping,
  ColumnsMapping,
  DefinitionCalendar,
  DefinitionFile,
  DefinitionFilter,
  DefinitionFixture,
  DefinitionProblem,
  DefinitionReport,
  DefinitionSeverity,
  DefinitionTime,
  FixtureExpectation,
  MetricDefinition,
  SharedObjects,
} from './_types.ts'
export { definitionJsonSchema } from './definitionJsonSchema.ts'
export { type DefinitionChange, diffDefinitions, type FixtureValues } from './diffDefinitions.ts'
export { type DefinitionProvenance, type DefinitionResult, runDefinition } from './runDefinition.ts'
export { type SarifLog, toSarif } from './toSarif.ts'
export { type ValidateDefinitionsOptions, validateDefinitions } from './validateDefinitions.ts'
