import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isOnStore } from "../../modules/affiliate/utils/target-url"
import { affiliateService } from "../affiliate-service"

export type ReferralLinkFields = {
  name?: string | null
  sub_id?: string | null
  target_url?: string | null
  utm_source?: string | null
  utm_medium?: string | null
  utm_campaign?: string | null
  utm_term?: string | null
  utm_content?: string | null
  is_active?: boolean
}

export type CreateReferralLinkInput = ReferralLinkFields & {
  affiliate_id: string
  /** Defaults to the affiliate's first active code. */
  code_id?: string
}

export type UpdateReferralLinkInput = ReferralLinkFields & { id: string }

/**
 * Checks a link before it is written: its code belongs to the affiliate, its
 * sub-id is free on that code, and its target stays on the store's domain, so
 * the plugin's redirect can't be used to send visitors elsewhere.
 */
export const validateReferralLinkStep = createStep(
  "validate-referral-link",
  async (input: (CreateReferralLinkInput | UpdateReferralLinkInput) & { affiliate_id?: string }, { container }) => {
    const service = affiliateService(container)
    const existing = "id" in input ? await service.retrieveReferralLink(input.id) : null
    const affiliateId = existing?.affiliate_id ?? (input as CreateReferralLinkInput).affiliate_id
    if (input.affiliate_id && existing && existing.affiliate_id !== input.affiliate_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral link with id: ${existing.id} was not found`)
    }

    let codeId = existing?.code_id ?? (input as CreateReferralLinkInput).code_id
    if (!existing && codeId) {
      const [code] = await service.listReferralCodes({ id: codeId, affiliate_id: affiliateId, alias_of_id: null })
      if (!code) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code_id: ${codeId} is not a code of affiliate ${affiliateId}`)
      }
    } else if (!existing) {
      await service.retrieveAffiliate(affiliateId)
      const [code] = await service.listReferralCodes(
        { affiliate_id: affiliateId, alias_of_id: null, is_active: true },
        { take: 1, order: { created_at: "ASC" } }
      )
      if (!code) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `code_id: affiliate ${affiliateId} has no active code to link to`)
      }
      codeId = code.id
    }

    const subId = input.sub_id === undefined ? existing?.sub_id ?? null : input.sub_id
    const [taken] = await service.listReferralLinks({ code_id: codeId, sub_id: subId })
    if (taken && taken.id !== existing?.id) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        subId ? `sub_id: ${subId} already has a link on this code` : "sub_id: this code already has its main link; give the new one a sub_id"
      )
    }

    if (input.target_url) {
      const storeUrl = new URL(service.getOptions().store_url)
      if (!isOnStore(input.target_url, storeUrl)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `target_url: must be a path or a URL on the store's domain (${storeUrl.host}) over ${storeUrl.protocol.replace(":", "")}`
        )
      }
    }
    return new StepResponse({ affiliate_id: affiliateId, code_id: codeId as string })
  }
)

export const createReferralLinkStep = createStep(
  "create-referral-link",
  async (input: CreateReferralLinkInput & { code_id: string }, { container }) => {
    const service = affiliateService(container)
    const link = await service.createReferralLinks(input)
    service.clearCodeCache()
    return new StepResponse(link, link.id)
  },
  async (id, { container }) => {
    if (!id) return
    const service = affiliateService(container)
    await service.deleteReferralLinks(id)
    service.clearCodeCache()
  }
)

export const updateReferralLinkStep = createStep(
  "update-referral-link",
  async ({ id, ...fields }: UpdateReferralLinkInput, { container }) => {
    const service = affiliateService(container)
    const before = await service.retrieveReferralLink(id)
    const link = await service.updateReferralLinks({ id, ...fields })
    service.clearCodeCache()
    return new StepResponse(link, before)
  },
  async (before, { container }) => {
    if (!before) return
    const service = affiliateService(container)
    const { created_at, updated_at, deleted_at, ...fields } = before as any
    await service.updateReferralLinks(fields)
    service.clearCodeCache()
  }
)

export const deleteReferralLinkStep = createStep(
  "delete-referral-link",
  async ({ id }: { id: string }, { container }) => {
    const service = affiliateService(container)
    await service.softDeleteReferralLinks(id)
    service.clearCodeCache()
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    await affiliateService(container).restoreReferralLinks(id)
  }
)
