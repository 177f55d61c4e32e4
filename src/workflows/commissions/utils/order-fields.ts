/** What accrual and payment checks read of an order, in one Query call. */
export const ORDER_COMMISSION_FIELDS = [
  "id",
  "email",
  "customer_id",
  "currency_code",
  "sales_channel_id",
  "created_at",
  "status",
  // The order module computes item totals only when an order total is asked for.
  "total",
  "cart.id",
  "items.id",
  "items.product_id",
  "items.quantity",
  "items.subtotal",
  "items.discount_subtotal",
  "items.tax_total",
  "items.is_giftcard",
  "shipping_subtotal",
  "shipping_tax_total",
  ...orderPaymentFields(),
]

/** The payment fields `orderPaidAt` needs. */
export function orderPaymentFields(prefix = "") {
  return [
    `${prefix}payment_collections.id`,
    `${prefix}payment_collections.status`,
    `${prefix}payment_collections.amount`,
    `${prefix}payment_collections.captured_amount`,
    `${prefix}payment_collections.payments.captured_at`,
  ]
}

export type CommissionOrder = {
  id: string
  email: string | null
  customer_id: string | null
  currency_code: string
  sales_channel_id: string | null
  created_at: string | Date
  status: string
  total?: number
  cart?: { id: string } | null
  items: {
    id: string
    product_id: string | null
    quantity: number
    subtotal: number
    discount_subtotal: number
    tax_total?: number
    is_giftcard?: boolean
  }[]
  shipping_subtotal?: number
  shipping_tax_total?: number
  payment_collections?: OrderPaymentCollection[] | null
}

export type OrderPaymentCollection = {
  id: string
  status: string
  amount: number
  captured_amount?: number | null
  payments?: { captured_at?: string | Date | null }[] | null
}
