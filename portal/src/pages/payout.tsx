import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { LinesTable } from "../components/lines-table"
import { PageHeader } from "../components/page-header"
import { Empty, QueryView } from "../components/states"
import { StatusLabel } from "../components/status-badge"
import { api } from "../lib/api"
import { date, money } from "../lib/format"
import type { CommissionLine, Payout } from "../lib/types"

/** One payout and the commission lines it settled. */
export function PayoutPage() {
  const { t } = useTranslation()
  const { id = "" } = useParams()
  const payout = useQuery({
    queryKey: ["payout", id],
    queryFn: () => api<{ payout: Payout & { lines: CommissionLine[]; lines_count?: number } }>(`/affiliate/payouts/${encodeURIComponent(id)}`).then((r) => r.payout),
  })
  return (
    <>
      <Link to="/payouts" className="txt-compact-small text-ui-fg-interactive">
        ← {t("payouts.back")}
      </Link>
      <QueryView query={payout}>
        {(p) => (
          <>
            <PageHeader title={t("payouts.one", { amount: money(p.amount, p.currency_code) })} actions={<StatusLabel status={p.status} />} />
            <Container className="grid grid-cols-2 gap-2 p-4 txt-compact-small md:grid-cols-4" data-testid="payout-summary">
              <Text size="small" className="text-ui-fg-subtle">{t("payouts.date")}</Text>
              <Text size="small">{date(p.paid_at ?? p.created_at)}</Text>
              <Text size="small" className="text-ui-fg-subtle">{t("payouts.method")}</Text>
              <Text size="small">{p.method ? t(`payout_method.${p.method}`, { defaultValue: p.method }) : "—"}</Text>
              <Text size="small" className="text-ui-fg-subtle">{t("payouts.reference")}</Text>
              <Text size="small" className="break-all">{p.reference ?? "—"}</Text>
            </Container>
            <Heading level="h2">{t("payouts.lines")}</Heading>
            {p.lines.length ? <LinesTable testId="payout-lines" lines={p.lines} /> : <Empty>{t("payouts.no_lines")}</Empty>}
            {!!p.lines_count && p.lines_count > p.lines.length && (
              <Text size="small" className="text-ui-fg-subtle">
                {t("payouts.lines_shown", { shown: p.lines.length, count: p.lines_count })}
              </Text>
            )}
          </>
        )}
      </QueryView>
    </>
  )
}
