/**
 * The audit log (J2): who did what to money and to partner status. Entries are
 * written by the module in the same transaction as the change they describe,
 * and never edited or deleted (the table refuses UPDATE and DELETE).
 */

/** Who acted: an admin user, the partner themself, or the plugin's own jobs. */
export type AuditActorType = "user" | "affiliate" | "system"

export type AuditActor = {
  actor_type: AuditActorType
  /** The user or affiliate id; for `system`, the job or workflow that acted. */
  actor_id: string
}

/**
 * The actions the log knows. A new action is added here, so the admin's filter
 * and the README list stay complete.
 */
export const AuditAction = {
  AFFILIATE_CREATED: "affiliate.created",
  AFFILIATE_UPDATED: "affiliate.updated",
  AFFILIATE_STATUS_CHANGED: "affiliate.status_changed",
  /** An admin sent the partner an invitation link (issue 12). */
  AFFILIATE_INVITED: "affiliate.invited",
  /** Only when a workflow that created the affiliate failed later and took it back. */
  AFFILIATE_DELETED: "affiliate.deleted",
  COMMISSION_APPROVED: "commission.approved",
  COMMISSION_REJECTED: "commission.rejected",
  COMMISSION_HELD: "commission.held",
  COMMISSION_RELEASED: "commission.released",
  ADJUSTMENT_CREATED: "adjustment.created",
  BONUS_CREATED: "bonus.created",
  PAYOUT_CREATED: "payout.created",
  PAYOUT_STATUS_CHANGED: "payout.status_changed",
  PAYOUT_BATCH_CREATED: "payout_batch.created",
  PAYOUT_DETAILS_CHANGED: "payout_details.changed",
  SETTINGS_CHANGED: "settings.changed",
  RULE_CREATED: "rule.created",
  RULE_UPDATED: "rule.updated",
  RULE_DELETED: "rule.deleted",
  /** Only when a workflow that deleted the rule failed later and took the deletion back. */
  RULE_RESTORED: "rule.restored",
  CREATIVE_CREATED: "creative.created",
  CREATIVE_UPDATED: "creative.updated",
  CREATIVE_DELETED: "creative.deleted",
  /** Only when a workflow that deleted the creative failed later and took the deletion back. */
  CREATIVE_RESTORED: "creative.restored",
  /** A product's portal visibility or landing page (its earning is a `rule.*` entry). */
  PRODUCT_PARTICIPATION_CHANGED: "product_participation.changed",
} as const
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction]

/** What an entry is about: a table's kind of row and its id. */
export type AuditTargetType =
  | "affiliate"
  | "commission_line"
  | "payout"
  | "payout_batch"
  | "program_settings"
  | "commission_rule"
  | "creative"
  | "product"

export type AuditEntryInput = AuditActor & {
  action: AuditAction
  target_type: AuditTargetType
  target_id: string
  /** The affiliate the target belongs to, so a partner's trail is one indexed query. */
  affiliate_id?: string | null
  /** The fields that changed, as they were; null for a creation. */
  before?: Record<string, unknown> | null
  /** The fields that changed, as they are now; null for a deletion. */
  after?: Record<string, unknown> | null
  reason?: string | null
}

export type AuditEntryDTO = Required<AuditEntryInput> & {
  id: string
  created_at: Date
}

export type AuditEntryFilters = {
  actor_type?: AuditActorType
  actor_id?: string
  action?: AuditAction | AuditAction[]
  target_type?: AuditTargetType
  target_id?: string
  affiliate_id?: string
  created_at?: { gte?: Date; lte?: Date; gt?: Date; lt?: Date }
}
