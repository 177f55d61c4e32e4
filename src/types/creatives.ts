/**
 * Creatives (G8) and product participation (D8): what partners are offered to
 * promote, and how each product shows in the partner portal.
 */

export type CreativeType = "banner" | "text_link" | "html"

export type CreativeDTO = {
  id: string
  type: CreativeType
  name: string
  /** Null: a general creative, for the whole store. */
  product_id: string | null
  /** Banners: the File Module's file id and its public URL. */
  image_file_id: string | null
  image_url: string | null
  link_text: string | null
  /** Text to copy; never rendered as HTML by the admin. */
  html: string | null
  landing_url: string | null
  is_active: boolean
  created_at: Date
  updated_at: Date
}

export type CreateCreativeInput = {
  type: CreativeType
  name: string
  product_id?: string | null
  image_file_id?: string | null
  image_url?: string | null
  link_text?: string | null
  html?: string | null
  landing_url?: string | null
  is_active?: boolean
}

/** How a product shows in the partner portal; a product without a row is visible and lands on its page. */
export type ProductParticipationDTO = {
  product_id: string
  visible_in_portal: boolean
  landing_url: string | null
}

export type SaveProductParticipationInput = {
  product_id: string
  visible_in_portal?: boolean
  landing_url?: string | null
}

/** What `saveProductParticipation` returns: the participation now, and what puts it back. */
export type SavedProductParticipation = {
  participation: ProductParticipationDTO
  previous: ProductParticipationDTO
}

export type PortalCreativeFilters = {
  product_id?: string | null
  type?: CreativeType
}
