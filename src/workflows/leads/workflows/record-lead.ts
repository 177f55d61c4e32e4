import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { AffiliateEvents } from "../../../types/events"
import { ReferralEvidence } from "../../referrals/utils/resolve-referral"
import { priceLeadStep } from "../steps/price-lead"
import { recordLeadStep } from "../steps/record-lead"
import { LeadCustomer, validateLeadStep } from "../steps/validate-lead"

export type RecordLeadInput = ReferralEvidence & {
  customer_id: string
  sales_channel_id?: string | null
}

export const recordLeadWorkflowId = "record-affiliate-lead"

/**
 * This workflow records a sign-up under attribution (C9): a lead for funnel
 * reports, a lifetime binding of the customer, and a per-lead commission
 * where a rule pays one, announced as `affiliate_lead.created` and
 * `affiliate_commission.created`. Repeating it for the same customer returns
 * the first lead and writes (and announces) nothing.
 *
 * @example
 * const { result } = await recordLeadWorkflow(container).run({
 *   input: { customer_id: "cus_123", token: "<attribution token>" },
 * })
 */
export const recordLeadWorkflow = createWorkflow(recordLeadWorkflowId, (input: RecordLeadInput) => {
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "email", "created_at"],
    filters: { id: input.customer_id },
    options: { throwIfKeyNotFound: true },
  })
  const stepInput = transform({ customers, input }, ({ customers, input }) => ({
    customer: customers[0] as unknown as LeadCustomer,
    evidence: { code: input.code, token: input.token },
    sales_channel_id: input.sales_channel_id ?? null,
  }))
  const validated = validateLeadStep(stepInput)

  const recorded = when({ validated }, ({ validated }) => !validated.existing_id).then(() => {
    const recorded = recordLeadStep(priceLeadStep(validated))
    emitEventStep({
      eventName: AffiliateEvents.LEAD_CREATED,
      data: transform({ recorded }, ({ recorded }) =>
        recorded.created ? [{ id: recorded.lead_id, affiliate_id: recorded.affiliate_id }] : []
      ),
    }).config({ name: "emit-lead-created" })
    emitEventStep({
      eventName: AffiliateEvents.COMMISSION_CREATED,
      data: transform({ recorded }, ({ recorded }) => recorded.lines),
    }).config({ name: "emit-lead-commission-created" })
    return recorded
  })
  const result = transform({ validated, recorded }, ({ validated, recorded }) => ({
    lead_id: (validated.existing_id ?? recorded?.lead_id) as string,
    created: !validated.existing_id && !!recorded?.created,
  }))
  return new WorkflowResponse(result)
})
