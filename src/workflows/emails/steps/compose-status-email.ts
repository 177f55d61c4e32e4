import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { AuditAction } from "../../../types"
import { affiliateService } from "../../affiliate-service"
import { partnerLocale, type PartnerEmail } from "../partner-email"

export const composeStatusEmailStepId = "compose-status-email"

export type StatusEmailInput = { affiliate_id: string; status: "approved" | "rejected" }

type CodeRow = { code: string; is_active: boolean; alias_of_id: string | null; expires_at: Date | string | null; created_at: Date | string }

/** The partner's first usable code (not an alias, active, not expired): the one approval gave them. */
export function firstActiveCode(codes: CodeRow[], now = new Date()): string | null {
  const usable = codes
    .filter((code) => code.is_active && !code.alias_of_id && (!code.expires_at || new Date(code.expires_at) > now))
    .sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
  return usable[0]?.code ?? null
}

/**
 * This step writes the `approved` email (with the partner's first active
 * code) or the `rejected` one (with the reason the admin gave, from the
 * latest status change in the audit log). Nothing when the partner no longer
 * has that status: a late event must not contradict a later decision.
 */
export const composeStatusEmailStep = createStep(
  composeStatusEmailStepId,
  async (input: StatusEmailInput, { container }) => {
    const service = affiliateService(container)
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, { relations: ["codes"] }).catch((e) => {
      if (e instanceof MedusaError && e.type === MedusaError.Types.NOT_FOUND) return null
      throw e
    })
    const wanted = input.status === "approved" ? "active" : "rejected"
    if (!affiliate || affiliate.status !== wanted) {
      return new StepResponse([] as PartnerEmail[])
    }
    const base = { to: affiliate.email, locale: partnerLocale(affiliate) }
    if (input.status === "approved") {
      const email: PartnerEmail = {
        ...base,
        name: "approved",
        data: { name: affiliate.name, code: firstActiveCode((affiliate.codes ?? []) as unknown as CodeRow[]) },
        // One approval email per partner: a reactivation after a suspension doesn't repeat it.
        idempotency_key: `affiliate-approved:${affiliate.id}`,
      }
      return new StepResponse([email])
    }
    const { entries } = await service.listAuditEntries(
      { target_type: "affiliate", target_id: affiliate.id, action: AuditAction.AFFILIATE_STATUS_CHANGED },
      { limit: 1, offset: 0 }
    )
    const latest = entries[0]
    const reason = (latest?.after as { status?: string } | null)?.status === "rejected" ? latest.reason ?? null : null
    const email: PartnerEmail = {
      ...base,
      name: "rejected",
      data: { name: affiliate.name, reason },
      idempotency_key: `affiliate-rejected:${affiliate.id}`,
    }
    return new StepResponse([email])
  }
)
