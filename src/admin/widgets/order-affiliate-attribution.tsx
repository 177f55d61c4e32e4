import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AffiliateStatusBadge } from "../components/affiliate-status-badge"
import { type OrderCommissionLine, useOrderAttribution } from "../hooks/api/attributions"
import { formatDate, formatMoney } from "../lib/format"
import { describeRejection, SOURCE_LABELS } from "../lib/rejection-reasons"

const LINE_COLORS: Record<string, "green" | "orange" | "red" | "grey" | "blue"> = {
  pending: "orange",
  approved: "green",
  paid: "blue",
  on_hold: "grey",
  rejected: "red",
}

/** The affiliate side of an order: who referred it, how, what it earned, or why nothing. */
const OrderAffiliateWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, isLoading, isError, error } = useOrderAttribution(order.id)

  return (
    <Container className="divide-y p-0" data-testid="order-affiliate-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Affiliate</Heading>
      </div>
      <div className="px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            Couldn't load the referral: {error instanceof Error ? error.message : "unknown error"}
          </Text>
        ) : !data?.attribution ? (
          <Text size="small" className="text-ui-fg-muted">Not referred by a partner</Text>
        ) : (
          <Attribution attribution={data.attribution} lines={data.commission_lines} />
        )}
      </div>
    </Container>
  )
}

const Attribution = ({
  attribution,
  lines,
}: {
  attribution: NonNullable<ReturnType<typeof useOrderAttribution>["data"]>["attribution"] & {}
  lines: OrderCommissionLine[]
}) => (
  <div className="flex flex-col gap-y-3">
    <div className="flex items-center justify-between gap-x-2">
      <Text size="small">
        Referred by{" "}
        <Link to={`/affiliates/${attribution.affiliate.id}`} className="text-ui-fg-interactive font-medium">
          {attribution.affiliate.name}
        </Link>
      </Text>
      <AffiliateStatusBadge status={attribution.affiliate.status} />
    </div>
    <Row label="Source" value={SOURCE_LABELS[attribution.source] ?? attribution.source} />
    {attribution.code && (
      <Row label="Code" value={<Badge size="2xsmall" className="font-mono">{attribution.code}</Badge>} />
    )}
    {attribution.sub_id && <Row label="Sub-id" value={attribution.sub_id} />}
    <Row label="Referred on" value={formatDate(attribution.referred_at)} />
    {lines.length > 0 && (
      <div className="flex flex-col gap-y-2 pt-1">
        <Text size="small" weight="plus">Commission</Text>
        {lines.map((line) => (
          <div key={line.id} className="flex items-center justify-between gap-x-2">
            <Text size="small" className="text-ui-fg-subtle capitalize">
              {line.type.replace(/_/g, " ")}
              {line.level > 0 ? ` (level ${line.level})` : ""}
            </Text>
            <div className="flex items-center gap-x-2">
              <StatusBadge color={LINE_COLORS[line.status] ?? "grey"} className="capitalize">
                {line.status.replace(/_/g, " ")}
              </StatusBadge>
              <Text size="small" className="tabular-nums">{formatMoney(Number(line.amount), line.currency_code)}</Text>
            </div>
          </div>
        ))}
      </div>
    )}
    {lines.length === 0 && (
      <Text size="small" className="text-ui-fg-subtle" data-testid="order-affiliate-no-commission">
        {attribution.rejection_reason
          ? `Earned nothing: ${describeRejection(attribution.rejection_reason)}`
          : "No commission lines yet: the accrual of this order hasn't finished."}
      </Text>
    )}
  </div>
)

const Row = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div className="flex items-center justify-between gap-x-2">
    <Text size="small" className="text-ui-fg-subtle">{label}</Text>
    {typeof value === "string" ? <Text size="small">{value}</Text> : value}
  </div>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderAffiliateWidget
