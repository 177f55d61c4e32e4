import { Alert } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { NewPasswordForm } from "../components/new-password-form"
import { api, ApiError } from "../lib/api"

/** The link from the reset email: Medusa's own single-use token sets the new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const token = params.get("token") ?? ""
  const email = params.get("email") ?? ""
  const [done, setDone] = useState(false)

  const save = async (password: string) => {
    try {
      await api("/auth/affiliate/emailpass/update", { method: "POST", token, body: { password } })
      setDone(true)
    } catch (error) {
      // An expired or used token answers 401: say so by the form.
      throw error instanceof ApiError && error.status === 401 ? new Error(`token: ${t("reset.invalid")}`) : error
    }
  }

  return (
    <AuthLayout title={t("reset.title")} subtitle={email ? t("reset.for", { email }) : undefined}>
      {!token ? (
        <Alert variant="error">{t("reset.invalid")}</Alert>
      ) : done ? (
        <Alert variant="success">{t("reset.done")}</Alert>
      ) : (
        <NewPasswordForm submitLabel={t("reset.submit")} save={save} />
      )}
      <Link to={`/login${email ? `?email=${encodeURIComponent(email)}` : ""}`} className="mt-4 block txt-compact-small text-ui-fg-interactive">
        {t("reset.to_login")}
      </Link>
    </AuthLayout>
  )
}
