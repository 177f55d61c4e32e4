import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService } from "../../../workflows/affiliate-service"
import type { AffiliateGetDestinationsParamsType } from "./validators"

/**
 * What the link builder offers (H3): published products partners may
 * promote (not hidden from the portal, not out of the program), each with
 * the page a link to it lands on: its landing page, else `/products/<handle>`.
 * The builder posts that as `target_url` to `POST /affiliate/links`.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AffiliateGetDestinationsParamsType>, res: MedusaResponse) => {
  const { q, limit, offset } = req.validatedQuery as AffiliateGetDestinationsParamsType
  const service = affiliateService(req.scope)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const notOffered = await service.listProductsNotOffered()
  const { data: products, metadata } = await query.graph({
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail"],
    filters: {
      status: "published",
      ...(notOffered.length ? { id: { $nin: notOffered } } : {}),
      ...(q ? { q } : {}),
    } as any,
    pagination: { skip: offset, take: limit, order: { title: "ASC", id: "ASC" } },
  })
  const participation = new Map(
    (await service.listProductParticipation(products.map((product: any) => product.id))).map((row) => [row.product_id, row])
  )
  res.json({
    destinations: products.map((product: any) => ({
      kind: "product" as const,
      id: product.id,
      title: product.title,
      handle: product.handle,
      thumbnail: product.thumbnail ?? null,
      url: participation.get(product.id)?.landing_url ?? `/products/${product.handle}`,
    })),
    count: metadata?.count ?? products.length,
    offset,
    limit,
  })
}
