import { Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { usePayoutList } from "../../hooks/api/payouts"
import { ErrorState } from "../error-state"
import { PayoutDetailsDrawer } from "./payout-details-drawer"
import { PayoutsTable } from "./payouts-table"
import { Pager } from "../pager"

const PAGE_SIZE = 10

/** The partner page's payout history, each payout's details a click away (owned by the Payouts screen). */
export const AffiliatePayoutsSection = ({ affiliateId }: { affiliateId: string }) => {
  const [page, setPage] = useState(0)
  const [openId, setOpenId] = useState<string | null>(null)
  const { data, isLoading, error } = usePayoutList({ affiliate_id: affiliateId, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  if (error) return <ErrorState error={error} />
  const count = data?.count ?? 0
  return (
    <Container className="divide-y p-0" data-testid="affiliate-payouts-section">
      <Heading level="h2" className="px-6 py-4">
        Payouts
      </Heading>
      <PayoutsTable payouts={data?.payouts} isLoading={isLoading} empty="No payouts yet." onOpen={setOpenId} />
      {count > PAGE_SIZE && (
        <Pager count={count} pageSize={PAGE_SIZE} page={page} onPage={setPage} />
      )}
      <PayoutDetailsDrawer payoutId={openId} onClose={() => setOpenId(null)} />
    </Container>
  )
}
