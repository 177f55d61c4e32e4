// Over 400 lines: every program setting in one page, because Save sends only the fields
// changed across all sections and maps the API's messages back to them. Registration and
// the portal texts are sections in `components/settings/`; the rest (attribution, payouts,
// rates and levels, fraud) are still inline, and move the same way, taking `{ form, set, errors }`.
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trash } from "@medusajs/icons"
import {
  Button,
  Checkbox,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  Select,
  Text,
  toast,
  usePrompt,
} from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, ReactNode, useEffect, useMemo, useState } from "react"
import { ErrorState } from "../../../components/error-state"
import { Field } from "../../../components/rules/rule-form"
import { fromFieldDrafts, toFieldDrafts, type ApplicationFieldDraft } from "../../../components/settings/application-fields-editor"
import { PortalSection } from "../../../components/settings/portal-section"
import { RegistrationSection } from "../../../components/settings/registration-section"
import { SettingsSection, Toggle } from "../../../components/settings/settings-section"
import { ProgramSettings, ruleKeys, SettingsResponse, useProgramSettings, useUpdateProgramSettings } from "../../../hooks/api/rules"
import { programKeys } from "../../../hooks/api/program"
import { toastError } from "../../../lib/errors"
import { fieldErrors } from "../../../lib/field-errors"
import { sdk } from "../../../lib/sdk"

const NUMBER_FIELDS = [
  "attribution_window_days",
  "hold_days",
  "default_commission_rate",
  "max_levels",
  "click_retention_days",
  "fraud.max_clicks_per_ip_per_day",
  "fraud.max_conversion_rate",
  "fraud.min_clicks_for_conversion_check",
] as const
type NumberField = (typeof NUMBER_FIELDS)[number]

/** Every field the API can name in a settings message. */
const SETTINGS_FIELDS = [
  ...NUMBER_FIELDS,
  "attribution_model",
  "lifetime_attribution",
  "minimum_payout",
  "exclude_from_base",
  "no_negative_carryover",
  "fraud",
  "payout_schedule",
  "registration_mode",
  "application_fields",
  "portal_terms",
  "portal_help_text",
]

type Form = {
  numbers: Record<NumberField, string>
  attribution_model: ProgramSettings["attribution_model"]
  lifetime_attribution: boolean
  no_negative_carryover: boolean
  exclude_from_base: ProgramSettings["exclude_from_base"]
  registration_mode: ProgramSettings["registration_mode"]
  application_fields: ApplicationFieldDraft[]
  minimum_per_currency: boolean
  minimum_all: string
  minimums: { currency: string; amount: string }[]
  schedule_on: boolean
  schedule_day: string
  portal_terms: string
  portal_help_text: string
}

function readNumber(settings: ProgramSettings, field: NumberField): number {
  const [group, key] = field.split(".")
  return key ? (settings as any)[group][key] : (settings as any)[group]
}

