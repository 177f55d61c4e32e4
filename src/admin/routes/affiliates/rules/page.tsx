import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useSearchParams } from "react-router-dom"
import { SCOPE_LABELS, SearchPicker } from "../../../components/rules/rule-form"
import { CreateRuleModal, EditRuleDrawer, RulesTable } from "../../../components/rules/rule-modals"
import { CommissionRule, RuleKind, RuleScope, useRules } from "../../../hooks/api/rules"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20
const SCOPES: RuleScope[] = ["affiliate_product", "affiliate", "product", "program"]
const KINDS: RuleKind[] = ["percent", "fixed_order", "fixed_lead"]

/** The program's commission rules (D1-D7): filters in the URL, create in a modal, edit in a drawer. */
const RulesPage = () => {
  const [params, setParams] = useSearchParams()
  const scope = (SCOPES as string[]).includes(params.get("scope") ?? "") ? (params.get("scope") as RuleScope) : undefined
  const affiliateId = params.get("affiliate_id") || undefined
  const productId = params.get("product_id") || undefined
  const kind = KINDS.includes(params.get("kind") as RuleKind) ? (params.get("kind") as RuleKind) : undefined
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0)
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<CommissionRule | null>(null)

  const { data, isLoading, error } = useRules({
    scope,
    kind,
    affiliate_id: affiliateId,
    product_id: productId,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  })
  const rules = data?.commission_rules

  const setFilter = (key: string, value: string | null | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        if (value) next.set(key, value)
        else next.delete(key)
        next.delete("page")
        return next
      },
      { replace: true }
    )
  }
  const setPage = (value: number) =>
    setParams((current) => {
      const next = new URLSearchParams(current)
      if (value) next.set("page", String(value))
      else next.delete("page")
      return next
    })

  const count = data?.count ?? 0
  const filtered = !!(scope || affiliateId || productId || kind)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between px-6 py-4">
        <div>
          <Heading level="h1">Commission rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What partners earn. The most specific rule wins: partner + product, then partner, then product, then the
            program rule.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          Create rule
        </Button>
      </div>
      <div className="flex flex-wrap items-start gap-2 px-6 py-4">
        <Select size="small" value={scope ?? "all"} onValueChange={(value) => setFilter("scope", value === "all" ? null : value)}>
          <Select.Trigger className="w-44" aria-label="Scope filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All scopes</Select.Item>
            {SCOPES.map((value) => (
              <Select.Item key={value} value={value}>
                {SCOPE_LABELS[value]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Select size="small" value={kind ?? "all"} onValueChange={(value) => setFilter("kind", value === "all" ? null : value)}>
          <Select.Trigger className="w-44" aria-label="Kind filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">All kinds</Select.Item>
            <Select.Item value="percent">Percent</Select.Item>
            <Select.Item value="fixed_order">Fixed per order</Select.Item>
            <Select.Item value="fixed_lead">Fixed per lead</Select.Item>
          </Select.Content>
        </Select>
        <FilterPicker kind="affiliates" label="Partner" value={affiliateId} onChange={(value) => setFilter("affiliate_id", value)} />
        <FilterPicker kind="products" label="Product" value={productId} onChange={(value) => setFilter("product_id", value)} />
        {filtered && (
          <Button size="small" variant="transparent" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear filters
          </Button>
        )}
      </div>
      <RulesTable
        rules={rules}
        isLoading={isLoading}
        error={error}
        emptyText={filtered ? "No rule matches these filters." : "No rules yet: every partner earns the program's default rate (Settings)."}
        onEdit={setEditing}
      />
      <Pager count={count} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
      <CreateRuleModal open={creating} onOpenChange={setCreating} />
      <EditRuleDrawer rule={editing} onClose={() => setEditing(null)} />
    </Container>
  )
}

/** A filter that picks one partner or product by searching, shown as a button until opened. */
function FilterPicker({
  kind,
  label,
  value,
  onChange,
}: {
  kind: "products" | "affiliates"
  label: string
  value: string | undefined
  onChange: (value: string | null) => void
}) {
  const [open, setOpen] = useState(false)
  if (!open && !value) {
    return (
      <Button size="small" variant="secondary" onClick={() => setOpen(true)}>
        {label}: any
      </Button>
    )
  }
  return (
    <div className="flex w-72 items-start gap-x-1">
      <div className="flex-1">
        <SearchPicker
          kind={kind}
          value={value ?? null}
          onChange={(next) => {
            onChange(next)
            setOpen(false)
          }}
          placeholder={`Search ${kind === "products" ? "products" : "partners"}`}
        />
      </div>
      <Button
        size="small"
        variant="transparent"
        onClick={() => {
          onChange(null)
          setOpen(false)
        }}
      >
        Any
      </Button>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Rules", rank: 4 })

export default RulesPage
