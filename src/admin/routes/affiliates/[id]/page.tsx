import { Container } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { AffiliateLedgerSection } from "../../../components/commissions/affiliate-ledger-section"
import { ErrorState } from "../../../components/error-state"
import { NotFound } from "../../../components/not-found"
import { PartnerAccountSection } from "../../../components/partners/partner-account-section"
import { PartnerAuditSection } from "../../../components/partners/partner-audit-section"
import { PartnerCodesSection } from "../../../components/partners/partner-codes-section"
import { PartnerLinksSection } from "../../../components/partners/partner-links-section"
import { PartnerNetworkSection } from "../../../components/partners/partner-network-section"
import { PartnerPayoutDetailsSection } from "../../../components/partners/partner-payout-details-section"
import { PartnerProfileSection } from "../../../components/partners/partner-profile-section"
import { AffiliateBalancesSection } from "../../../components/payouts/affiliate-balances-section"
import { AffiliatePayoutsSection } from "../../../components/payouts/affiliate-payouts-section"
import { AffiliateStatsSection } from "../../../components/reports/affiliate-stats-section"
import { AffiliateRulesSection } from "../../../components/rules/affiliate-rules-section"
import { useAffiliate } from "../../../hooks/api/affiliates"
import type { Partner } from "../../../hooks/api/partners"
import { isNotFound } from "../../../lib/errors"

/**
 * The partner page (G2), laid out like Medusa's order and customer pages: a
 * main column (profile, portal account, stats, codes, links, rules, ledger, payouts) and a
 * sidebar (balances, payout details, parent and recruits, audit trail). Each
 * section is a component owned by its screen (commissions, payouts, reports,
 * rules, partners); this page lays them out.
 */
const AffiliateDetailPage = () => {
  const { id } = useParams() as { id: string }
  const { data, isLoading, error } = useAffiliate(id)

  if (isNotFound(error)) {
    return <NotFound what="Partner" backTo="/affiliates" backLabel="Back to partners" />
  }
  if (error) return <ErrorState error={error} />
  if (isLoading || !data) {
    return <Container>Loading…</Container>
  }
  const partner = data.affiliate as Partner

  return (
    <div className="flex w-full flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <PartnerProfileSection partner={partner} allowedActions={data.allowed_status_transitions} />
        <PartnerAccountSection partner={partner} />
        <AffiliateStatsSection affiliateId={partner.id} />
        <PartnerCodesSection partnerId={partner.id} />
        <PartnerLinksSection partnerId={partner.id} />
        <AffiliateRulesSection affiliateId={partner.id} />
        <AffiliateLedgerSection affiliateId={partner.id} />
        <AffiliatePayoutsSection affiliateId={partner.id} />
      </div>
      <div className="flex w-full max-w-[100%] flex-col gap-y-3 xl:max-w-[400px]">
        <AffiliateBalancesSection affiliateId={partner.id} />
        <PartnerPayoutDetailsSection partner={partner} />
        <PartnerNetworkSection partner={partner} />
        <PartnerAuditSection partnerId={partner.id} />
      </div>
    </div>
  )
}

export default AffiliateDetailPage
