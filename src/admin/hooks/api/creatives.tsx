import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"

export type CreativeType = "banner" | "text_link" | "html"

export type Creative = {
  id: string
  type: CreativeType
  name: string
  product_id: string | null
  image_file_id: string | null
  image_url: string | null
  link_text: string | null
  html: string | null
  landing_url: string | null
  is_active: boolean
  created_at: string
  updated_at: string
}

export type CreativeInput = Partial<Omit<Creative, "id" | "created_at" | "updated_at">>

export type CreativeListParams = {
  type?: CreativeType
  product_id?: string
  is_active?: boolean
  q?: string
  limit?: number
  offset?: number
  order?: string
}

export type ProductRule = {
  id: string
  name: string | null
  scope: "product" | "affiliate_product"
  kind: "percent" | "fixed_order" | "fixed_lead"
  affiliate_id: string | null
  level: number
  rate: number | null
  amounts: Record<string, number> | null
  excluded: boolean
  is_active: boolean
}

export type ProductAffiliateProgram = {
  product_id: string
  in_program: boolean
  visible_in_portal: boolean
  landing_url: string | null
  rules: ProductRule[]
  creatives: Creative[]
  default_commission_rate: number
  max_levels: number
}

export type ProductAffiliateProgramInput = {
  in_program?: boolean
  visible_in_portal?: boolean
  landing_url?: string | null
}

export type ProductOption = { id: string; title: string; handle: string | null; thumbnail: string | null }

// This screen's own query keys (see `lib/query-keys.ts` for the shared ones).
export const creativeKeys = {
  all: ["affiliate-creatives"] as const,
  list: (params: CreativeListParams) => ["affiliate-creatives", "list", params] as const,
  productProgram: (productId: string) => ["affiliate-product-program", productId] as const,
  products: (q: string) => ["affiliate-product-picker", q] as const,
  productTitles: (ids: string[]) => ["affiliate-product-titles", ids] as const,
}

/** The creatives, filtered and paged as the list's URL says. */
export function useCreatives(params: CreativeListParams) {
  return useQuery({
    queryKey: creativeKeys.list(params),
    queryFn: () =>
      sdk.client.fetch<{ creatives: Creative[]; count: number; offset: number; limit: number }>("/admin/affiliate-creatives", {
        query: params,
      }),
    placeholderData: keepPreviousData,
  })
}

function useInvalidateCreatives() {
  const client = useQueryClient()
  return () => {
    client.invalidateQueries({ queryKey: creativeKeys.all })
    client.invalidateQueries({ queryKey: ["affiliate-product-program"] })
  }
}

export function useCreateCreative() {
  const invalidate = useInvalidateCreatives()
  return useMutation({
    mutationFn: (body: CreativeInput) =>
      sdk.client.fetch<{ creative: Creative }>("/admin/affiliate-creatives", { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useUpdateCreative() {
  const invalidate = useInvalidateCreatives()
  return useMutation({
    mutationFn: ({ id, ...body }: CreativeInput & { id: string }) =>
      sdk.client.fetch<{ creative: Creative }>(`/admin/affiliate-creatives/${id}`, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export function useDeleteCreative() {
  const invalidate = useInvalidateCreatives()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/affiliate-creatives/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  })
}

/** Uploads a banner image through Medusa's File Module (`POST /admin/uploads`). */
export function useUploadImage() {
  return useMutation({
    mutationFn: async (file: File) => {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      return files[0] as { id: string; url: string }
    },
  })
}

/** Products for the picker, searched by title. */
export function useProductOptions(q: string) {
  return useQuery({
    queryKey: creativeKeys.products(q),
    queryFn: () =>
      sdk.client.fetch<{ products: ProductOption[] }>("/admin/products", {
        query: { q: q || undefined, limit: 20, fields: "id,title,handle,thumbnail" },
      }),
    placeholderData: keepPreviousData,
  })
}

/** Titles of the products a list names, so rows say "Medusa T-Shirt", not an id. */
export function useProductTitles(ids: string[]) {
  const unique = [...new Set(ids)].sort()
  return useQuery({
    queryKey: creativeKeys.productTitles(unique),
    queryFn: () =>
      sdk.client.fetch<{ products: ProductOption[] }>("/admin/products", {
        query: { id: unique, limit: unique.length, fields: "id,title,handle,thumbnail" },
      }),
    enabled: unique.length > 0,
    select: (data) => new Map(data.products.map((product) => [product.id, product])),
  })
}

export function useProductAffiliateProgram(productId: string) {
  return useQuery({
    queryKey: creativeKeys.productProgram(productId),
    queryFn: () => sdk.client.fetch<ProductAffiliateProgram>(`/admin/products/${productId}/affiliate-program`),
  })
}

export function useSetProductAffiliateProgram(productId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ProductAffiliateProgramInput) =>
      sdk.client.fetch<ProductAffiliateProgram>(`/admin/products/${productId}/affiliate-program`, { method: "POST", body }),
    onSuccess: (data) => {
      client.setQueryData(creativeKeys.productProgram(productId), data)
      client.invalidateQueries({ queryKey: ["affiliate-rules"] })
    },
  })
}
