import { Alert, Button, Input, Text } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { Field } from "../components/field"
import { ApiError } from "../lib/api"
import { logIn } from "../lib/session"
import { useFormErrors } from "../lib/use-form-errors"

export function LoginPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [params] = useSearchParams()
  const [busy, setBusy] = useState(false)
  const { errors, show, clear } = useFormErrors(["email", "password"])

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    setBusy(true)
    clear()
    try {
      await logIn(String(form.get("email")), String(form.get("password")))
      client.clear()
      const next = params.get("next")
      // Only a path inside the portal: never an open redirect.
      navigate(next && next.startsWith("/") && !next.startsWith("//") ? next : "/", { replace: true })
    } catch (error) {
      show(error instanceof ApiError && error.status === 401 ? new Error(`password: ${t("login.invalid")}`) : error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthLayout title={t("login.title")} subtitle={t("login.subtitle")}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {params.get("next")?.startsWith("/verify-email") && (
          <Alert data-testid="verify-first">{t("login.verify_first")}</Alert>
        )}
        <Field id="email" label={t("field.email")} error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" defaultValue={params.get("email") ?? ""} />
        </Field>
        <Field id="password" label={t("field.password")} error={errors.password}>
          <Input id="password" name="password" type="password" autoComplete="current-password" />
        </Field>
        <Button type="submit" isLoading={busy}>
          {t("login.submit")}
        </Button>
        <div className="flex flex-wrap justify-between gap-2">
          <Link to="/forgot-password" className="txt-compact-small text-ui-fg-interactive">
            {t("login.forgot")}
          </Link>
          <Text size="small">
            {t("login.no_account")}{" "}
            <Link to="/signup" className="text-ui-fg-interactive">
              {t("login.sign_up")}
            </Link>
          </Text>
        </div>
      </form>
    </AuthLayout>
  )
}
