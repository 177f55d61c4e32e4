import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { PayoutDetails } from "../../../modules/affiliate/payout-details/types"
import { AffiliateEvents, type AuditActor } from "../../../types"
import { actorOr } from "../../audit-actor"
import { createAffiliatesStep, CreateAffiliateInput } from "../steps/create-affiliates"
import { createReferralCodesStep } from "../steps/create-referral-codes"
import { savePayoutDetailsStep } from "../steps/save-payout-details"
import { validateParentAffiliatesStep } from "../steps/validate-parent-affiliate"

export const createAffiliatesWorkflowId = "create-affiliates"

export type CreateAffiliateWithExtrasInput = CreateAffiliateInput & {
  /** A first referral code, created with the affiliate (a taken code creates neither). */
  code?: string
  /** Payout details (B6), validated by the caller, saved and audited masked. */
  payout_details?: PayoutDetails
}

/**
 * This workflow creates affiliates, after checking their parent affiliates
 * exist, each optionally with a first referral code and payout details; logs
 * each in the audit log and emits `affiliate.created` for each once the
 * workflow has succeeded. If a code is taken, no affiliate is left behind.
 *
 * @example
 * const { result } = await createAffiliatesWorkflow(container).run({
 *   input: {
 *     affiliates: [{ name: "Ada", email: "ada@example.com", status: "active", code: "ADA10" }],
 *     actor: { actor_type: "user", actor_id: "user_123" },
 *   },
 * })
 */
export const createAffiliatesWorkflow = createWorkflow(
  createAffiliatesWorkflowId,
  (input: { affiliates: CreateAffiliateWithExtrasInput[]; actor?: AuditActor }) => {
    validateParentAffiliatesStep(input.affiliates)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, createAffiliatesWorkflowId))
    const profiles = transform({ input }, ({ input }) =>
      input.affiliates.map(({ code: _code, payout_details: _details, ...profile }) => profile)
    )
    const affiliates = createAffiliatesStep({ affiliates: profiles, actor })

    const extras = transform({ input, affiliates }, ({ input, affiliates }) => ({
      codes: input.affiliates.flatMap((row, i) => (row.code ? [{ affiliate_id: affiliates[i].id as string, code: row.code }] : [])),
      details: input.affiliates.flatMap((row, i) =>
        row.payout_details ? [{ affiliate_id: affiliates[i].id as string, details: row.payout_details }] : []
      ),
    }))
    when({ extras }, ({ extras }) => extras.details.length > 0).then(() => {
      savePayoutDetailsStep({ details: extras.details, actor })
    })
    when({ extras }, ({ extras }) => extras.codes.length > 0).then(() => {
      createReferralCodesStep(extras.codes)
    })

    emitEventStep({
      eventName: AffiliateEvents.AFFILIATE_CREATED,
      data: transform({ affiliates }, ({ affiliates }) => affiliates.map((affiliate) => ({ id: affiliate.id }))),
    })
    return new WorkflowResponse(affiliates)
  }
)
