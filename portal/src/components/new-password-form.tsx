import { Button, Input } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Field } from "./field"
import { useFormErrors } from "../lib/use-form-errors"

/** A new password typed twice; `save` gets it once both match. */
export function NewPasswordForm({ submitLabel, save }: { submitLabel: string; save: (password: string) => Promise<void> }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const { errors, show, clear } = useFormErrors(["password", "confirm", "token"])

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const password = String(form.get("password") ?? "")
    clear()
    if (password.length < 8) return show(new Error(`password: ${t("field.password_hint")}`))
    if (password !== form.get("confirm")) return show(new Error(`confirm: ${t("field.passwords_differ")}`))
    setBusy(true)
    try {
      await save(password)
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field id="password" label={t("field.new_password")} error={errors.password} hint={t("field.password_hint")}>
        <Input id="password" name="password" type="password" autoComplete="new-password" />
      </Field>
      <Field id="confirm" label={t("field.confirm_password")} error={errors.confirm ?? errors.token}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" isLoading={busy}>
        {submitLabel}
      </Button>
    </form>
  )
}
