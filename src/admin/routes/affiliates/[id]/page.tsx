import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { AffiliateStatusBadge } from "../../../components/affiliate-status-badge"
import { AffiliateLedgerSection } from "../../../components/commissions/affiliate-ledger-section"
import { ErrorState } from "../../../components/error-state"
import { NotFound } from "../../../components/not-found"
import { AffiliateBalancesSection } from "../../../components/payouts/affiliate-balances-section"
import { AffiliatePayoutsSection } from "../../../components/payouts/affiliate-payouts-section"
import { AffiliateStatsSection } from "../../../components/reports/affiliate-stats-section"
import { AffiliateRulesSection } from "../../../components/rules/affiliate-rules-section"
import { type AffiliateStatusAction, useAffiliate, useSetAffiliateStatus } from "../../../hooks/api/affiliates"
import { isNotFound, toastError } from "../../../lib/errors"

const DONE: Record<AffiliateStatusAction, string> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
  deactivate: "deactivated",
}

/**
 * The partner page (G2). Each section is a component owned by its screen
 * (commissions, payouts, reports, rules); this page lays them out.
 */
const AffiliateDetailPage = () => {
  const { id } = useParams() as { id: string }
  const { data, isLoading, error } = useAffiliate(id)
  const setStatus = useSetAffiliateStatus(id)

  if (isNotFound(error)) {
    return <NotFound what="Partner" backTo="/affiliates" backLabel="Back to partners" />
  }
  if (error) return <ErrorState error={error} />
  if (isLoading || !data) {
    return <Container>Loading…</Container>
  }
  const { affiliate, allowed_status_transitions } = data

  const runAction = (action: AffiliateStatusAction) =>
    setStatus.mutate(action, {
      onSuccess: () => toast.success(`Affiliate ${DONE[action]}`),
      onError: toastError,
    })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-start justify-between px-6 py-4">
        <div>
          <div className="flex items-center gap-2">
            <Heading level="h1">{affiliate.name}</Heading>
            <AffiliateStatusBadge status={affiliate.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {affiliate.email}
            {affiliate.company ? ` · ${affiliate.company}` : ""}
            {` · ${affiliate.commission_rate != null ? `${affiliate.commission_rate}%` : "program default rate"}`}
          </Text>
          <div className="mt-2 flex gap-1">
            {affiliate.codes?.map((code) => (
              <Badge key={code.id} size="2xsmall" color={code.is_active ? "blue" : "grey"}>
                {code.code}
                {code.alias_of_id ? " (alias)" : ""}
              </Badge>
            ))}
          </div>
        </div>
        <div className="flex gap-2">
          {allowed_status_transitions.map((action) => (
            <Button
              key={action}
              size="small"
              variant={action === "approve" ? "primary" : "secondary"}
              isLoading={setStatus.isPending}
              onClick={() => runAction(action)}
              className="capitalize"
            >
              {action}
            </Button>
          ))}
        </div>
      </Container>

      <AffiliateStatsSection affiliateId={affiliate.id} />
      <AffiliateBalancesSection affiliateId={affiliate.id} />
      <AffiliateRulesSection affiliateId={affiliate.id} />
      <AffiliateLedgerSection affiliateId={affiliate.id} />
      <AffiliatePayoutsSection affiliateId={affiliate.id} />
    </div>
  )
}

export default AffiliateDetailPage
