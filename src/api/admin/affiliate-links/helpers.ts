import type { MedusaContainer } from "@medusajs/framework/types"
import { affiliateService } from "../../../workflows/affiliate-service"

/** Links as the API returns them, with their code and the redirect path. */
export async function referralLinksResponse(container: MedusaContainer, filters: { affiliate_id?: string; id?: string }) {
  const service = affiliateService(container)
  const links = await service.listReferralLinks(filters, { order: { created_at: "ASC" } })
  const codes = links.length
    ? await service.listReferralCodes({ id: [...new Set(links.map((link) => link.code_id))] }, { select: ["id", "code"] })
    : []
  const codeOf = new Map(codes.map((code) => [code.id, code.code]))
  return links.map((link) => {
    const code = codeOf.get(link.code_id) ?? ""
    return {
      id: link.id,
      affiliate_id: link.affiliate_id,
      code_id: link.code_id,
      code,
      sub_id: link.sub_id,
      name: link.name,
      target_url: link.target_url,
      utm_source: link.utm_source,
      utm_medium: link.utm_medium,
      utm_campaign: link.utm_campaign,
      utm_term: link.utm_term,
      utm_content: link.utm_content,
      is_active: link.is_active,
      // Relative to the Medusa server's URL.
      path: `/r/${encodeURIComponent(code)}${link.sub_id ? `/${encodeURIComponent(link.sub_id)}` : ""}`,
      created_at: link.created_at,
    }
  })
}
