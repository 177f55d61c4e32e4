export const creativeFields = [
  "id",
  "type",
  "name",
  "product_id",
  "image_file_id",
  "image_url",
  "link_text",
  "html",
  "landing_url",
  "is_active",
  "created_at",
  "updated_at",
]

export const listCreativesQueryConfig = {
  defaults: creativeFields,
  allowed: creativeFields,
  defaultLimit: 20,
  isList: true,
}
