// Every KPI's descriptor, by id: what a definition file may name as its `kpi` (with the options its schema
// is generated from), and what display reads a result's unit, scale and direction from.
import type { KpiDescriptor } from '../core/descriptor.ts'
import { acquisitionCostDescriptor } from '../economics/acquisitionCost.ts'
import { rfmSummaryDescriptor } from '../economics/rfmSummary.ts'
import { mentionRepliesDescriptor } from '../feedback/mentionReplies.ts'
import { mentionVolumeDescriptor } from '../feedback/mentionVolume.ts'
import { netSentimentDescriptor } from '../feedback/netSentiment.ts'
import { shareOfVoiceDescriptor } from '../feedback/shareOfVoice.ts'
import { themesDescriptor } from '../feedback/themes.ts'
import { healthScoreDescriptor } from '../health/healthScore.ts'
import { churnRateDescriptor } from '../lifecycle/churnRate.ts'
import { cohortRetentionDescriptor } from '../lifecycle/cohortRetention.ts'
import { growthDescriptor } from '../lifecycle/growth.ts'
import { mrrDescriptor } from '../lifecycle/mrr.ts'
import { mrrMovementsDescriptor } from '../lifecycle/mrrMovements.ts'
import { retentionRateDescriptor } from '../lifecycle/retentionRate.ts'
import { revenueRetentionDescriptor } from '../lifecycle/revenueRetention.ts'
import { survivalDescriptor } from '../lifecycle/survival.ts'
import { firstContactResolutionDescriptor } from '../support/firstContactResolution.ts'
import { firstReplyTimeDescriptor } from '../support/firstReplyTime.ts'
import { resolutionTimeDescriptor } from '../support/resolutionTime.ts'
import { slaAttainmentDescriptor } from '../support/slaAttainment.ts'
import { acsiDescriptor } from '../survey/acsi.ts'
import { cesDescriptor } from '../survey/ces.ts'
import { csatDescriptor } from '../survey/csat.ts'
import { npsDescriptor } from '../survey/nps.ts'
import { responseRateDescriptor } from '../survey/responseRate.ts'

let registry: ReadonlyMap<string, KpiDescriptor> | undefined

/** The descriptors, by KPI id (built on first use, then shared: display looks a KPI up per row). */
export function _descriptors(): ReadonlyMap<string, KpiDescriptor> {
  registry ??= new Map(
    [
      acquisitionCostDescriptor,
      acsiDescriptor,
      cesDescriptor,
      churnRateDescriptor,
      cohortRetentionDescriptor,
      csatDescriptor,
      firstContactResolutionDescriptor,
      firstReplyTimeDescriptor,
      growthDescriptor,
      healthScoreDescriptor,
      mentionRepliesDescriptor,
      mentionVolumeDescriptor,
      mrrDescriptor,
      mrrMovementsDescriptor,
      netSentimentDescriptor,
      npsDescriptor,
      resolutionTimeDescriptor,
      responseRateDescriptor,
      retentionRateDescriptor,
      revenueRetentionDescriptor,
      rfmSummaryDescriptor,
      shareOfVoiceDescriptor,
      slaAttainmentDescriptor,
      survivalDescriptor,
      themesDescriptor,
    ].map((d) => [d.id, d]),
  )
  return registry
}
