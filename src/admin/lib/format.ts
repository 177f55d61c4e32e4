/** An amount in major units, formatted for its currency (e.g. $1,234.50, ¥1,235). */
export function formatMoney(amount: number, currencyCode: string) {
  return new Intl.NumberFormat(undefined, {
    style: "currency",
    currency: currencyCode.toUpperCase(),
  }).format(amount)
}

export function formatDate(value: string | null | undefined) {
  return value ? new Date(value).toLocaleDateString() : "—"
}
