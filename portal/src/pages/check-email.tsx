import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { AuthLayout } from "../components/auth-layout"

/** After the application: the link in the email confirms the address. */
export function CheckEmailPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const email = params.get("email")
  return (
    <AuthLayout title={t("check_email.title")}>
      <div className="flex flex-col gap-4">
        <Text size="small">{email ? t("check_email.body_to", { email }) : t("check_email.body")}</Text>
        <Text size="small" className="text-ui-fg-subtle">
          {t("check_email.spam")}
        </Text>
        <Link to="/login" className="txt-compact-small text-ui-fg-interactive">
          {t("check_email.to_login")}
        </Link>
      </div>
    </AuthLayout>
  )
}
