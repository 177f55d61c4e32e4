import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ProgramSettingsPatch } from "../../modules/affiliate/settings"
import type { AuditActor } from "../../types"
import { affiliateService } from "../affiliate-service"
import { actorOr, UNDONE_REASON } from "../audit-actor"

export type UpdateProgramSettingsInput = {
  /** Fields to change; nested groups (`fraud`, `exclude_from_base`) merge field by field. */
  settings: ProgramSettingsPatch
  /** Drop every stored field first, back to the plugin options. */
  reset?: boolean
  /** Who changes them, for the audit log and the row's `updated_by`. */
  actor?: AuditActor
}

export const saveProgramSettingsStepId = "save-affiliate-program-settings"

/**
 * This step saves the settings with a `settings.changed` audit entry, keeping
 * what was stored before; compensation stores that again (logged too).
 */
export const saveProgramSettingsStep = createStep(
  saveProgramSettingsStepId,
  async (input: UpdateProgramSettingsInput & { actor: AuditActor }, { container }) => {
    const service = affiliateService(container)
    const before = await service.getStoredProgramSettings()
    const settings = await service.saveProgramSettings(input.settings, { reset: input.reset, actor: input.actor })
    return new StepResponse(settings, { before, actor: input.actor })
  },
  async (undo, { container }) => {
    if (!undo?.before) {
      return
    }
    await affiliateService(container).saveProgramSettings(undo.before, {
      reset: true,
      actor: undo.actor,
      reason: UNDONE_REASON,
    })
  }
)

export const updateProgramSettingsWorkflowId = "update-affiliate-program-settings"

/**
 * This workflow changes the program settings (G5) stored in the database,
 * which take precedence over the plugin options, and logs what changed. It
 * returns the settings in force afterwards.
 *
 * @example
 * await updateProgramSettingsWorkflow(container).run({
 *   input: {
 *     settings: { hold_days: 14, fraud: { max_conversion_rate: 40 } },
 *     actor: { actor_type: "user", actor_id: "user_123" },
 *   },
 * })
 */
export const updateProgramSettingsWorkflow = createWorkflow(
  updateProgramSettingsWorkflowId,
  (input: UpdateProgramSettingsInput) => {
    const save = transform({ input }, ({ input }) => ({
      ...input,
      actor: actorOr(input.actor, updateProgramSettingsWorkflowId),
    }))
    const settings = saveProgramSettingsStep(save)
    return new WorkflowResponse(settings)
  }
)