function toForm(settings: ProgramSettings): Form {
  const minimum = settings.minimum_payout
  return {
    numbers: Object.fromEntries(NUMBER_FIELDS.map((field) => [field, String(readNumber(settings, field))])) as Form["numbers"],
    attribution_model: settings.attribution_model,
    lifetime_attribution: settings.lifetime_attribution,
    no_negative_carryover: settings.no_negative_carryover,
    exclude_from_base: { ...settings.exclude_from_base },
    registration_mode: settings.registration_mode ?? "approval",
    application_fields: toFieldDrafts(settings.application_fields ?? []),
    minimum_per_currency: typeof minimum !== "number",
    minimum_all: typeof minimum === "number" ? String(minimum) : "0",
    minimums:
      typeof minimum === "number"
        ? []
        : Object.entries(minimum).map(([currency, amount]) => ({ currency: currency.toLowerCase(), amount: String(amount) })),
    schedule_on: !!settings.payout_schedule,
    schedule_day: String(settings.payout_schedule?.day ?? 1),
    portal_terms: settings.portal_terms ?? "",
    portal_help_text: settings.portal_help_text ?? "",
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Only what changed, nested groups field by field; and what can't be sent
 * (a word where a number goes), by field. The API checks the rest.
 */
function changes(form: Form, settings: ProgramSettings): { body: Record<string, any>; errors: Record<string, string> } {
  const body: Record<string, any> = {}
  const errors: Record<string, string> = {}
  const number = (field: string, value: string) => {
    const parsed = value.trim() === "" ? NaN : Number(value)
    if (!Number.isFinite(parsed)) errors[field] = `${field}: enter a number`
    return parsed
  }
  for (const field of NUMBER_FIELDS) {
    const value = number(field, form.numbers[field])
    if (errors[field] || value === readNumber(settings, field)) continue
    const [group, key] = field.split(".")
    if (key) body[group] = { ...body[group], [key]: value }
    else body[group] = value
  }
  for (const key of ["attribution_model", "lifetime_attribution", "no_negative_carryover", "registration_mode"] as const) {
    if (form[key] !== (settings as any)[key]) body[key] = form[key]
  }
  for (const [key, value] of Object.entries(form.exclude_from_base)) {
    if (value !== (settings.exclude_from_base as any)[key]) body.exclude_from_base = { ...body.exclude_from_base, [key]: value }
  }
  let minimum: number | Record<string, number>
  if (form.minimum_per_currency) {
    minimum = {}
    for (const row of form.minimums) {
      if (!row.currency && !row.amount) continue
      if (!/^[a-z]{3}$/i.test(row.currency)) errors.minimum_payout = "minimum_payout: choose a currency for every minimum"
      const amount = number("minimum_payout", row.amount)
      if (Number.isFinite(amount)) minimum[row.currency.toLowerCase()] = amount
    }
  } else {
    minimum = number("minimum_payout", form.minimum_all)
  }
  if (!errors.minimum_payout && !same(minimum, settings.minimum_payout)) body.minimum_payout = minimum
  const schedule = form.schedule_on
    ? { ...(settings.payout_schedule?.currencies ? { currencies: settings.payout_schedule.currencies } : {}), day: number("payout_schedule", form.schedule_day) }
    : null
  if (!errors.payout_schedule && !same(schedule, settings.payout_schedule)) body.payout_schedule = schedule
  const fields = fromFieldDrafts(form.application_fields)
  if (!same(fields, (settings.application_fields ?? []).map((f) => fromFieldDrafts(toFieldDrafts([f]))[0]))) {
    body.application_fields = fields
  }
  for (const key of ["portal_terms", "portal_help_text"] as const) {
    const value = form[key].trim() ? form[key] : null
    if (value !== (settings[key] ?? null)) body[key] = value
  }
  return { body, errors }
}

function useStoreCurrencyCodes() {
  return useQuery({
    queryKey: ["affiliate-rules", "store-currencies"],
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{ stores: { supported_currencies?: { currency_code: string }[] }[] }>(
        "/admin/stores",
        { query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" } }
      )
      return (stores[0]?.supported_currencies ?? []).map((c) => c.currency_code.toLowerCase())
    },
    staleTime: 5 * 60_000,
  })
}

/** The program settings (G5) under Medusa's Settings. */
const AffiliateSettingsPage = () => {
  const { data, isLoading, error } = useProgramSettings()
  if (isLoading) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
      </Container>
    )
  }
  if (error || !data) {
    return <ErrorState error={error} />
  }
  return <SettingsForm settings={data.program_settings} />
}

