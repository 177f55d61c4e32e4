import { Button, Input, Textarea } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { api } from "../lib/api"
import { useFormErrors } from "../lib/use-form-errors"
import { Field } from "./field"
import { NativeSelect } from "./native-select"

export const METHOD_FIELDS: Record<string, string[]> = {
  bank_transfer: ["account_holder_name", "iban", "account_number", "routing_number", "sort_code", "bic", "bank_name", "country"],
  paypal: ["email"],
  skrill: ["email"],
  neteller: ["email"],
  crypto: ["currency", "network", "wallet_address", "memo"],
  other: ["instructions"],
}
export const PAYOUT_METHODS = Object.keys(METHOD_FIELDS)

/**
 * New payout details, typed in full: what is saved is never shown back
 * unmasked, so editing starts from empty fields.
 */
export function PayoutDetailsForm({ initialMethod, onSaved, onCancel }: { initialMethod: string | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const [method, setMethod] = useState(initialMethod && METHOD_FIELDS[initialMethod] ? initialMethod : "bank_transfer")
  const [busy, setBusy] = useState(false)
  const { errors, show, clear } = useFormErrors(["method", ...new Set(Object.values(METHOD_FIELDS).flat())])

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const body: Record<string, string> = { method }
    for (const key of METHOD_FIELDS[method]) {
      const value = String(form.get(key) ?? "").trim()
      if (value) body[key] = value
    }
    clear()
    setBusy(true)
    try {
      await api("/affiliate/me/payout-details", { method: "POST", body })
      onSaved()
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate data-testid="payout-details-form">
      <NativeSelect
        id="payout-method"
        label={t("payout.method")}
        value={method}
        onChange={(value) => {
          setMethod(value)
          clear()
        }}
        options={PAYOUT_METHODS.map((m) => ({ value: m, label: t(`payout_method.${m}`) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        {METHOD_FIELDS[method].map((key) => (
          <Field key={`${method}.${key}`} id={`payout-${key}`} label={t(`payout.field.${key}`)} error={errors[key]}>
            {key === "instructions" ? (
              <Textarea id={`payout-${key}`} name={key} rows={4} maxLength={1000} />
            ) : (
              <Input id={`payout-${key}`} name={key} maxLength={140} autoComplete="off" />
            )}
          </Field>
        ))}
      </div>
      {errors.method && <p className="txt-compact-small text-ui-fg-error">{errors.method}</p>}
      <div className="flex gap-2">
        <Button type="submit" isLoading={busy}>
          {t("action.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("action.cancel")}
        </Button>
      </div>
    </form>
  )
}
