import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ReferralEvidence } from "../../referrals/utils/resolve-referral"
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
 * where a rule pays one. Repeating it for the same customer returns the first
 * lead and writes nothing.
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

  const createdId = when({ validated }, ({ validated }) => !validated.existing_id).then(() =>
    recordLeadStep(validated)
  )
  const result = transform({ validated, createdId }, ({ validated, createdId }) => ({
    lead_id: (validated.existing_id ?? createdId) as string,
    created: !validated.existing_id,
  }))
  return new WorkflowResponse(result)
})
