import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AffiliateStatusBadge } from "../components/affiliate-status-badge"
import { useCustomerBinding } from "../hooks/api/attributions"
import { formatDate, formatMoney } from "../lib/format"
import { describeRejection, SOURCE_LABELS } from "../lib/rejection-reasons"

/** The partner a customer is bound to for lifetime attribution, and their referred orders. */
const CustomerAffiliateWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useCustomerBinding(customer.id)

  return (
    <Container className="divide-y p-0" data-testid="customer-affiliate-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Affiliate</Heading>
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">Loading…</Text>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          Couldn't load the partner binding: {error instanceof Error ? error.message : "unknown error"}
        </Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-2 px-6 py-4">
            {data?.binding ? (
              <>
                <div className="flex items-center justify-between gap-x-2">
                  <Text size="small">
                    Bound to{" "}
                    <Link to={`/affiliates/${data.binding.affiliate.id}`} className="text-ui-fg-interactive font-medium">
                      {data.binding.affiliate.name}
                    </Link>
                  </Text>
                  <AffiliateStatusBadge status={data.binding.affiliate.status} />
                </div>
                <Text size="small" className="text-ui-fg-subtle">
                  Since {formatDate(data.binding.bound_at)}
                  {data.binding.until ? `, until ${formatDate(data.binding.until)}` : ", with no end date"}
                </Text>
              </>
            ) : (
              <Text size="small" className="text-ui-fg-muted">Not bound to a partner</Text>
            )}
          </div>
          {!!data?.orders.length && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Date</Table.HeaderCell>
                  <Table.HeaderCell>Order</Table.HeaderCell>
                  <Table.HeaderCell>Source</Table.HeaderCell>
                  <Table.HeaderCell>Commission</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.orders.map((order) => (
                  <Table.Row key={order.order_id}>
                    <Table.Cell>{formatDate(order.created_at)}</Table.Cell>
                    <Table.Cell>
                      <Link to={`/orders/${order.order_id}`} className="text-ui-fg-interactive">
                        {order.display_id != null ? `#${order.display_id}` : order.order_id.slice(-8)}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{SOURCE_LABELS[order.source] ?? order.source}</Table.Cell>
                    <Table.Cell title={order.rejection_reason ? describeRejection(order.rejection_reason) : undefined}>
                      {order.commission_totals.length
                        ? order.commission_totals.map((t) => formatMoney(t.amount, t.currency_code)).join(", ")
                        : order.rejection_reason
                          ? `None (${order.rejection_reason.replace(/_/g, " ")})`
                          : "None"}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerAffiliateWidget
