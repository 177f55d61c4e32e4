/**
 * The admin's audited changes to partners, rules and settings: each is one
 * module method that writes the change and its audit entry in one transaction.
 */
import type { AuditActor } from "./audit"

export type AffiliateStatusAction = "approve" | "reject" | "suspend" | "deactivate"

export type ChangeAffiliateStatusInput = {
  id: string
  action: AffiliateStatusAction
  /** Why, kept on the audit entry. */
  reason?: string | null
  /** When the change takes effect (`approved_at` of an approval); defaults to now. */
  now?: Date
}

/** An affiliate's status fields as they were, to put back if the workflow fails. */
export type AffiliateStatusSnapshot = {
  id: string
  status: string
  approved_at: Date | string | null
}

/** A record's changed fields as they were (with its id), to put back if the workflow fails. */
export type RecordSnapshot = { id: string } & Record<string, unknown>

/** What an audited update returns: the records as they are, and what to restore to undo it. */
export type AuditedUpdate<T> = { updated: T[]; previous: RecordSnapshot[] }

export type AuditedChangeOptions = {
  /** Kept on the audit entry (e.g. why a compensation undid a change). */
  reason?: string | null
}

export type SaveProgramSettingsOptions = AuditedChangeOptions & {
  /** Who changed them; also stored as the settings row's `updated_by`. Defaults to the system. */
  actor?: AuditActor
  /** Drop every stored field first, back to the plugin options. */
  reset?: boolean
}
