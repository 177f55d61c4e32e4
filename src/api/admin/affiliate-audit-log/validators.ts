import { z } from "@medusajs/framework/zod"
import { AuditAction, type AuditTargetType } from "../../../types"
import { dateFilter, id, listParams, MAX_LIST, says } from "../../utils/validators"

const actions = Object.values(AuditAction) as [AuditAction, ...AuditAction[]]
const targetTypes: [AuditTargetType, ...AuditTargetType[]] = [
  "affiliate",
  "commission_line",
  "payout",
  "payout_batch",
  "program_settings",
  "commission_rule",
  "creative",
  "product",
]
const action = z.enum(actions, says(`one of ${actions.join(", ")}`))

// The log is read newest first; there is no other order to choose.
const { limit, offset } = listParams({ limit: 50, orderable: [] })

export const AdminGetAuditEntriesParams = z
  .object({
    limit,
    offset,
    actor_type: z.enum(["user", "affiliate", "system"], says("one of user, affiliate, system")).optional(),
    actor_id: id().optional(),
    /** One action or several (`action[]=a&action[]=b`). */
    action: z.union([action, z.array(action).max(MAX_LIST, says(`at most ${MAX_LIST} actions`))]).optional(),
    target_type: z.enum(targetTypes, says(`one of ${targetTypes.join(", ")}`)).optional(),
    target_id: id().optional(),
    affiliate_id: id().optional(),
    created_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetAuditEntriesParamsType = z.infer<typeof AdminGetAuditEntriesParams>

/** A partner's trail: the same filters, the affiliate taken from the path. */
export const AdminGetAffiliateAuditEntriesParams = AdminGetAuditEntriesParams.omit({ affiliate_id: true })
