import { Input, Select, Textarea } from "@medusajs/ui"
import { FormField } from "./form-field"

export const PAYOUT_METHODS: { value: string; label: string }[] = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "paypal", label: "PayPal" },
  { value: "skrill", label: "Skrill" },
  { value: "neteller", label: "Neteller" },
  { value: "crypto", label: "Crypto" },
  { value: "other", label: "Other" },
]

/** The fields each payout method needs (the API's union, B6), labels as the admin reads them. */
const FIELDS: Record<string, { key: string; label: string; optional?: boolean; multiline?: boolean; hint?: string }[]> = {
  bank_transfer: [
    { key: "account_holder_name", label: "Account holder" },
    { key: "bank_name", label: "Bank" },
    { key: "country", label: "Country", hint: "2-letter code, e.g. DE" },
    { key: "iban", label: "IBAN", optional: true, hint: "An IBAN or an account number" },
    { key: "account_number", label: "Account number", optional: true },
    { key: "bic", label: "BIC / SWIFT", optional: true },
    { key: "routing_number", label: "Routing number", optional: true },
    { key: "sort_code", label: "Sort code", optional: true },
  ],
  paypal: [{ key: "email", label: "PayPal email" }],
  skrill: [{ key: "email", label: "Skrill email" }],
  neteller: [{ key: "email", label: "Neteller email" }],
  crypto: [
    { key: "currency", label: "Currency", hint: "e.g. USDT, BTC" },
    { key: "network", label: "Network", hint: "e.g. tron, ethereum, bitcoin" },
    { key: "wallet_address", label: "Wallet address" },
    { key: "memo", label: "Memo / tag", optional: true },
  ],
  other: [{ key: "instructions", label: "Instructions", multiline: true }],
}

/** Every key a payout-details form may show an error for. */
export const PAYOUT_FIELD_KEYS = ["method", ...new Set(Object.values(FIELDS).flat().map((field) => field.key))]

export type PayoutDraft = { method: string } & Record<string, string>

/** The body the API takes: the method and its non-empty fields. */
export function payoutBody(draft: PayoutDraft) {
  const fields = FIELDS[draft.method] ?? []
  return {
    method: draft.method,
    ...Object.fromEntries(fields.filter((field) => draft[field.key]?.trim()).map((field) => [field.key, draft[field.key].trim()])),
  }
}

/**
 * A payout method and its fields. `prefix` scopes the inputs' ids (and the
 * error keys the caller passes, e.g. `payout_details.iban`).
 */
export const PayoutDetailsFields = ({
  value,
  onChange,
  errors,
  prefix = "payout",
  allowNone,
}: {
  value: PayoutDraft
  onChange: (value: PayoutDraft) => void
  errors: Record<string, string | undefined>
  prefix?: string
  allowNone?: boolean
}) => (
  <div className="flex flex-col gap-y-4">
    <FormField id={`${prefix}-method`} label="Payout method" optional={allowNone} error={errors.method}>
      <Select value={value.method || "none"} onValueChange={(method) => onChange({ method: method === "none" ? "" : method })}>
        <Select.Trigger id={`${prefix}-method`}>
          <Select.Value placeholder="Choose a method" />
        </Select.Trigger>
        <Select.Content>
          {allowNone && <Select.Item value="none">Not now</Select.Item>}
          {PAYOUT_METHODS.map((method) => (
            <Select.Item key={method.value} value={method.value}>
              {method.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </FormField>
    {(FIELDS[value.method] ?? []).map((field) => (
      <FormField
        key={field.key}
        id={`${prefix}-${field.key}`}
        label={field.label}
        optional={field.optional}
        hint={field.hint}
        error={errors[field.key]}
      >
        {field.multiline ? (
          <Textarea
            id={`${prefix}-${field.key}`}
            value={value[field.key] ?? ""}
            onChange={(e) => onChange({ ...value, [field.key]: e.target.value })}
          />
        ) : (
          <Input
            id={`${prefix}-${field.key}`}
            value={value[field.key] ?? ""}
            onChange={(e) => onChange({ ...value, [field.key]: e.target.value })}
          />
        )}
      </FormField>
    ))}
  </div>
)

/** The method's label ("Bank transfer"), or the raw value. */
export function payoutMethodLabel(method: string | null | undefined) {
  return PAYOUT_METHODS.find((m) => m.value === method)?.label ?? method ?? "—"
}
