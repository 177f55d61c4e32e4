import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AuditActor, CreateCreativeInput, RecordSnapshot } from "../../../types"
import { actorOr } from "../../audit-actor"
import { createCreativesStep } from "../steps/create-creatives"
import { deleteCreativesStep } from "../steps/delete-creatives"
import { updateCreativesStep } from "../steps/update-creatives"
import { validateCreativeTargetsStep } from "../steps/validate-creative-targets"

export const createCreativesWorkflowId = "create-creatives"

/**
 * This workflow creates creatives (banners, text links, HTML snippets) after
 * checking their product and landing page, and logs each in the audit log.
 *
 * @example
 * await createCreativesWorkflow(container).run({
 *   input: { creatives: [{ type: "text_link", name: "Spring", link_text: "Shop spring" }] },
 * })
 */
export const createCreativesWorkflow = createWorkflow(
  createCreativesWorkflowId,
  (input: { creatives: CreateCreativeInput[]; actor?: AuditActor }) => {
    validateCreativeTargetsStep(input.creatives)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, createCreativesWorkflowId))
    return new WorkflowResponse(createCreativesStep({ creatives: input.creatives, actor }))
  }
)

export const updateCreativesWorkflowId = "update-creatives"

/** This workflow changes creatives and logs what changed. */
export const updateCreativesWorkflow = createWorkflow(
  updateCreativesWorkflowId,
  (input: { creatives: (RecordSnapshot & Partial<CreateCreativeInput>)[]; actor?: AuditActor }) => {
    validateCreativeTargetsStep(input.creatives)
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, updateCreativesWorkflowId))
    return new WorkflowResponse(updateCreativesStep({ creatives: input.creatives, actor }))
  }
)

export const deleteCreativesWorkflowId = "delete-creatives"

/** This workflow deletes creatives (softly) and logs each with what it was. */
export const deleteCreativesWorkflow = createWorkflow(
  deleteCreativesWorkflowId,
  (input: { ids: string[]; actor?: AuditActor }) => {
    const actor = transform({ input }, ({ input }) => actorOr(input.actor, deleteCreativesWorkflowId))
    return new WorkflowResponse(deleteCreativesStep({ ids: input.ids, actor }))
  }
)
