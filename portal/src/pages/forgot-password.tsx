import { Alert, Button, Input } from "@medusajs/ui"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { Field } from "../components/field"
import { api } from "../lib/api"
import { useFormErrors } from "../lib/use-form-errors"
import { loginEmail } from "../lib/session"

/** Asks for a reset link; the answer is the same whether the email has a login or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)
  const { errors, show, clear } = useFormErrors(["identifier"])

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const identifier = loginEmail(String(new FormData(e.currentTarget).get("email") ?? ""))
    clear()
    setBusy(true)
    try {
      await api("/auth/affiliate/emailpass/reset-password", { method: "POST", body: { identifier } })
      setSent(true)
    } catch (error) {
      show(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout title={t("forgot.title")} subtitle={t("forgot.subtitle")}>
      {sent ? (
        <Alert variant="success">{t("forgot.sent")}</Alert>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <Field id="email" label={t("field.email")} error={errors.identifier}>
            <Input id="email" name="email" type="email" autoComplete="email" />
          </Field>
          <Button type="submit" isLoading={busy}>
            {t("forgot.submit")}
          </Button>
        </form>
      )}
      <Link to="/login" className="mt-4 block txt-compact-small text-ui-fg-interactive">
        {t("forgot.to_login")}
      </Link>
    </AuthLayout>
  )
}
