/**
 * A partner's application checked against the program: the admin's own
 * questions (`application_fields`) and the terms in force. A refusal names the
 * field ("fields.niche: …") and nothing is written.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { type ApplicationField, MAX_APPLICATION_ANSWER } from "../settings"

export type ApplicationAnswers = Record<string, string | boolean>

// Control characters but tab and line breaks, and lone surrogates: PostgreSQL's jsonb refuses some.
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u

const refuse = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * The answers to keep: one per known question, of its type (a select's
 * answer among its options, a checkbox's a boolean, a text at most
 * `MAX_APPLICATION_ANSWER` characters), every required one answered (a
 * required checkbox ticked). Unknown keys are refused.
 */
export function checkApplicationAnswers(fields: ApplicationField[], answers: ApplicationAnswers = {}): ApplicationAnswers {
  const byKey = new Map(fields.map((field) => [field.key, field]))
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) {
      throw refuse(`fields.${key.slice(0, 40)}: not a question of this program`)
    }
  }
  const kept: ApplicationAnswers = {}
  for (const field of fields) {
    const answer = answers[field.key]
    const name = `fields.${field.key}`
    const blank = answer === undefined || answer === null || (typeof answer === "string" && answer.trim() === "")
    if (field.type === "checkbox") {
      if (answer !== undefined && typeof answer !== "boolean") {
        throw refuse(`${name}: must be true or false`)
      }
      if (field.required && answer !== true) {
        throw refuse(`${name}: required (${field.label})`)
      }
      if (answer !== undefined) kept[field.key] = answer
      continue
    }
    if (blank) {
      if (field.required) throw refuse(`${name}: required (${field.label})`)
      continue
    }
    if (typeof answer !== "string") {
      throw refuse(`${name}: must be text`)
    }
    const text = answer.trim()
    if (UNSAFE_TEXT.test(text)) {
      throw refuse(`${name}: must not contain control characters`)
    }
    if (text.length > MAX_APPLICATION_ANSWER) {
      throw refuse(`${name}: at most ${MAX_APPLICATION_ANSWER} characters`)
    }
    if (field.type === "select" && !field.options?.includes(text)) {
      throw refuse(`${name}: must be one of ${field.options?.join(", ")}`)
    }
    kept[field.key] = text
  }
  return kept
}

/** Refuses unless `version` is the terms version in force (when there are terms). */
export function checkTermsAccepted(currentVersion: number | null, version: number | null | undefined) {
  if (currentVersion != null && version !== currentVersion) {
    throw refuse(`terms_version: accept the current terms (version ${currentVersion})`)
  }
}
