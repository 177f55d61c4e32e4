/**
 * Saving the program settings with their audit entry, in the caller's
 * transaction. The settings are one row with a fixed id (two first saves can't
 * make two rows) holding what an admin changed, merged over the plugin options.
 */
import { AuditAction, type SaveProgramSettingsOptions } from "../../../types"
import { writeAuditEntries } from "../audit/audit-log"
import { changedFields } from "../audit/changed-fields"
import { publishTerms } from "../accounts/terms"
import type { AffiliateOptions } from "../options"
import {
  invalidSettings,
  mergeSettings,
  ProgramSettings,
  ProgramSettingsPatch,
  ProgramSettingsPatchSchema,
} from "../settings"

type KnexLike = any

export const SETTINGS_ROW_ID = "afset_program"

/**
 * Saves an admin's change over the stored settings (nested groups merge field
 * by field; `reset` drops every stored field first) and returns the settings
 * in force. The entry holds the settings in force that changed, before and
 * after; a save that changes nothing in force writes none.
 */
export async function saveProgramSettingsAudited(
  knex: KnexLike,
  options: AffiliateOptions,
  patch: ProgramSettingsPatch,
  { actor = { actor_type: "system", actor_id: "program-settings" }, reset = false, reason = null }: SaveProgramSettingsOptions
): Promise<ProgramSettings> {
  // Two saves at once would each merge over the same stored row and log the
  // same `before`; one waits for the other. The row may not exist yet, so the
  // lock is an advisory one, released with the transaction.
  await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_program_settings'))`)
  const {
    rows: [row],
  } = await knex.raw(`SELECT settings FROM affiliate_program_settings WHERE id = ? AND deleted_at IS NULL`, [SETTINGS_ROW_ID])
  const stored = (row?.settings ?? {}) as ProgramSettingsPatch
  const base = reset ? {} : stored
  const parsed = ProgramSettingsPatchSchema.safeParse({
    ...base,
    ...patch,
    exclude_from_base: { ...base.exclude_from_base, ...patch.exclude_from_base },
    fraud: { ...base.fraud, ...patch.fraud },
  })
  if (!parsed.success) {
    throw invalidSettings("Invalid program setting", parsed.error)
  }
  await knex.raw(
    `INSERT INTO affiliate_program_settings (id, settings, updated_by) VALUES (?, ?::jsonb, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_at = now(), deleted_at = NULL`,
    [SETTINGS_ROW_ID, JSON.stringify(parsed.data), actor.actor_id]
  )
  const before = mergeSettings(options, stored)
  const after = mergeSettings(options, parsed.data)
  const change = changedFields(before, after)
  // New terms are a new version partners are asked to accept, published with the change itself.
  if (after.portal_terms && after.portal_terms !== before.portal_terms) {
    await publishTerms(knex, after.portal_terms, new Date())
  }
  if (change) {
    await writeAuditEntries(knex, [
      {
        ...actor,
        action: AuditAction.SETTINGS_CHANGED,
        target_type: "program_settings",
        target_id: SETTINGS_ROW_ID,
        reason,
        ...change,
      },
    ])
  }
  return after
}
