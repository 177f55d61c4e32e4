import { Alert, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useSearchParams } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"
import { NewPasswordForm } from "../components/new-password-form"
import { Loading, useErrorText } from "../components/states"
import { api } from "../lib/api"
import { date } from "../lib/format"
import { logIn } from "../lib/session"

/** The invitation link: shows who is invited, sets their password, signs them in. */
export function AcceptInvitePage() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [params] = useSearchParams()
  const token = params.get("token") ?? ""
  const invitation = useQuery({
    queryKey: ["invitation", token],
    enabled: !!token,
    retry: false,
    queryFn: () =>
      api<{ invitation: { email: string; name: string; expires_at: string } }>("/affiliate-account/invitations/check", {
        method: "POST",
        body: { token },
      }).then((r) => r.invitation),
  })

  const accept = async (password: string) => {
    const { email } = await api<{ email: string }>("/affiliate-account/invitations/accept", { method: "POST", body: { token, password } })
    await logIn(email, password)
    client.clear()
    navigate("/", { replace: true })
  }

  return (
    <AuthLayout title={t("invite.title")}>
      {!token && <Alert variant="error">{t("invite.invalid")}</Alert>}
      {invitation.isLoading && <Loading />}
      {invitation.isError && <Alert variant="error">{errorText(invitation.error)}</Alert>}
      {invitation.data && (
        <div className="flex flex-col gap-4">
          <Text size="small">{t("invite.for", { name: invitation.data.name, email: invitation.data.email })}</Text>
          <Text size="small" className="text-ui-fg-subtle">
            {t("invite.expires", { date: date(invitation.data.expires_at) })}
          </Text>
          <NewPasswordForm submitLabel={t("invite.submit")} save={accept} />
        </div>
      )}
      <Link to="/login" className="mt-4 block txt-compact-small text-ui-fg-interactive">
        {t("invite.to_login")}
      </Link>
    </AuthLayout>
  )
}
