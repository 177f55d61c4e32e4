import { Alert, Text } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useEffect, useRef } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { Loading, useErrorText } from "../components/states"
import { api, isUnauthorized } from "../lib/api"

/**
 * The link from the verification email: confirms once, then says what comes
 * next. Only the login that signed up can confirm (the API refuses anyone
 * else), so without a session it sends the partner to log in and back here.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const token = params.get("token") ?? ""
  const verify = useMutation({
    mutationFn: () => api<{ verified: boolean; status: string }>("/affiliate-account/verify-email", { method: "POST", body: { token } }),
    onError: (error) => {
      if (isUnauthorized(error)) {
        navigate(`/login?next=${encodeURIComponent(`/verify-email?token=${token}`)}`, { replace: true })
      }
    },
  })
  // Once per page load: StrictMode runs effects twice in development, and a token works once.
  const sent = useRef(false)
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true
      verify.mutate()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [token])

  return (
    <AuthLayout title={t("verify.title")}>
      <div className="flex flex-col gap-4">
        {!token && <Alert variant="error">{t("verify.no_token")}</Alert>}
        {verify.isPending && <Loading />}
        {verify.isError && !isUnauthorized(verify.error) && (
          <Alert variant="error" role="alert" data-testid="verify-error">
            {errorText(verify.error)}
          </Alert>
        )}
        {verify.isSuccess && (
          <Alert variant="success" data-testid="verified">
            {verify.data.status === "active" ? t("verify.done_approved") : t("verify.done_review")}
          </Alert>
        )}
        <Text size="small">
          <Link to="/login" className="text-ui-fg-interactive">
            {t("verify.to_login")}
          </Link>
        </Text>
      </div>
    </AuthLayout>
  )
}
