/**
 * The reasons a computation can fail on its data (never on its arguments: those throw `TypeError` or
 * `RangeError`).
 *
 * - `invalid-observation`: an observation was invalid and the caller asked for `onInvalid: 'throw'`;
 *   `reason` says which exclusion reason it would have been counted under.
 * - `incompatible-input`: observations that cannot be combined, such as two currencies or two survey scales.
 * - `incompatible-state`: states made by differently configured aggregators were merged.
 * - `model-assumption`: the data breaks an assumption of a statistical model.
 * - `not-converged`: a numerical fit did not converge.
 *
 * @category Core
 */
export type KpiErrorCode =
  | 'invalid-observation'
  | 'incompatible-input'
  | 'incompatible-state'
  | 'model-assumption'
  | 'not-converged'

/**
 * What a `KpiError` carries besides its message.
 * @category Core
 */
export interface KpiErrorDetails {
  /** The KPI that failed, e.g. `'nps'`. */
  readonly kpi: string
  /** Position of the offending observation in its source, when there is one. */
  readonly index?: number
  /** The offending value, when there is one. */
  readonly value?: unknown
  /** The exclusion reason, for `invalid-observation`. */
  readonly reason?: string
}

/**
 * The one error class the library throws for problems with data.
 *
 * @example
 * ```ts
 * try { nps([3, 11], { onInvalid: 'throw' }) } catch (e) { if (isKpiError(e)) e.code } // 'invalid-observation'
 * ```
 * @category Core
 */
export class KpiError extends Error {
  /** Always `'KpiError'`. */
  override readonly name: 'KpiError' = 'KpiError'
  /** What kind of problem this is. */
  readonly code: KpiErrorCode
  /** The KPI that failed. */
  readonly kpi: string
  /** Position of the offending observation, or `null`. */
  readonly index: number | null
  /** The offending value, or `undefined`. */
  readonly value: unknown
  /** The exclusion reason for `invalid-observation`, or `null`. */
  readonly reason: string | null

  constructor(code: KpiErrorCode, message: string, details: KpiErrorDetails) {
    super(message)
    this.code = code
    this.kpi = details.kpi
    this.index = details.index ?? null
    this.value = details.value
    this.reason = details.reason ?? null
  }
}
