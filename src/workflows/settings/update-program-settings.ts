import {
  createStep,
  createWorkflow,
  StepResponse,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { ProgramSettingsPatch } from "../../modules/affiliate/settings"
import { affiliateService } from "../affiliate-service"

export type UpdateProgramSettingsInput = {
  /** Fields to change; nested groups (`fraud`, `exclude_from_base`) merge field by field. */
  settings: ProgramSettingsPatch
  /** Drop every stored field first, back to the plugin options. */
  reset?: boolean
  updated_by?: string | null
}

export const saveProgramSettingsStepId = "save-affiliate-program-settings"

/** This step saves the settings, keeping what was stored before for compensation. */
export const saveProgramSettingsStep = createStep(
  saveProgramSettingsStepId,
  async (input: UpdateProgramSettingsInput, { container }) => {
    const service = affiliateService(container)
    const before = await service.getStoredProgramSettings()
    const settings = await service.saveProgramSettings(input.settings, {
      reset: input.reset,
      updated_by: input.updated_by,
    })
    return new StepResponse(settings, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await affiliateService(container).saveProgramSettings(before, { reset: true })
  }
)

export const updateProgramSettingsWorkflowId = "update-affiliate-program-settings"

/**
 * This workflow changes the program settings (G5) stored in the database,
 * which take precedence over the plugin options. It returns the settings in
 * force afterwards.
 *
 * @example
 * await updateProgramSettingsWorkflow(container).run({
 *   input: { settings: { hold_days: 14, fraud: { max_conversion_rate: 40 } } },
 * })
 */
export const updateProgramSettingsWorkflow = createWorkflow(
  updateProgramSettingsWorkflowId,
  (input: UpdateProgramSettingsInput) => {
    const settings = saveProgramSettingsStep(input)
    return new WorkflowResponse(settings)
  }
)
