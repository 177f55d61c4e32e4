import { z } from "@medusajs/framework/zod"
import { MAX_ACCOUNT_TOKEN_LENGTH } from "../../modules/affiliate/accounts/lifetimes"
import { MAX_APPLICATION_ANSWER, MAX_APPLICATION_FIELDS } from "../../modules/affiliate/settings"
import { websiteUrl } from "../admin/affiliates/validators"
import { says, text } from "../utils/validators"

/** Longest "where do you promote" answer. */
export const MAX_AUDIENCE = 2_000

/** A language tag the portal and emails understand (`en`, `ru`, `pt-BR`). */
export const locale = () => z.string().regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, says("a language like en, ru or pt-BR"))

const optionalText = (max: number, multiline = false) => text(max, { multiline }).trim().nullish()

/** What a partner may say about themself at sign-up and change later. */
export const PartnerProfile = {
  company: optionalText(255),
  website: websiteUrl().nullish(),
  phone: optionalText(64),
  audience: optionalText(MAX_AUDIENCE, true),
  locale: locale().nullish(),
}

/** A one-time link's token: the 43 characters of 32 random bytes in base64url. */
const token = () => z.string().min(1, says("required")).max(MAX_ACCOUNT_TOKEN_LENGTH, says("this link is invalid, used or expired"))

/**
 * A sign-up: the profile, the answers to the program's questions (checked
 * against `application_fields` by the route: which keys, types and options
 * depend on the settings in force) and the terms version accepted.
 */
export const RegisterPartner = z
  .object({
    name: text(255).trim().min(1, says("required")),
    ...PartnerProfile,
    fields: z
      // Bounded here; each answer's type, options and length are checked against the question by the route.
      .record(z.string().max(40, says("unknown question")), z.union([z.string().max(MAX_APPLICATION_ANSWER * 4), z.boolean()]))
      .refine((fields) => Object.keys(fields).length <= MAX_APPLICATION_FIELDS, says(`at most ${MAX_APPLICATION_FIELDS} answers`))
      .optional(),
    terms_version: z.number().int().min(1).max(1_000_000).nullish(),
  })
  .strict()
export type RegisterPartnerType = z.infer<typeof RegisterPartner>

export const AccountToken = z.object({ token: token() }).strict()
export type AccountTokenType = z.infer<typeof AccountToken>

/** A new partner login's password: Medusa's emailpass takes any; at least 8 keeps it from being trivial. */
export const AcceptInvitation = z
  .object({
    token: token(),
    password: z.string().min(8, says("at least 8 characters")).max(128, says("at most 128 characters")),
  })
  .strict()
export type AcceptInvitationType = z.infer<typeof AcceptInvitation>

export const ProgramParams = z.object({}).strict()
