import i18n from "../i18n"

const locale = () => i18n.resolvedLanguage ?? i18n.language ?? "en"

/** Money in major units, as the portal API answers it. */
export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || !currency) return "—"
  try {
    return new Intl.NumberFormat(locale(), { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

export function number(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : new Intl.NumberFormat(locale()).format(value)
}

export function date(value: string | null | undefined): string {
  if (!value) return "—"
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? "—" : new Intl.DateTimeFormat(locale(), { dateStyle: "medium" }).format(d)
}

/** The change from `before` to `now` as a signed percent; null when there was nothing before. */
export function trend(now: number, before: number): number | null {
  return before ? Math.round(((now - before) / before) * 100) : null
}

/** A YYYY-MM-DD day `days` ago (UTC), for report ranges. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
}
