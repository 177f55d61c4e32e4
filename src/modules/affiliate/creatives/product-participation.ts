/**
 * A product's place in the partner portal (D8): visible or hidden, and its
 * landing page. One row per product at most; no row reads as the defaults.
 */
import type { ModuleTx } from "../module-tx"
import {
  AuditAction,
  type AuditActor,
  type ProductParticipationDTO,
  type SavedProductParticipation,
  type SaveProductParticipationInput,
} from "../../../types"
import { writeAuditEntries } from "../audit/audit-log"
import { changedFields } from "../audit/changed-fields"

type KnexLike = any

const TABLE = "affiliate_product_participation"

/** A product that was never configured: visible, landing on its own page. */
export const defaultParticipation = (productId: string): ProductParticipationDTO => ({
  product_id: productId,
  visible_in_portal: true,
  landing_url: null,
})

function view(productId: string, row?: Record<string, any> | null): ProductParticipationDTO {
  return row
    ? { product_id: productId, visible_in_portal: row.visible_in_portal, landing_url: row.landing_url ?? null }
    : defaultParticipation(productId)
}

/** The participation of each product (defaults for those without a row). */
export async function readProductParticipation(knex: KnexLike, productIds: string[]): Promise<ProductParticipationDTO[]> {
  if (!productIds.length) return []
  const rows = await knex(TABLE).whereIn("product_id", productIds).whereNull("deleted_at")
  return productIds.map((id) => view(id, rows.find((row: any) => row.product_id === id)))
}

/**
 * Saves what the input names over a product's participation, under a lock on
 * its row (two admins saving at once queue), with a
 * `product_participation.changed` entry when something changed. `previous`
 * saved again undoes it.
 */
export async function saveProductParticipation(
  { service, knex, context: sharedContext }: ModuleTx,
  input: SaveProductParticipationInput,
  actor: AuditActor,
  reason: string | null
): Promise<SavedProductParticipation> {
  const [row] = await knex(TABLE).where("product_id", input.product_id).whereNull("deleted_at").forUpdate().select("*")
  const previous = view(input.product_id, row)
  const next: ProductParticipationDTO = {
    product_id: input.product_id,
    visible_in_portal: input.visible_in_portal ?? previous.visible_in_portal,
    landing_url: input.landing_url === undefined ? previous.landing_url : input.landing_url,
  }
  const change = changedFields(previous, next, ["visible_in_portal", "landing_url"])
  if (!change) {
    return { participation: previous, previous }
  }
  if (row) {
    await service.updateProductParticipations(
      { id: row.id, visible_in_portal: next.visible_in_portal, landing_url: next.landing_url },
      sharedContext
    )
  } else {
    await service.createProductParticipations(next, sharedContext)
  }
  await writeAuditEntries(knex, [
    {
      ...actor,
      action: AuditAction.PRODUCT_PARTICIPATION_CHANGED,
      target_type: "product",
      target_id: input.product_id,
      reason,
      ...change,
    },
  ])
  return { participation: next, previous }
}
