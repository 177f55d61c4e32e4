import { model } from "@medusajs/framework/utils"

/**
 * The program settings an admin changed (G5). One row; `settings` holds only
 * the fields set in the admin, and the plugin options supply the rest, so a
 * new option default reaches every store that never touched it.
 */
export const ProgramSettings = model.define(
  { name: "ProgramSettings", tableName: "affiliate_program_settings" },
  {
    id: model.id({ prefix: "afset" }).primaryKey(),
    settings: model.json(),
    updated_by: model.text().nullable(),
  }
)
