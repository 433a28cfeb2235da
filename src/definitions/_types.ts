/**
 * A definition file: its path (as problems name it) and its text, YAML or JSON.
 * @category Definitions
 */
export interface DefinitionFile {
  /** The path, relative to where the command runs. */
  readonly path: string
  /** The file's text. */
  readonly text: string
}

/**
 * How bad a problem is: an error fails validation, a warning does not.
 * @category Definitions
 */
export type DefinitionSeverity = 'error' | 'warning'

/**
 * A problem in a definition file, where it is, its stable rule id and how to fix it.
 * @category Definitions
 */
export interface DefinitionProblem {
  /** The stable rule id, e.g. `schema/unknown-key` (docs/definitions.md lists them all). */
  readonly rule: string
  /** Error or warning. */
  readonly severity: DefinitionSeverity
  /** What is wrong. */
  readonly message: string
  /** How to fix it. */
  readonly hint: string
  /** The file. */
  readonly file: string
  /** Its line, 1-based. */
  readonly line: number
  /** Its column, 1-based. */
  readonly column: number
  /** The definition it is in, when known. */
  readonly definition: string | null
}

/**
 * Where a column of the dataset goes: the KPI field it fills.
 * @category Definitions
 */
export interface ColumnMapping {
  /** The dataset column. */
  readonly column: string
  /** Its type in the data. */
  readonly type?: string
  /** The IANA zone of its wall-clock timestamps, when they are written without an offset. */
  readonly zone?: string
  /** The date-fns format of its timestamps when they are not ISO 8601 (`MM/dd/yyyy hh:mm:ss a`). */
  readonly format?: string
}

/**
 * Where an object field of the KPI comes from when its keys are columns of their own: a health
 * score's `values`, each measure's raw value in its own column.
 * @category Definitions
 */
export interface ColumnsMapping {
  /** The column of each key of the object. */
  readonly columns: Readonly<Record<string, string>>
  /** The type of those columns in the data. */
  readonly type?: string
}

/**
 * A predicate on rows: a comparison, `in`, or `and` / `or` / `not` of predicates.
 * @category Definitions
 */
export type DefinitionFilter =
  | {
      /** The column compared. */
      readonly column: string
      /** The comparison. */
      readonly op: '==' | '!=' | '<' | '<=' | '>' | '>='
      /** What it is compared with. */
      readonly value: string | number | boolean | null
    }
  | {
      /** The column. */
      readonly column: string
      /** The values it may take. */
      readonly in: readonly (string | number | boolean | null)[]
    }
  | {
      /** Predicates that must all hold. */
      readonly and: readonly DefinitionFilter[]
    }
  | {
      /** Predicates of which one must hold. */
      readonly or: readonly DefinitionFilter[]
    }
  | {
      /** A predicate that must not hold. */
      readonly not: DefinitionFilter
    }

/**
 * How a definition windows its KPI by period.
 * @category Definitions
 */
export interface DefinitionTime {
  /** The column whose instant puts a row in a period. */
  readonly column: string
  /** The zone the column is written in, when its timestamps have no offset. */
  readonly zone?: string
  /** The date-fns format of the column, when it is not ISO 8601. */
  readonly format?: string
  /** The period unit (or `trailingDays`). */
  readonly unit?: string
  /** Trailing windows of this many days, ending at `asOf`. */
  readonly trailingDays?: number
  /** How many trailing windows. */
  readonly count?: number
  /** Where the latest trailing window ends. */
  readonly asOf?: string | number
  /** The zone periods are cut in. */
  readonly timeZone?: string
  /** 0 Sunday … 6 Saturday. */
  readonly weekStartsOn?: number
  /** The first month of the fiscal year, 1–12. */
  readonly fiscalYearStartMonth?: number
  /** The periods to report. */
  readonly range?: { readonly from: string | number; readonly to: string | number }
  /** What an empty period gives: its null result (the default), or nothing. */
  readonly empty?: 'null' | 'omit'
  /** Compare each period with the one before. */
  readonly compare?: 'previous'
}

/**
 * A fixture: input rows and the result they must give.
 * @category Definitions
 */
export interface DefinitionFixture {
  /** What it shows. */
  readonly name: string
  /** The rows, by column. */
  readonly rows: readonly Readonly<Record<string, unknown>>[]
  /** The expected result. */
  readonly expect: FixtureExpectation
}

