import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, IconButton, Input, Label, StatusBadge, Switch, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { CREATIVE_TYPE_LABELS } from "../components/creatives/creative-fields"
import {
  type ProductAffiliateProgram,
  type ProductRule,
  useProductAffiliateProgram,
  useSetProductAffiliateProgram,
} from "../hooks/api/creatives"
import { errorMessage, toastError } from "../lib/errors"

/** A product in the affiliate program (D8): earning or not, shown to partners or not, its landing page, rates, creatives. */
const ProductAffiliateProgramWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data, isLoading, isError, error } = useProductAffiliateProgram(product.id)

  return (
    <Container className="divide-y p-0" data-testid="product-affiliate-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Affiliate program</Heading>
        {data && <LandingPageDrawer productId={product.id} program={data} />}
      </div>
      {isLoading ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : isError || !data ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-error" data-testid="error-state">
          Couldn't load the product's affiliate program: {errorMessage(error)}
        </Text>
      ) : (
        <Program productId={product.id} program={data} />
      )}
    </Container>
  )
}

const Program = ({ productId, program }: { productId: string; program: ProductAffiliateProgram }) => {
  const save = useSetProductAffiliateProgram(productId)
  const prompt = usePrompt()

  const setInProgram = async (inProgram: boolean) => {
    if (!inProgram) {
      const confirmed = await prompt({
        title: "Take this product out of the affiliate program?",
        description:
          "Partners will earn nothing on it from the next order: its product rules become excluded at every level. Lines already written keep their amounts.",
        confirmText: "Take out",
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    save.mutate(
      { in_program: inProgram },
      {
        onSuccess: () => toast.success(inProgram ? "Product is back in the affiliate program" : "Product is out of the affiliate program"),
        onError: toastError,
      }
    )
  }
  const setVisible = (visible: boolean) =>
    save.mutate(
      { visible_in_portal: visible },
      {
        onSuccess: () => toast.success(visible ? "Partners see this product" : "Product hidden from partners"),
        onError: toastError,
      }
    )

  const productRules = program.rules.filter((rule) => rule.scope === "product" && !rule.excluded)
  const partnerRules = program.rules.filter((rule) => rule.scope === "affiliate_product")

  return (
    <>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex items-center justify-between gap-x-2">
          <Label htmlFor="affiliate-in-program" size="small">In the program</Label>
          <div className="flex items-center gap-x-2">
            <StatusBadge color={program.in_program ? "green" : "red"} data-testid="product-affiliate-in-program">
              {program.in_program ? "Earns commission" : "Out of the program"}
            </StatusBadge>
            <Switch
              id="affiliate-in-program"
              data-testid="product-affiliate-in-program-switch"
              checked={program.in_program}
              disabled={save.isPending}
              onCheckedChange={setInProgram}
            />
          </div>
        </div>
        <div className="flex items-center justify-between gap-x-2">
          <Label htmlFor="affiliate-visible" size="small">Visible to partners</Label>
          <div className="flex items-center gap-x-2">
            <Text size="small" className="text-ui-fg-subtle" data-testid="product-affiliate-visible">
              {program.visible_in_portal ? "Shown in the portal" : "Hidden"}
            </Text>
            <Switch
              id="affiliate-visible"
              data-testid="product-affiliate-visible-switch"
              checked={program.visible_in_portal}
              disabled={save.isPending}
              onCheckedChange={setVisible}
            />
          </div>
        </div>
        <div className="flex items-center justify-between gap-x-2">
          <Text size="small" className="text-ui-fg-subtle">Landing page</Text>
          <Text size="small" className="max-w-[60%] truncate" data-testid="product-affiliate-landing">
            {program.landing_url ?? "The product's page"}
          </Text>
        </div>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="product-affiliate-rates">
        <Text size="small" weight="plus">Rates and levels</Text>
        {!program.in_program ? (
          <Text size="small" className="text-ui-fg-subtle">
            Earns nothing at any level while out of the program
            {program.rules.some((rule) => rule.scope === "product" && rule.excluded && rule.rate != null)
              ? "; its rates come back with it"
              : ""}
            .
          </Text>
        ) : productRules.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No product rate: the program's {program.default_commission_rate}% (or a partner's own rate) applies.
          </Text>
        ) : (
          productRules.map((rule) => <RuleRow key={rule.id} rule={rule} />)
        )}
        {partnerRules.length > 0 && (
          <>
            <Text size="xsmall" className="text-ui-fg-subtle pt-1">For single partners</Text>
            {partnerRules.map((rule) => (
              <RuleRow key={rule.id} rule={rule} partner />
            ))}
          </>
        )}
        <Text size="xsmall" className="text-ui-fg-muted">
          A partner's own rate outranks a product rate; a partner + product rule outranks both.{" "}
          <Link to={`/affiliates/rules?product_id=${productId}`} className="text-ui-fg-interactive">Rules</Link>
        </Text>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="product-affiliate-creatives">
        <div className="flex items-center justify-between">
          <Text size="small" weight="plus">Creatives</Text>
          <Link
            to={`/affiliates/creatives?create=1&create_product_id=${productId}`}
            className="txt-compact-small text-ui-fg-interactive"
            data-testid="product-affiliate-add-creative"
          >
            Add creative
          </Link>
        </div>
        {program.creatives.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">No creatives for this product yet.</Text>
        ) : (
          program.creatives.map((creative) => (
            <div key={creative.id} className="flex items-center justify-between gap-x-2">
              <div className="flex min-w-0 items-center gap-x-2">
                {creative.type === "banner" && creative.image_url && (
                  <img src={creative.image_url} alt="" className="h-6 w-10 rounded object-cover" />
                )}
                <Text size="small" className="truncate">{creative.name}</Text>
              </div>
              <div className="flex items-center gap-x-2">
                <Badge size="2xsmall">{CREATIVE_TYPE_LABELS[creative.type]}</Badge>
                <StatusBadge color={creative.is_active ? "green" : "grey"}>{creative.is_active ? "Active" : "Inactive"}</StatusBadge>
              </div>
            </div>
          ))
        )}
        {program.creatives.length > 0 && (
          <Link to={`/affiliates/creatives?product_id=${productId}`} className="txt-compact-small text-ui-fg-interactive">
            See all
          </Link>
        )}
      </div>
    </>
  )
}

