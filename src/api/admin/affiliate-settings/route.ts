import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { affiliateService } from "../../../workflows/affiliate-service"
import { updateProgramSettingsWorkflow } from "../../../workflows/settings"
import { adminActor } from "../../utils/audit-actor"
import { AdminUpdateProgramSettingsType } from "./validators"

async function settingsResponse(req: AuthenticatedMedusaRequest) {
  const service = affiliateService(req.scope)
  return {
    // What is in force, and which of it an admin set (the rest comes from the plugin options).
    program_settings: await service.getProgramSettings(),
    overrides: await service.getStoredProgramSettings(),
  }
}

/** The program settings in force (G5). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json(await settingsResponse(req))
}

/** Changes some settings; fields not sent keep their value. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateProgramSettingsType>,
  res: MedusaResponse
) => {
  await updateProgramSettingsWorkflow(req.scope).run({
    input: { settings: req.validatedBody, actor: adminActor(req) },
  })
  res.json(await settingsResponse(req))
}

/** Drops every admin change: the plugin options apply again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await updateProgramSettingsWorkflow(req.scope).run({
    input: { settings: {}, reset: true, actor: adminActor(req) },
  })
  res.json(await settingsResponse(req))
}
