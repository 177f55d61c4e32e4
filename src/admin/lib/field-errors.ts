import { errorMessage } from "./errors"

/**
 * The API's validation messages, by the field they name, so a form can show
 * each under its field. The API answers one message ("Invalid request: a; b");
 * each part names its field, as "rate: …", "amounts.usd: …",
 * "Value for field 'hold_days' too big…" or "rate is required…". A part that
 * names no known field lands under "form" (shown as a toast):
 * `const { form, ...byField } = fieldErrors(error, FIELDS)`.
 */
export function fieldErrors(error: unknown, fields: string[]): Record<string, string> {
  const message = errorMessage(error).replace(/^Invalid (request|program setting)\s*:?\s*/i, "")
  const errors: Record<string, string> = {}
  const known = [...fields].sort((a, b) => b.length - a.length)
  for (const part of message.split(/;\s+/)) {
    const field = fieldOf(part, known) ?? "form"
    errors[field] = errors[field] ? `${errors[field]}; ${part}` : part
  }
  return errors
}

function fieldOf(part: string, known: string[]): string | null {
  const candidates: string[] = []
  // "Value for field 'fraud, max_conversion_rate' too small", "Field 'x' is required"
  const quoted = part.match(/field '([^']+)'/i)
  if (quoted) candidates.push(quoted[1].split(/,\s*/).join("."))
  // "Invalid program setting "fraud.max_conversion_rate": …"
  const doubleQuoted = part.match(/"([a-z_.]+)"/i)
  if (doubleQuoted) candidates.push(doubleQuoted[1])
  // "amounts.usd: must be positive", "registration_mode: …"
  const prefix = part.match(/^([a-z_][a-z0-9_.]*)\s*:/i)
  if (prefix) candidates.push(prefix[1])
  // "rate is required for a percent rule"
  const leading = part.match(/^([a-z_][a-z0-9_.]*)\s/i)
  if (leading) candidates.push(leading[1])
  // "Affiliate referral code with code: ADA10, already exists" (a unique index)
  const taken = part.match(/with ([a-z_]+): .*already exists/i)
  if (taken) candidates.push(taken[1])
  // "Unrecognized fields: 'x'"
  const listed = part.match(/fields: '([^']+)'/i)
  if (listed) candidates.push(listed[1].split(/,\s*/)[0])
  for (const candidate of candidates) {
    // The longest known field the path starts with: "amounts.usd" → "amounts".
    const match = known.find((field) => candidate === field || candidate.startsWith(`${field}.`))
    if (match) return match
  }
  return null
}
