import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createReferralLinkStep,
  CreateReferralLinkInput,
  deleteReferralLinkStep,
  updateReferralLinkStep,
  UpdateReferralLinkInput,
  validateReferralLinkStep,
} from "./steps"

/**
 * This workflow creates a redirect link (`/r/CODE[/SUBID]`) for an affiliate:
 * one of their channels, with a target page on the store and UTM tags.
 */
export const createReferralLinkWorkflow = createWorkflow(
  "create-referral-link",
  (input: CreateReferralLinkInput) => {
    const checked = validateReferralLinkStep(input)
    const data = transform({ input, checked }, ({ input, checked }) => ({ ...input, ...checked }))
    return new WorkflowResponse(createReferralLinkStep(data))
  }
)

/**
 * This workflow changes a link. With `affiliate_id`, only that affiliate's
 * link can be changed (the portal passes its own).
 */
export const updateReferralLinkWorkflow = createWorkflow(
  "update-referral-link",
  (input: UpdateReferralLinkInput & { affiliate_id?: string }) => {
    validateReferralLinkStep(input)
    const fields = transform({ input }, ({ input }) => {
      const { affiliate_id: _affiliate, ...fields } = input
      return fields
    })
    return new WorkflowResponse(updateReferralLinkStep(fields))
  }
)

/** This workflow deletes a link; its clicks and report figures stay. */
export const deleteReferralLinkWorkflow = createWorkflow(
  "delete-referral-link",
  (input: { id: string; affiliate_id?: string }) => {
    validateReferralLinkStep(input)
    return new WorkflowResponse(deleteReferralLinkStep(input))
  }
)
