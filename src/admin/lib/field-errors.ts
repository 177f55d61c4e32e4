import { errorMessage } from "./errors"

/**
 * Splits an API error into messages per form field, from the field names the
 * API puts in its messages ("email: not an email address", "payout_details.iban:
 * …", "Value for field 'commission_rate' too big…", "… with code: X, already
 * exists"). `rest` is what names no field of the form (shown as a toast).
 */
export function fieldErrors(error: unknown, fields: string[]): { byField: Record<string, string>; rest: string | null } {
  const message = errorMessage(error).replace(/^Invalid request:\s*/, "")
  const byField: Record<string, string> = {}
  const rest: string[] = []
  for (const part of message.split(/;\s+/)) {
    const named =
      part.match(/^([a-z_]+(?:\.[a-z_0-9]+)*):\s*(.*)$/)?.[1] ??
      part.match(/field '([a-z_.]+)'/)?.[1] ??
      part.match(/with ([a-z_]+): .*already exists/)?.[1]
    const field = named && [...fields].sort((a, b) => b.length - a.length).find((f) => named === f || named.endsWith(`.${f}`) || named.startsWith(`${f}.`))
    if (field && !byField[field]) byField[field] = part
    else rest.push(part)
  }
  return { byField, rest: rest.length ? rest.join("; ") : null }
}