/**
 * What a fixture expects.
 * @category Definitions
 */
export interface FixtureExpectation {
  /** The value (`null` for none). */
  readonly value?: number | null
  /** The number of observations. */
  readonly n?: number
  /** The reason of a null value. */
  readonly reason?: string
  /** Absolute tolerance of the values (default 1e-9). */
  readonly tolerance?: number
  /** Values by period key, for a windowed definition. */
  readonly periods?: Readonly<Record<string, number | null>>
  /** Values by key, for a definition with dimensions. */
  readonly segments?: Readonly<Record<string, number | null>>
  /** Values of the trailing windows, earliest first. */
  readonly windows?: readonly (number | null)[]
  /** Mentions by theme id, for a themes definition. */
  readonly themes?: Readonly<Record<string, number>>
  /** Accounts by band id, for a health score definition. */
  readonly bands?: Readonly<Record<string, number>>
}

/**
 * A checked metric definition, with `extends` resolved.
 * @category Definitions
 */
export interface MetricDefinition {
  /** Its unique name. */
  readonly name: string
  /** The KPI it computes. */
  readonly kpi: string
  /** A human title. */
  readonly label?: string
  /** What the number means. */
  readonly description?: string
  /** Its lifecycle status. */
  readonly status?: 'draft' | 'certified' | 'deprecated'
  /** Its version. */
  readonly version?: string | number
  /** The KPI's options, as written (shared objects by name). */
  readonly options?: Readonly<Record<string, unknown>>
  /** The input: dataset and column mapping. */
  readonly input?: {
    readonly dataset: string
    readonly fields: Readonly<Record<string, ColumnMapping | ColumnsMapping>>
  }
  /** Rows kept in the numerator of a ratio KPI only (the denominator keeps every row `filters` keeps). */
  readonly numerator?: readonly DefinitionFilter[]
  /** Rows kept. */
  readonly filters?: readonly DefinitionFilter[]
  /** The period windowing. */
  readonly time?: DefinitionTime
  /** Columns to break down by. */
  readonly dimensions?: readonly string[]
  /** The shared calendar it takes its zone, week start and fiscal year from. */
  readonly calendar?: string
  /** Fixtures. */
  readonly fixtures?: readonly DefinitionFixture[]
  /** The file it was read from. */
  readonly file: string
  /** A content hash of the definition as resolved (hex), for provenance. */
  readonly hash: string
}

/**
 * The shared objects of a set of definitions, by name.
 * @category Definitions
 */
export interface SharedObjects {
  /** Datasets and their columns. */
  readonly datasets: ReadonlyMap<
    string,
    {
      readonly columns: Readonly<Record<string, { readonly type?: string }>>
      readonly headerRows?: number
      /** The warehouse table it lives in, for `cx-metrics run --warehouse`. */
      readonly table?: string
    }
  >
  /** Business-hours schedules, checked with businessHours. */
  readonly schedules: ReadonlyMap<string, unknown>
  /** Code frames, checked with codeFrame. */
  readonly codeFrames: ReadonlyMap<string, unknown>
  /** Health definitions, checked with healthDefinition (their shared bands resolved). */
  readonly healthDefinitions: ReadonlyMap<string, unknown>
  /** Score bands, by name. */
  readonly bands: ReadonlyMap<string, unknown>
  /** Calendars, by name. */
  readonly calendars: ReadonlyMap<string, DefinitionCalendar>
}

/**
 * A shared calendar: the zone, week start and fiscal year a metric takes with `calendar: name`.
 * @category Definitions
 */
export interface DefinitionCalendar {
  /** The IANA zone periods are cut in. */
  readonly timeZone?: string
  /** 0 Sunday … 6 Saturday. */
  readonly weekStartsOn?: number
  /** The first month of the fiscal year, 1–12. */
  readonly fiscalYearStartMonth?: number
}

/**
 * What validating a set of definition files found.
 * @category Definitions
 */
export interface DefinitionReport {
  /** The files read. */
  readonly files: number
  /** The metric definitions that passed every stage. */
  readonly metrics: readonly MetricDefinition[]
  /** The shared objects. */
  readonly shared: SharedObjects
  /** Every problem, errors and warnings, in file order. */
  readonly problems: readonly DefinitionProblem[]
}
