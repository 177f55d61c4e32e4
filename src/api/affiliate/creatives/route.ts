import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { creativeHtml, referralLink } from "../../../modules/affiliate/portal/creative-snippets"
import { affiliateService } from "../../../workflows/affiliate-service"
import { partnerOf } from "../../utils/portal"
import type { AffiliateGetCreativesParamsType } from "./validators"

/**
 * The creatives the partner may use (H8), each with the link and HTML to
 * copy, carrying the partner's first active code. The link lands on the
 * creative's page, else its product's landing page, else the store's home.
 * Without an active code there is nothing to copy: `link` and `html` are null.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetCreativesParamsType>, res: MedusaResponse) => {
  const filters = req.validatedQuery as AffiliateGetCreativesParamsType
  const service = affiliateService(req.scope)
  const options = service.getOptions()
  const [creatives, codes] = await Promise.all([service.listPortalCreatives(filters), service.listPartnerCodes(partnerOf(req))])
  const now = Date.now()
  const code = codes.find((c) => c.is_active && (!c.expires_at || new Date(c.expires_at).getTime() > now))?.code ?? null

  const productIds = [...new Set(creatives.map((creative) => creative.product_id).filter((id): id is string => !!id))]
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: products }, participation] = productIds.length
    ? await Promise.all([
        query.graph({ entity: "product", fields: ["id", "title", "handle"], filters: { id: productIds } }),
        service.listProductParticipation(productIds),
      ])
    : [{ data: [] as any[] }, []]
  const productOf = new Map<string, any>(products.map((product: any) => [product.id, product] as [string, any]))
  const landingOf = new Map<string, string | null>(
    participation.map((row: any) => [row.product_id, row.landing_url] as [string, string | null])
  )

  res.json({
    creatives: creatives.map((creative) => {
      const product: any = creative.product_id ? productOf.get(creative.product_id) : null
      const landing: string =
        creative.landing_url ??
        (product ? landingOf.get(product.id) ?? `/products/${product.handle}` : null) ??
        "/"
      const link = code ? referralLink(options.store_url, landing, options.referral_param, code) : null
      return {
        id: creative.id,
        name: creative.name,
        type: creative.type,
        product: product ? { id: product.id, title: product.title } : null,
        image_url: creative.image_url,
        link,
        html: link && code ? creativeHtml(creative, link, code) : null,
        text: creative.link_text,
      }
    }),
  })
}
