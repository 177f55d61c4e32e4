import { Badge, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useRef, useState } from "react"
import { type CreativeInput, type CreativeType, useProductOptions, useUploadImage } from "../../hooks/api/creatives"
import { errorMessage, toastError } from "../../lib/errors"

export const CREATIVE_TYPE_LABELS: Record<CreativeType, string> = {
  banner: "Banner",
  text_link: "Text link",
  html: "HTML snippet",
}

const FIELDS = ["name", "product_id", "image_file_id", "image_url", "link_text", "html", "landing_url", "type"] as const
export type FieldErrors = Partial<Record<(typeof FIELDS)[number], string>>

/**
 * Which field an API refusal is about ("link_text is required…", "landing_url: must be…",
 * "Value for field 'name' too big…"), so the form shows it by that field.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const message = errorMessage(error)
  const field = FIELDS.find((name) => new RegExp(`(^|[\\s'":])${name}([\\s'":]|$)`).test(message))
  return field ? { [field]: message.replace(/^Invalid request: /, "") } : {}
}

const GENERAL = "__general__"

/** The form of a creative, shared by the create modal and the edit drawer. */
export const CreativeFields = ({
  value,
  onChange,
  errors,
  typeLocked = false,
}: {
  value: CreativeInput & { type: CreativeType }
  onChange: (patch: CreativeInput) => void
  errors: FieldErrors
  typeLocked?: boolean
}) => {
  const upload = useUploadImage()
  const fileInput = useRef<HTMLInputElement>(null)
  const [productSearch, setProductSearch] = useState("")
  const { data: products } = useProductOptions(productSearch)

  const onFile = (file: File | undefined) => {
    if (!file) return
    upload.mutate(file, {
      onSuccess: (uploaded) => onChange({ image_file_id: uploaded.id, image_url: uploaded.url }),
      onError: toastError,
    })
  }

  return (
    <div className="flex flex-col gap-y-4">
      <Field label="Type" error={errors.type}>
        <Select
          value={value.type}
          onValueChange={(type) => onChange({ type: type as CreativeType })}
          disabled={typeLocked}
        >
          <Select.Trigger data-testid="creative-type">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(Object.keys(CREATIVE_TYPE_LABELS) as CreativeType[]).map((type) => (
              <Select.Item key={type} value={type}>
                {CREATIVE_TYPE_LABELS[type]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label="Name" error={errors.name} hint="Shown to partners and in this list.">
        <Input
          name="name"
          value={value.name ?? ""}
          maxLength={255}
          onChange={(e) => onChange({ name: e.target.value })}
          aria-invalid={!!errors.name}
        />
      </Field>
      <Field label="Product" error={errors.product_id} hint="General creatives promote the whole store.">
        <Input
          size="small"
          type="search"
          placeholder="Find a product by title"
          value={productSearch}
          onChange={(e) => setProductSearch(e.target.value)}
          data-testid="creative-product-search"
        />
        <Select
          value={value.product_id ?? GENERAL}
          onValueChange={(id) => onChange({ product_id: id === GENERAL ? null : id })}
        >
          <Select.Trigger data-testid="creative-product">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={GENERAL}>General (no product)</Select.Item>
            {products?.products.map((product) => (
              <Select.Item key={product.id} value={product.id}>
                {product.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>

      {value.type === "banner" && (
        <Field label="Image" error={errors.image_file_id ?? errors.image_url} hint="PNG, JPEG, GIF or WebP; stored by the store's file provider.">
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            data-testid="creative-image-input"
            className="txt-compact-small"
            onChange={(e) => onFile(e.target.files?.[0])}
          />
          {upload.isPending && <Text size="small" className="text-ui-fg-subtle">Uploading…</Text>}
        </Field>
      )}
      {value.type === "text_link" && (
        <Field label="Link text" error={errors.link_text} hint="The words partners link to the store.">
          <Input
            name="link_text"
            value={value.link_text ?? ""}
            maxLength={255}
            onChange={(e) => onChange({ link_text: e.target.value })}
            aria-invalid={!!errors.link_text}
          />
        </Field>
      )}
      {value.type === "html" && (
        <Field label="HTML" error={errors.html} hint="Partners copy it into their pages; it is never rendered here.">
          <Textarea
            name="html"
            rows={6}
            className="font-mono"
            value={value.html ?? ""}
            maxLength={10_000}
            onChange={(e) => onChange({ html: e.target.value })}
            aria-invalid={!!errors.html}
          />
        </Field>
      )}
      <Field label="Landing page" error={errors.landing_url} hint="A path on the store (/products/shirt) or a URL on its domain. Empty: the product's page or the store.">
        <Input
          name="landing_url"
          value={value.landing_url ?? ""}
          placeholder="/products/medusa-t-shirt"
          maxLength={2048}
          onChange={(e) => onChange({ landing_url: e.target.value || null })}
          aria-invalid={!!errors.landing_url}
        />
      </Field>
      <div className="flex items-center gap-x-2">
        <Switch
          id="creative-active"
          checked={value.is_active ?? true}
          onCheckedChange={(is_active) => onChange({ is_active })}
        />
        <Label htmlFor="creative-active" size="small">Active (offered to partners)</Label>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus">Preview</Label>
        <CreativePreview creative={value} />
      </div>
    </div>
  )
}

/** What partners will get: the banner image, the link, or the snippet as text (never as HTML). */
export const CreativePreview = ({ creative, compact = false }: { creative: CreativeInput & { type: CreativeType }; compact?: boolean }) => {
  if (creative.type === "banner") {
    return creative.image_url ? (
      <img
        src={creative.image_url}
        alt={creative.name ?? "Banner"}
        data-testid="creative-preview-image"
        className={compact ? "h-10 max-w-[120px] rounded object-contain" : "max-h-48 max-w-full rounded border object-contain"}
      />
    ) : (
      <Text size="small" className="text-ui-fg-muted">No image yet</Text>
    )
  }
  if (creative.type === "text_link") {
    return creative.link_text ? (
      <Text size="small" className="text-ui-fg-interactive underline" data-testid="creative-preview-link">
        {creative.link_text}
      </Text>
    ) : (
      <Text size="small" className="text-ui-fg-muted">No link text yet</Text>
    )
  }
  return creative.html ? (
    <pre
      className={`bg-ui-bg-subtle txt-compact-xsmall overflow-hidden whitespace-pre-wrap break-all rounded p-2 font-mono ${compact ? "max-h-10 max-w-[240px]" : "max-h-48 overflow-auto"}`}
    >
      {creative.html}
    </pre>
  ) : (
    <Badge size="2xsmall">Empty</Badge>
  )
}

const Field = ({
  label,
  error,
  hint,
  children,
}: {
  label: string
  error?: string
  hint?: string
  children: React.ReactNode
}) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small" weight="plus">{label}</Label>
    {children}
    {error ? (
      <Text size="small" className="text-ui-fg-error" data-testid="field-error">{error}</Text>
    ) : hint ? (
      <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>
    ) : null}
  </div>
)
