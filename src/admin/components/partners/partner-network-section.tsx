import { Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { type Partner, usePartnerName, useRecruits } from "../../hooks/api/partners"
import { errorMessage } from "../../lib/errors"
import { formatDate } from "../../lib/format"
import { AffiliateStatusBadge } from "../affiliate-status-badge"

/** The partner's parent (who earns level commission on them) and their recruits. */
export const PartnerNetworkSection = ({ partner }: { partner: Partner }) => {
  const { data: parent } = usePartnerName(partner.parent_id)
  const { data, isLoading, error } = useRecruits(partner.id)
  return (
    <Container className="divide-y p-0" data-testid="partner-network">
      <Heading level="h2" className="px-6 py-4">
        Parent and recruits
      </Heading>
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Parent
        </Text>
        {partner.parent_id ? (
          <Text size="small" className="text-ui-fg-subtle">
            <Link to={`/affiliates/${partner.parent_id}`} className="text-ui-fg-interactive">
              {parent?.affiliate.name ?? partner.parent_id}
            </Link>
            {partner.parent_commission_ends_at
              ? ` earns on this partner until ${formatDate(partner.parent_commission_ends_at)}`
              : " earns on this partner with no end date"}
          </Text>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            None: this partner was not recruited by another.
          </Text>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Recruits{data ? ` (${data.count})` : ""}
        </Text>
        {isLoading && <Text size="small">Loading…</Text>}
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(error)}
          </Text>
        )}
        {data && !data.affiliates.length && (
          <Text size="small" className="text-ui-fg-subtle">
            No recruits yet.
          </Text>
        )}
        {data?.affiliates.map((recruit) => (
          <div key={recruit.id} className="flex items-center justify-between">
            <Link to={`/affiliates/${recruit.id}`} className="text-ui-fg-interactive txt-compact-small">
              {recruit.name}
            </Link>
            <AffiliateStatusBadge status={recruit.status} />
          </div>
        ))}
      </div>
    </Container>
  )
}
