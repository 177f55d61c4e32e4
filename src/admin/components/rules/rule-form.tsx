// Over 400 lines: one form whose sections (scope, product/partner pickers, kind, amounts per
// currency, tiers, window, limits) all read and write one draft and one map of field errors,
// so they were written together. Not split yet for lack of time; the cut is one file per
// section under `rules/fields/`, each taking `{ draft, set, errors }`, with this file keeping
// the draft, validation (`utils/rule-problems.ts`) and submit.
import { Trash, XMark } from "@medusajs/icons"
import {
  Button,
  Checkbox,
  Heading,
  Hint,
  IconButton,
  InlineTip,
  Input,
  Label,
  RadioGroup,
  Select,
  Switch,
  Text,
} from "@medusajs/ui"
import { FormEvent, ReactNode, useEffect, useState } from "react"
import { ruleProblems } from "../../../modules/affiliate/utils/rule-problems"
import { useQuery } from "@tanstack/react-query"
import {
  CommissionRule,
  Named,
  RuleBody,
  RuleKind,
  RuleScope,
  useNames,
  useProgramSettings,
  useSearch,
} from "../../hooks/api/rules"
import { fieldErrors } from "../../lib/field-errors"
import { toastError } from "../../lib/errors"
import { sdk } from "../../lib/sdk"

/** Every field the API can name in a rule's validation message. */
export const RULE_FIELDS = [
  "name",
  "scope",
  "kind",
  "affiliate_id",
  "product_id",
  "level",
  "rate",
  "amounts",
  "excluded",
  "tiers",
  "tier_metric",
  "tier_period_days",
  "window_days",
  "first_order_only",
  "new_customers_only",
  "is_active",
]

export const SCOPE_LABELS: Record<RuleScope, string> = {
  affiliate_product: "Partner + product",
  affiliate: "Partner",
  product: "Product",
  program: "Program",
}

const SCOPE_HELP: Record<RuleScope, string> = {
  affiliate_product: "One partner on one product. The strongest rule: it wins over every other.",
  affiliate: "Everything one partner sells (a rate override). Wins over product and program rules.",
  product: "One product, for every partner. Wins over the program rule only.",
  program: "Every partner and every product: the default when no other rule applies.",
}

export const KIND_LABELS: Record<RuleKind, string> = {
  percent: "Percent of the sale",
  fixed_order: "Fixed amount per order",
  fixed_lead: "Fixed amount per lead",
}

const KIND_HELP: Record<RuleKind, string> = {
  percent: "A share of each item's commissionable base (after the base exclusions in Settings).",
  fixed_order: "The same amount for every referred order, in the order's currency.",
  fixed_lead: "Paid once when a referred visitor creates a customer account.",
}

export function levelLabel(level: number) {
  if (level === 0) return "0 · the referring partner"
  if (level === 1) return "1 · their parent"
  if (level === 2) return "2 · the parent's parent"
  return `${level} · ${level} levels up`
}

type Row = { currency: string; amount: string }
type TierRow = { threshold: string; rate: string }

type State = {
  name: string
  scope: RuleScope
  kind: RuleKind
  affiliate_id: string | null
  product_id: string | null
  level: number
  rate: string
  amounts: Row[]
  excluded: boolean
  tiers: TierRow[]
  tier_metric: "" | "paid_orders" | "revenue"
  tier_period_days: string
  for_life: boolean
  window_days: string
  first_order_only: boolean
  new_customers_only: boolean
  is_active: boolean
}

function initialState(rule?: CommissionRule, lockedAffiliateId?: string): State {
  return {
    name: rule?.name ?? "",
    scope: rule?.scope ?? (lockedAffiliateId ? "affiliate" : "product"),
    kind: rule?.kind ?? "percent",
    affiliate_id: rule?.affiliate_id ?? lockedAffiliateId ?? null,
    product_id: rule?.product_id ?? null,
    level: rule?.level ?? 0,
    rate: rule?.rate != null ? String(rule.rate) : "",
    amounts: Object.entries(rule?.amounts ?? {}).map(([currency, amount]) => ({ currency, amount: String(amount) })),
    excluded: rule?.excluded ?? false,
    tiers: (rule?.tiers ?? []).map((tier) => ({ threshold: String(tier.threshold), rate: String(tier.rate) })),
    tier_metric: rule?.tier_metric ?? "",
    tier_period_days: rule?.tier_period_days != null ? String(rule.tier_period_days) : "",
    for_life: rule ? rule.window_days == null : true,
    window_days: rule?.window_days != null ? String(rule.window_days) : "30",
    first_order_only: rule?.first_order_only ?? false,
    new_customers_only: rule?.new_customers_only ?? false,
    is_active: rule?.is_active ?? true,
  }
}

const needsAffiliate = (scope: RuleScope) => scope === "affiliate" || scope === "affiliate_product"
const needsProduct = (scope: RuleScope) => scope === "product" || scope === "affiliate_product"

/** A number typed in a field: null when empty, NaN when not a number. */
function parseNumber(value: string): number | null {
  const trimmed = value.trim()
  return trimmed === "" ? null : Number(trimmed)
}

/** The request body the form's state makes, and what is wrong with it before sending. */
function toBody(state: State, editing: boolean): { body: RuleBody; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const number = (field: string, value: string, label = field) => {
    const parsed = parseNumber(value)
    if (parsed != null && !Number.isFinite(parsed)) errors[field] = `${label}: must be a number`
    return parsed
  }
  const fixed = state.kind !== "percent"
  const paysNothing = state.excluded
  const amounts: Record<string, number> = {}
  if (fixed && !paysNothing) {
    for (const row of state.amounts) {
      if (!row.currency && !row.amount) continue
      const value = number("amounts", row.amount, `amounts.${row.currency || "?"}`)
      if (!row.currency) errors.amounts = "amounts: choose a currency for every amount"
      else if (row.currency in amounts) errors.amounts = `amounts: ${row.currency.toUpperCase()} is listed twice`
      else if (value != null) amounts[row.currency] = value
    }
  }
  const tiers: { threshold: number; rate: number }[] = []
  if (!fixed && !paysNothing) {
    for (const row of state.tiers) {
      if (!row.threshold && !row.rate) continue
      const threshold = number("tiers", row.threshold, "tiers: threshold")
      const rate = number("tiers", row.rate, "tiers: rate")
      if (threshold == null || rate == null) errors.tiers = "tiers: every tier needs a threshold and a rate"
      else tiers.push({ threshold, rate })
    }
  }
  const body: RuleBody = {
    name: state.name.trim() || null,
    kind: state.kind,
    level: state.level,
    rate: fixed || paysNothing ? null : number("rate", state.rate),
    amounts: fixed && !paysNothing && Object.keys(amounts).length ? amounts : null,
    excluded: needsProduct(state.scope) ? state.excluded : false,
    tiers: tiers.length ? tiers : null,
    tier_metric: tiers.length && state.tier_metric ? state.tier_metric : null,
    tier_period_days: tiers.length ? number("tier_period_days", state.tier_period_days) : null,
    window_days: state.for_life ? null : number("window_days", state.window_days),
    first_order_only: state.first_order_only,
    new_customers_only: state.new_customers_only,
    is_active: state.is_active,
  }
  if (!state.for_life && body.window_days == null) errors.window_days = "window_days: enter a number of days, or choose for life"
  if (!editing) {
    body.scope = state.scope
    body.affiliate_id = needsAffiliate(state.scope) ? state.affiliate_id : null
    body.product_id = needsProduct(state.scope) ? state.product_id : null
  }
  // The API's own rules (shared code): what doesn't hold together is refused here first.
  for (const problem of ruleProblems({
    ...body,
    scope: state.scope,
    affiliate_id: needsAffiliate(state.scope) ? state.affiliate_id : null,
    product_id: needsProduct(state.scope) ? state.product_id : null,
  })) {
    errors[problem.path] ??= problem.message
  }
  if (!editing) {
    // Nothing to send for an unset partner or product; the API would say the same.
    if (!body.affiliate_id) delete body.affiliate_id
    if (!body.product_id) delete body.product_id
  }
  return { body, errors }
}

function useStoreCurrencies() {
  return useQuery({
    queryKey: ["affiliate-rules", "store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{
        stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[]
      }>("/admin/stores", { query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" } })
      return (stores[0]?.supported_currencies ?? []).map((c) => c.currency_code.toLowerCase())
    },
    staleTime: 5 * 60_000,
  })
}

export function Field({
  label,
  error,
  hint,
  children,
  htmlFor,
  testId,
}: {
  label: string
  error?: string
  hint?: ReactNode
  children: ReactNode
  htmlFor?: string
  testId?: string
}) {
  return (
    <div className="flex flex-col gap-y-1.5" data-testid={testId}>
      <Label size="small" weight="plus" htmlFor={htmlFor}>
        {label}
      </Label>
      {children}
      {hint && !error && <Hint>{hint}</Hint>}
      {error && (
        <Hint variant="error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Hint>
      )}
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-y-4">
      <Heading level="h3">{title}</Heading>
      {children}
    </section>
  )
}

/** A searchable picker of products (by title or handle) or partners (by name or email). */
export function SearchPicker({
  kind,
  value,
  onChange,
  placeholder,
  invalid,
  id,
}: {
  kind: "products" | "affiliates"
  value: string | null
  onChange: (value: string | null) => void
  placeholder: string
  invalid?: boolean
  id?: string
}) {
  const [q, setQ] = useState("")
  const [open, setOpen] = useState(false)
  const { data: names } = useNames(kind, value ? [value] : [])
  const { data: results, isLoading, isError } = useSearch(kind, q)
  const selected = value ? names?.get(value) : null

  if (value && !open) {
    return (
      <div className="flex items-center justify-between rounded-md border px-3 py-1.5" data-testid={`picker-${kind}-selected`}>
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {selected?.label ?? value}
          </Text>
          {selected?.detail && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {selected.detail}
            </Text>
          )}
        </div>
        <Button size="small" variant="transparent" type="button" onClick={() => setOpen(true)}>
          Change
        </Button>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex gap-x-2">
        <Input
          id={id}
          size="small"
          type="search"
          aria-invalid={invalid}
          placeholder={placeholder}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="flex-1"
        />
        {value && (
          <IconButton size="small" type="button" onClick={() => setOpen(false)} aria-label="Keep the current choice">
            <XMark />
          </IconButton>
        )}
      </div>
      <div className="max-h-48 overflow-y-auto rounded-md border" role="listbox" data-testid={`picker-${kind}-results`}>
        {isLoading && <Text size="small" className="text-ui-fg-subtle px-3 py-2">Searching…</Text>}
        {isError && <Text size="small" className="text-ui-fg-error px-3 py-2">The search failed.</Text>}
        {!isLoading && !isError && !results?.length && (
          <Text size="small" className="text-ui-fg-subtle px-3 py-2">Nothing matches.</Text>
        )}
        {results?.map((item: Named) => (
          <button
            key={item.id}
            type="button"
            role="option"
            aria-selected={item.id === value}
            className="hover:bg-ui-bg-base-hover flex w-full flex-col px-3 py-1.5 text-left"
            onClick={() => {
              onChange(item.id)
              setOpen(false)
              setQ("")
            }}
          >
            <Text size="small" weight="plus">
              {item.label}
            </Text>
            {item.detail && (
              <Text size="xsmall" className="text-ui-fg-subtle">
                {item.detail}
              </Text>
            )}
          </button>
        ))}
      </div>
    </div>
  )
}

/**
 * The one form for a commission rule, on the Rules page and the partner page:
 * create (every scope) or edit (scope, partner and product are what a rule is;
 * to change them, create another rule). Refuses what doesn't hold together
 * with the API's own checks, and shows the API's messages by their field.
 */
export function RuleForm({
  formId,
  rule,
  lockedAffiliateId,
  onSubmit,
}: {
  formId: string
  rule?: CommissionRule
  /** On a partner's page: the rule is that partner's (partner or partner + product). */
  lockedAffiliateId?: string
  /** Sends the body; throws the API's error. */
  onSubmit: (body: RuleBody) => Promise<unknown>
}) {
  const editing = !!rule
  const [state, setState] = useState<State>(() => initialState(rule, lockedAffiliateId))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { data: settings } = useProgramSettings()
  const { data: currencies } = useStoreCurrencies()
  const maxLevels = settings?.program_settings.max_levels

  useEffect(() => {
    setState(initialState(rule, lockedAffiliateId))
    setErrors({})
  }, [rule?.id])

  const set = <K extends keyof State>(key: K, value: State[K]) => {
    setState((s) => ({ ...s, [key]: value }))
    setErrors((e) => {
      if (!e[key as string] && !e.form) return e
      const { [key as string]: _, form: __, ...rest } = e
      return rest
    })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: problems } = toBody(state, editing)
    setErrors(problems)
    if (Object.keys(problems).length) return
    try {
      await onSubmit(body)
    } catch (error) {
      setErrors(fieldErrors(error, RULE_FIELDS))
      toastError(error)
    }
  }

  const scopes: RuleScope[] = lockedAffiliateId ? ["affiliate", "affiliate_product"] : ["affiliate_product", "affiliate", "product", "program"]
  const kindAllowed = (kind: RuleKind) => kind === "percent" || !needsProduct(state.scope)
  const fixed = state.kind !== "percent"
  const levels = Array.from({ length: 11 }, (_, i) => i)

  return (
    <form id={formId} onSubmit={submit} className="flex flex-col gap-y-8" noValidate>
      <InlineTip label="Which rule applies">
        When several rules could pay for the same item, the most specific one wins: a rule for{" "}
        <b>this partner and this product</b>, then one for <b>this partner</b>, then one for <b>this product</b>,
        then the <b>program</b> rule. Each level (the referring partner, their parent, …) is resolved on its own.
        Fixed amounts are paid per order or per lead, so they go on program or partner rules only.
      </InlineTip>
      {errors.form && (
        <Text size="small" className="text-ui-fg-error" data-testid="rule-form-error">
          {errors.form}
        </Text>
      )}

      <Section title="Who and what it applies to">
        <Field label="Scope" error={errors.scope} hint={editing ? "To change the scope, partner or product, create another rule." : undefined}>
          {editing ? (
            <Text size="small">{SCOPE_LABELS[state.scope]} — {SCOPE_HELP[state.scope]}</Text>
          ) : (
            <RadioGroup
              className="grid grid-cols-2 gap-2"
              value={state.scope}
              onValueChange={(value) => {
                const scope = value as RuleScope
                set("scope", scope)
                if (needsProduct(scope) && state.kind !== "percent") set("kind", "percent")
                if (!needsProduct(scope)) set("excluded", false)
              }}
            >
              {scopes.map((scope) => (
                <RadioGroup.ChoiceBox key={scope} value={scope} label={SCOPE_LABELS[scope]} description={SCOPE_HELP[scope]} />
              ))}
            </RadioGroup>
          )}
        </Field>
        {needsAffiliate(state.scope) && !lockedAffiliateId && (
          <Field label="Partner" error={errors.affiliate_id} htmlFor={`${formId}-affiliate`} testId="field-affiliate">
            {editing ? (
              <SelectedName kind="affiliates" id={state.affiliate_id} />
            ) : (
              <SearchPicker
                id={`${formId}-affiliate`}
                kind="affiliates"
                value={state.affiliate_id}
                onChange={(value) => set("affiliate_id", value)}
                placeholder="Search partners by name or email"
                invalid={!!errors.affiliate_id}
              />
            )}
          </Field>
        )}
        {needsProduct(state.scope) && (
          <Field label="Product" error={errors.product_id} htmlFor={`${formId}-product`} testId="field-product">
            {editing ? (
              <SelectedName kind="products" id={state.product_id} />
            ) : (
              <SearchPicker
                id={`${formId}-product`}
                kind="products"
                value={state.product_id}
                onChange={(value) => set("product_id", value)}
                placeholder="Search products by title or handle"
                invalid={!!errors.product_id}
              />
            )}
          </Field>
        )}
        {needsProduct(state.scope) && (
          <div className="flex items-start gap-x-3">
            <Switch id={`${formId}-excluded`} checked={state.excluded} onCheckedChange={(value) => set("excluded", value)} />
            <div className="flex flex-col">
              <Label size="small" weight="plus" htmlFor={`${formId}-excluded`}>
                Exclude this product from the program
              </Label>
              <Hint>Its items earn nothing{state.scope === "affiliate_product" ? " for this partner" : ""}, whatever the weaker rules say.</Hint>
              {errors.excluded && <Hint variant="error">{errors.excluded}</Hint>}
            </div>
          </div>
        )}
        <Field
          label="Level"
          error={errors.level}
          hint={
            maxLevels != null && state.level > maxLevels
              ? `The program pays down to level ${maxLevels} (Settings → Affiliates): this rule won't pay until that is raised.`
              : "Who earns: 0 is the partner who referred the order, 1 their parent (an override on their recruit's orders), and so on."
          }
        >
          <Select value={String(state.level)} onValueChange={(value) => set("level", Number(value))} size="small">
            <Select.Trigger aria-label="Level">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {levels.map((level) => (
                <Select.Item key={level} value={String(level)}>
                  {levelLabel(level)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
      </Section>

      {!state.excluded && (
        <Section title="What it pays">
          <Field label="Kind" error={errors.kind}>
            <RadioGroup
              className="grid grid-cols-3 gap-2"
              value={state.kind}
              onValueChange={(value) => set("kind", value as RuleKind)}
            >
              {(["percent", "fixed_order", "fixed_lead"] as RuleKind[]).map((kind) => (
                <RadioGroup.ChoiceBox
                  key={kind}
                  value={kind}
                  label={KIND_LABELS[kind]}
                  description={kindAllowed(kind) ? KIND_HELP[kind] : "Not on product rules: paid per order or lead, not per item."}
                  disabled={!kindAllowed(kind)}
                />
              ))}
            </RadioGroup>
          </Field>
          {!fixed ? (
            <Field label="Rate (%)" error={errors.rate} htmlFor={`${formId}-rate`} testId="field-rate">
              <Input
                id={`${formId}-rate`}
                size="small"
                type="number"
                step="any"
                min={0}
                max={100}
                value={state.rate}
                aria-invalid={!!errors.rate}
                onChange={(e) => set("rate", e.target.value)}
                placeholder="e.g. 15"
              />
            </Field>
          ) : (
            <Field
              label="Amount per currency"
              error={errors.amounts}
              hint="An order in a currency with no amount here earns nothing from this rule."
              testId="field-amounts"
            >
              <div className="flex flex-col gap-y-2">
                {state.amounts.map((row, index) => (
                  <div key={index} className="flex items-center gap-x-2">
                    <Select
                      size="small"
                      value={row.currency}
                      onValueChange={(currency) =>
                        set("amounts", state.amounts.map((r, i) => (i === index ? { ...r, currency } : r)))
                      }
                    >
                      <Select.Trigger className="w-28" aria-label="Currency">
                        <Select.Value placeholder="Currency" />
                      </Select.Trigger>
                      <Select.Content>
                        {(currencies ?? []).map((code) => (
                          <Select.Item key={code} value={code}>
                            {code.toUpperCase()}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                    <Input
                      size="small"
                      type="number"
                      step="any"
                      min={0}
                      aria-label={`Amount ${row.currency.toUpperCase()}`}
                      value={row.amount}
                      onChange={(e) => set("amounts", state.amounts.map((r, i) => (i === index ? { ...r, amount: e.target.value } : r)))}
                      className="flex-1"
                    />
                    <IconButton
                      size="small"
                      type="button"
                      aria-label="Remove amount"
                      onClick={() => set("amounts", state.amounts.filter((_, i) => i !== index))}
                    >
                      <Trash />
                    </IconButton>
                  </div>
                ))}
                <Button
                  size="small"
                  variant="secondary"
                  type="button"
                  className="self-start"
                  onClick={() => {
                    const used = new Set(state.amounts.map((r) => r.currency))
                    const next = (currencies ?? []).find((code) => !used.has(code)) ?? ""
                    set("amounts", [...state.amounts, { currency: next, amount: "" }])
                  }}
                >
                  Add an amount
                </Button>
              </div>
            </Field>
          )}
        </Section>
      )}

      {!state.excluded && !fixed && (
        <Section title="Tiers">
          <Text size="small" className="text-ui-fg-subtle">
            Optional. The rate rises once the partner reaches a threshold; the highest tier reached replaces the rate
            above, checked when each order is credited.
          </Text>
          <div className="grid grid-cols-2 gap-4">
            <Field label="Measured by" error={errors.tier_metric}>
              <Select
                size="small"
                value={state.tier_metric || "none"}
                onValueChange={(value) => set("tier_metric", value === "none" ? "" : (value as State["tier_metric"]))}
              >
                <Select.Trigger aria-label="Measured by">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="none">Choose…</Select.Item>
                  <Select.Item value="paid_orders">Paid referred orders</Select.Item>
                  <Select.Item value="revenue">Referred revenue</Select.Item>
                </Select.Content>
              </Select>
            </Field>
            <Field label="Over the last (days)" error={errors.tier_period_days} hint="Empty: all time.">
              <Input
                size="small"
                type="number"
                min={1}
                value={state.tier_period_days}
                onChange={(e) => set("tier_period_days", e.target.value)}
                placeholder="All time"
              />
            </Field>
          </div>
          <Field label="Tiers" error={errors.tiers}>
            <div className="flex flex-col gap-y-2">
              {state.tiers.map((tier, index) => (
                <div key={index} className="flex items-center gap-x-2">
                  <Text size="small" className="text-ui-fg-subtle w-12">From</Text>
                  <Input
                    size="small"
                    type="number"
                    min={0}
                    aria-label="Threshold"
                    value={tier.threshold}
                    onChange={(e) => set("tiers", state.tiers.map((t, i) => (i === index ? { ...t, threshold: e.target.value } : t)))}
                  />
                  <Text size="small" className="text-ui-fg-subtle w-24">
                    {state.tier_metric === "revenue" ? "in revenue," : "orders,"} pay
                  </Text>
                  <Input
                    size="small"
                    type="number"
                    min={0}
                    max={100}
                    aria-label="Tier rate"
                    value={tier.rate}
                    onChange={(e) => set("tiers", state.tiers.map((t, i) => (i === index ? { ...t, rate: e.target.value } : t)))}
                  />
                  <Text size="small" className="text-ui-fg-subtle">%</Text>
                  <IconButton size="small" type="button" aria-label="Remove tier" onClick={() => set("tiers", state.tiers.filter((_, i) => i !== index))}>
                    <Trash />
                  </IconButton>
                </div>
              ))}
              <Button
                size="small"
                variant="secondary"
                type="button"
                className="self-start"
                onClick={() => set("tiers", [...state.tiers, { threshold: "", rate: "" }])}
              >
                Add a tier
              </Button>
            </div>
          </Field>
        </Section>
      )}

      {!state.excluded && (
        <Section title="When it pays">
          <Field
            label="Commission window"
            error={errors.window_days}
            hint="Orders earn only this many days after the customer was first referred; for life, every later order earns."
          >
            <div className="flex items-center gap-x-4">
              <RadioGroup
                className="flex gap-x-4"
                value={state.for_life ? "life" : "days"}
                onValueChange={(value) => set("for_life", value === "life")}
              >
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="life" id={`${formId}-life`} />
                  <Label size="small" htmlFor={`${formId}-life`}>For life</Label>
                </div>
                <div className="flex items-center gap-x-2">
                  <RadioGroup.Item value="days" id={`${formId}-days`} />
                  <Label size="small" htmlFor={`${formId}-days`}>For a number of days</Label>
                </div>
              </RadioGroup>
              {!state.for_life && (
                <Input
                  size="small"
                  type="number"
                  min={1}
                  className="w-28"
                  aria-label="Window days"
                  value={state.window_days}
                  onChange={(e) => set("window_days", e.target.value)}
                />
              )}
            </div>
          </Field>
          <div className="flex flex-col gap-y-2">
            <CheckRow
              id={`${formId}-first`}
              checked={state.first_order_only}
              onChange={(value) => set("first_order_only", value)}
              label="First order only"
              hint="Only the customer's first referred order earns."
            />
            <CheckRow
              id={`${formId}-new`}
              checked={state.new_customers_only}
              onChange={(value) => set("new_customers_only", value)}
              label="New customers only"
              hint="Only customers who had never ordered before earn."
            />
          </div>
        </Section>
      )}

      <Section title="Name and status">
        <Field label="Name (optional)" error={errors.name} htmlFor={`${formId}-name`}>
          <Input id={`${formId}-name`} size="small" value={state.name} onChange={(e) => set("name", e.target.value)} placeholder="e.g. Summer boost" />
        </Field>
        <div className="flex items-center gap-x-3">
          <Switch id={`${formId}-active`} checked={state.is_active} onCheckedChange={(value) => set("is_active", value)} />
          <Label size="small" htmlFor={`${formId}-active`}>
            Active (an inactive rule is kept but never applies)
          </Label>
        </div>
      </Section>
    </form>
  )
}

function CheckRow({ id, checked, onChange, label, hint }: { id: string; checked: boolean; onChange: (value: boolean) => void; label: string; hint: string }) {
  return (
    <div className="flex items-start gap-x-2">
      <Checkbox id={id} checked={checked} onCheckedChange={(value) => onChange(value === true)} />
      <div className="flex flex-col">
        <Label size="small" htmlFor={id}>
          {label}
        </Label>
        <Hint>{hint}</Hint>
      </div>
    </div>
  )
}

function SelectedName({ kind, id }: { kind: "products" | "affiliates"; id: string | null }) {
  const { data } = useNames(kind, id ? [id] : [])
  return <Text size="small">{(id && data?.get(id)?.label) ?? id ?? "—"}</Text>
}