function SettingsForm({ settings }: { settings: ProgramSettings }) {
  const initial = useMemo(() => toForm(settings), [settings])
  const [form, setForm] = useState<Form>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = useUpdateProgramSettings()
  const client = useQueryClient()
  const prompt = usePrompt()
  const { data: currencies } = useStoreCurrencyCodes()
  const reset = useMutation({
    mutationFn: () => sdk.client.fetch<SettingsResponse>("/admin/affiliate-settings", { method: "DELETE" }),
    onSuccess: (data) => client.setQueryData(ruleKeys.settings, data),
  })

  useEffect(() => setForm(initial), [initial])

  const dirty = useMemo(() => Object.keys(changes(form, settings).body).length > 0, [form, settings])

  const clear = (field: string) =>
    setErrors((e) => {
      if (!e[field] && !e.form) return e
      const { [field]: _, form: __, ...rest } = e
      return rest
    })
  const setNumber = (field: NumberField, value: string) => {
    setForm((f) => ({ ...f, numbers: { ...f.numbers, [field]: value } }))
    clear(field)
  }
  const set = <K extends keyof Form>(key: K, value: Form[K], field: string = key) => {
    setForm((f) => ({ ...f, [key]: value }))
    clear(field)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { body, errors: problems } = changes(form, settings)
    setErrors(problems)
    if (Object.keys(problems).length) return
    if (!Object.keys(body).length) {
      toast.info("Nothing changed")
      return
    }
    try {
      await update.mutateAsync(body)
      // Changed terms are a new published version.
      if ("portal_terms" in body) client.invalidateQueries({ queryKey: programKeys.public })
      toast.success("Settings saved")
    } catch (error) {
      setErrors(fieldErrors(error, SETTINGS_FIELDS))
      toastError(error)
    }
  }

  const resetAll = async () => {
    const confirmed = await prompt({
      title: "Reset every setting?",
      description: "Every change made here is dropped and the plugin options in medusa-config apply again.",
      confirmText: "Reset",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    reset.mutate(undefined, { onSuccess: () => toast.success("Settings reset to the plugin options"), onError: toastError })
  }

  const numberInput = (field: NumberField, label: string, hint: ReactNode, props: { min?: number; max?: number; step?: string } = {}) => (
    <Field label={label} error={errors[field]} hint={hint} htmlFor={`setting-${field}`} testId={`setting-${field}`}>
      <Input
        id={`setting-${field}`}
        size="small"
        type="number"
        step={props.step ?? "1"}
        min={props.min}
        max={props.max}
        aria-invalid={!!errors[field]}
        value={form.numbers[field]}
        onChange={(e) => setNumber(field, e.target.value)}
      />
    </Field>
  )

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-y-3" data-testid="affiliate-settings-form">
      <Container className="flex items-start justify-between px-6 py-4">
        <div>
          <Heading level="h1">Affiliates</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How the affiliate program runs. What you save here wins over the plugin options, field by field.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" type="button" onClick={resetAll} isLoading={reset.isPending}>
            Reset to plugin options
          </Button>
          <Button size="small" type="submit" isLoading={update.isPending} disabled={!dirty}>
            Save
          </Button>
        </div>
      </Container>
      {errors.form && (
        <Container className="px-6 py-3">
          <Text size="small" className="text-ui-fg-error">{errors.form}</Text>
        </Container>
      )}

      <RegistrationSection
        mode={form.registration_mode}
        onModeChange={(value) => set("registration_mode", value)}
        fields={form.application_fields}
        onFieldsChange={(value) => set("application_fields", value)}
        errors={errors}
      />

      <SettingsSection title="Attribution" description="Which partner an order is credited to.">
        <div className="grid grid-cols-2 gap-4">
          {numberInput("attribution_window_days", "Attribution window (days)", "How long a click or code keeps crediting its partner.", { min: 1, max: 3650 })}
          <Field label="Attribution model" error={errors.attribution_model} hint="Between two clicks on one cart.">
            <Select size="small" value={form.attribution_model} onValueChange={(value) => set("attribution_model", value as Form["attribution_model"])}>
              <Select.Trigger aria-label="Attribution model">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="last_click">Last click wins</Select.Item>
                <Select.Item value="first_click">First click wins</Select.Item>
              </Select.Content>
            </Select>
          </Field>
        </div>
        <Toggle
          id="setting-code-beats-click"
          checked
          disabled
          label="A typed code beats a click"
          hint="Always on: a code the shopper types at checkout replaces a click attribution; a click never replaces a code."
        />
        <Toggle
          id="setting-lifetime"
          checked={form.lifetime_attribution}
          onChange={(value) => set("lifetime_attribution", value)}
          label="Lifetime attribution"
          hint="A customer's later orders with no code or click are credited to the partner of their first referred order (each rule's window limits how long)."
          error={errors.lifetime_attribution}
        />
      </SettingsSection>

      <SettingsSection title="Commissions" description="What partners earn when no rule says otherwise, and on what.">
        <div className="grid grid-cols-2 gap-4">
          {numberInput("default_commission_rate", "Default rate (%)", "Paid on the base when no commission rule applies.", { min: 0, max: 100, step: "any" })}
          {numberInput("max_levels", "Levels", "The deepest parent level that can earn an override on a recruit's orders; 0 turns overrides off. Each level also needs a rule.", { min: 0, max: 10 })}
          {numberInput("hold_days", "Hold period (days)", "A paid line waits this long (the refund window) before it is approved.", { min: 0, max: 3650 })}
        </div>
        <Field label="Left out of the commission base" error={errors.exclude_from_base}>
          <div className="grid grid-cols-2 gap-2">
            {(
              [
                ["shipping", "Shipping"],
                ["tax", "Tax"],
                ["discounts", "Discounts"],
                ["gift_cards", "Gift cards"],
              ] as const
            ).map(([key, label]) => (
              <div key={key} className="flex items-center gap-x-2">
                <Checkbox
                  id={`setting-exclude-${key}`}
                  checked={form.exclude_from_base[key]}
                  onCheckedChange={(value) => set("exclude_from_base", { ...form.exclude_from_base, [key]: value === true })}
                />
                <Label size="small" htmlFor={`setting-exclude-${key}`}>
                  {label}
                </Label>
              </div>
            ))}
          </div>
        </Field>
      </SettingsSection>

      <SettingsSection title="Payouts" description="When partners can be paid.">
        <Field
          label="Minimum payout"
          error={errors.minimum_payout}
          hint="A balance below the minimum carries over to the next payout."
          testId="setting-minimum_payout"
        >
          <div className="flex flex-col gap-y-2">
            <Toggle
              id="setting-minimum-per-currency"
              checked={form.minimum_per_currency}
              onChange={(value) => set("minimum_per_currency", value, "minimum_payout")}
              label="A minimum per currency"
            />
            {!form.minimum_per_currency ? (
              <Input
                size="small"
                type="number"
                step="any"
                min={0}
                aria-label="Minimum payout for every currency"
                value={form.minimum_all}
                onChange={(e) => set("minimum_all", e.target.value, "minimum_payout")}
              />
            ) : (
              <>
                {form.minimums.map((row, index) => (
                  <div key={index} className="flex items-center gap-x-2">
                    <Select
                      size="small"
                      value={row.currency}
                      onValueChange={(currency) =>
                        set("minimums", form.minimums.map((r, i) => (i === index ? { ...r, currency } : r)), "minimum_payout")
                      }
                    >
                      <Select.Trigger className="w-28" aria-label="Currency">
                        <Select.Value placeholder="Currency" />
                      </Select.Trigger>
                      <Select.Content>
                        {[...new Set([...(currencies ?? []), ...(row.currency ? [row.currency] : [])])].map((code) => (
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
                      aria-label={`Minimum payout ${row.currency.toUpperCase()}`}
                      value={row.amount}
                      onChange={(e) =>
                        set("minimums", form.minimums.map((r, i) => (i === index ? { ...r, amount: e.target.value } : r)), "minimum_payout")
                      }
                    />
                    <IconButton
                      size="small"
                      type="button"
                      aria-label="Remove minimum"
                      onClick={() => set("minimums", form.minimums.filter((_, i) => i !== index), "minimum_payout")}
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
                    const used = new Set(form.minimums.map((r) => r.currency))
                    set("minimums", [...form.minimums, { currency: (currencies ?? []).find((c) => !used.has(c)) ?? "", amount: "" }], "minimum_payout")
                  }}
                >
                  Add a currency
                </Button>
              </>
            )}
          </div>
        </Field>
        <Field label="Payout schedule" error={errors.payout_schedule} hint="Pay every partner due a payout once a month, as a batch per currency (UTC).">
          <div className="flex items-center gap-x-4">
            <Toggle id="setting-schedule-on" checked={form.schedule_on} onChange={(value) => set("schedule_on", value, "payout_schedule")} label="Monthly" />
            {form.schedule_on && (
              <div className="flex items-center gap-x-2">
                <Label size="small" htmlFor="setting-schedule-day">On day</Label>
                <Input
                  id="setting-schedule-day"
                  size="small"
                  type="number"
                  min={1}
                  max={28}
                  className="w-20"
                  value={form.schedule_day}
                  onChange={(e) => set("schedule_day", e.target.value, "payout_schedule")}
                />
              </div>
            )}
          </div>
        </Field>
        <Toggle
          id="setting-no-negative"
          checked={form.no_negative_carryover}
          onChange={(value) => set("no_negative_carryover", value)}
          label="Write off negative balances monthly"
          hint="At the start of each month a negative balance is written off, so the partner starts at zero."
          error={errors.no_negative_carryover}
        />
      </SettingsSection>

      <SettingsSection title="Fraud" description="Patterns that put a new commission line on hold for review. Self-referral always is.">
        <div className="grid grid-cols-3 gap-4">
          {numberInput("fraud.max_clicks_per_ip_per_day", "Clicks per IP per day", "Orders from an IP with more clicks in 24 hours are held.", { min: 1 })}
          {numberInput("fraud.max_conversion_rate", "Conversion rate above (%)", "A partner converting more of their clicks is held…", { min: 0, max: 100, step: "any" })}
          {numberInput("fraud.min_clicks_for_conversion_check", "…once they have clicks", "Clicks in the last 30 days before the rate is checked.", { min: 0 })}
        </div>
      </SettingsSection>

      <SettingsSection title="Data" description="How long raw tracking data is kept.">
        <div className="grid grid-cols-2 gap-4">
          {numberInput("click_retention_days", "Click retention (days)", "Older clicks are purged daily; report figures keep them.", { min: 1, max: 3650 })}
        </div>
      </SettingsSection>

      <PortalSection
        terms={form.portal_terms}
        savedTerms={settings.portal_terms}
        helpText={form.portal_help_text}
        onTermsChange={(value) => set("portal_terms", value)}
        onHelpTextChange={(value) => set("portal_help_text", value)}
        errors={errors}
      />

      <div className="flex justify-end">
        <Button size="small" type="submit" isLoading={update.isPending} disabled={!dirty}>
          Save
        </Button>
      </div>
    </form>
  )
}

export const config = defineRouteConfig({
  label: "Affiliates",
})

export default AffiliateSettingsPage
