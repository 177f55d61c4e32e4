import { z } from "@medusajs/framework/zod"
import { ProgramSettingsPatchSchema } from "../../../modules/affiliate/settings"

export const AdminUpdateProgramSettings = ProgramSettingsPatchSchema
export type AdminUpdateProgramSettingsType = z.infer<typeof AdminUpdateProgramSettings>

export const AdminGetProgramSettingsParams = z.object({}).strict()