const RuleRow = ({ rule, partner = false }: { rule: ProductRule; partner?: boolean }) => (
  <div className="flex items-center justify-between gap-x-2">
    <Text size="small" className="text-ui-fg-subtle">
      {rule.level === 0 ? "Referrer" : `Level ${rule.level}`}
      {partner && rule.affiliate_id ? (
        <>
          {" · "}
          <Link to={`/affiliates/${rule.affiliate_id}`} className="text-ui-fg-interactive">partner</Link>
        </>
      ) : null}
      {!rule.is_active ? " (inactive)" : ""}
    </Text>
    <Text size="small" className="tabular-nums">
      {rule.excluded
        ? "Excluded"
        : rule.kind === "percent"
          ? `${rule.rate}%`
          : Object.entries(rule.amounts ?? {})
              .map(([currency, amount]) => `${amount} ${currency.toUpperCase()}`)
              .join(" · ") + (rule.kind === "fixed_lead" ? " per lead" : " per order")}
    </Text>
  </div>
)

const LandingPageDrawer = ({ productId, program }: { productId: string; program: ProductAffiliateProgram }) => {
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState(program.landing_url ?? "")
  const [fieldError, setFieldError] = useState<string | null>(null)
  const save = useSetProductAffiliateProgram(productId)

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    save.mutate(
      { landing_url: value.trim() || null },
      {
        onSuccess: () => {
          toast.success("Landing page saved")
          setOpen(false)
        },
        onError: (error) => {
          setFieldError(errorMessage(error).replace(/^Invalid request: /, ""))
          toastError(error)
        },
      }
    )
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (next) {
          setValue(program.landing_url ?? "")
          setFieldError(null)
        }
      }}
    >
      <Drawer.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label="Edit landing page" data-testid="product-affiliate-edit">
          <PencilSquare />
        </IconButton>
      </Drawer.Trigger>
      <Drawer.Content>
        <form onSubmit={submit} className="flex h-full flex-col" data-testid="product-affiliate-landing-form">
          <Drawer.Header>
            <Drawer.Title>Landing page</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-2">
            <Label htmlFor="affiliate-landing-url" size="small" weight="plus">Where partners' links to this product land</Label>
            <Input
              id="affiliate-landing-url"
              name="landing_url"
              placeholder="/products/medusa-t-shirt"
              value={value}
              maxLength={2048}
              onChange={(e) => {
                setValue(e.target.value)
                setFieldError(null)
              }}
              aria-invalid={!!fieldError}
            />
            {fieldError ? (
              <Text size="small" className="text-ui-fg-error" data-testid="field-error">{fieldError}</Text>
            ) : (
              <Text size="xsmall" className="text-ui-fg-subtle">
                A path on the store or a URL on its domain. Empty: the product's own page.
              </Text>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">Cancel</Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={save.isPending} data-testid="product-affiliate-landing-save">
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductAffiliateProgramWidget
