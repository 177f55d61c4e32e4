import { Alert, Button, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { api } from "../lib/api"

type PartnerAlert = { kind: string; params?: Record<string, unknown> }

const VARIANT: Record<string, "error" | "warning" | "info"> = {
  application_rejected: "error",
  suspended: "error",
  email_unverified: "warning",
  terms_changed: "warning",
  missing_payout_details: "warning",
}
/** Where the partner fixes what an alert is about. */
const FIX: Record<string, string> = { terms_changed: "/terms", missing_payout_details: "/profile" }

/** What needs the partner's attention, worded from the catalogs by kind. */
export function AlertsBanner() {
  const { t } = useTranslation()
  const alerts = useQuery({ queryKey: ["alerts"], queryFn: () => api<{ alerts: PartnerAlert[] }>("/affiliate/alerts") })
  // An older backend without alerts, or a failed request: the page still works.
  if (!alerts.data?.alerts.length) return null
  return (
    <div className="flex flex-col gap-2" data-testid="alerts">
      {alerts.data.alerts.map((alert) => (
        <Alert key={alert.kind} variant={VARIANT[alert.kind] ?? "info"}>
          {t(`alerts.${alert.kind}`, { ...alert.params, defaultValue: t("alerts.unknown") })}{" "}
          {alert.kind === "email_unverified" && <ResendVerification />}
          {FIX[alert.kind] && (
            <Link to={FIX[alert.kind]} className="text-ui-fg-interactive underline">
              {t(`alerts.fix.${alert.kind}`)}
            </Link>
          )}
        </Alert>
      ))}
    </div>
  )
}

function ResendVerification() {
  const { t } = useTranslation()
  const resend = () =>
    api("/affiliate/me/resend-verification", { method: "POST" }).then(
      () => toast.success(t("alerts.resend_done")),
      (e) => toast.error(e instanceof Error ? e.message : t("state.error"))
    )
  return (
    <Button size="small" variant="transparent" className="text-ui-fg-interactive" onClick={resend}>
      {t("alerts.resend")}
    </Button>
  )
}
