import { z } from "@medusajs/framework/zod"
import type * as IbanTools from "ibantools" with { "resolution-mode": "import" }
import { isPlausibleWalletAddress } from "../../modules/affiliate/payout-details/crypto-address"
import {
  CRYPTO_NETWORK_NAMES,
  CRYPTO_NETWORKS,
  CryptoCurrency,
  EMAIL_WALLETS,
  PAYOUT_METHODS,
} from "../../modules/affiliate/payout-details/types"
import { says, text } from "./validators"

/**
 * The zod block for a partner's payout details (B6), shared by the admin's
 * and the partner's route: a union on `method`, each method with the fields
 * it needs, every refusal naming the field ("iban: not a valid IBAN").
 * Values are normalized on the way in (IBAN and BIC upper case without
 * spaces, country upper case), so what is stored is what the exports write.
 */

// ibantools' package.json gives require() a CommonJS build but declares its
// types as an ES module, which TypeScript won't let a CommonJS file import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getCountrySpecifications, isValidBIC, isValidIBAN }: typeof IbanTools = require("ibantools")

const required = (max: number, multiline = false) => text(max, { multiline }).trim().min(1, says("required"))
const compact = (value: string) => value.replace(/[\s-]+/g, "").toUpperCase()
const countries = getCountrySpecifications()

const email = () =>
  z.string().max(254, says("at most 254 characters")).trim().pipe(z.email(says("not an email address")))

const BankTransfer = z
  .object({
    method: z.literal("bank_transfer"),
    account_holder_name: required(140),
    iban: text(64)
      .transform(compact)
      .refine((value) => isValidIBAN(value), says("not a valid IBAN (country, length or check digits)"))
      .nullish(),
    account_number: text(64)
      .transform(compact)
      .refine((value) => /^[A-Z0-9]{4,34}$/.test(value), says("4 to 34 letters or digits"))
      .nullish(),
    routing_number: text(16)
      .transform(compact)
      .refine((value) => /^\d{9}$/.test(value), says("a 9-digit routing number"))
      .nullish(),
    sort_code: text(16)
      .transform(compact)
      .refine((value) => /^\d{6}$/.test(value), says("a 6-digit sort code"))
      .nullish(),
    bic: text(16)
      .transform(compact)
      .refine((value) => isValidBIC(value), says("not a valid BIC/SWIFT code"))
      .nullish(),
    bank_name: required(140),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, says("a 2-letter ISO 3166 country code"))
      .transform((value) => value.toUpperCase())
      .refine((value) => value in countries, says("not an ISO 3166 country code")),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.iban && !body.account_number) {
      ctx.addIssue({ code: "custom", path: ["iban"], message: "iban: an IBAN or an account_number is required" })
    }
    if (body.iban && body.country && body.iban.slice(0, 2) !== body.country) {
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: `country: ${body.country} is not the IBAN's country (${body.iban.slice(0, 2)})`,
      })
    }
  })

const EmailWallet = (method: (typeof EMAIL_WALLETS)[number]) =>
  z.object({ method: z.literal(method), email: email() }).strict()

const CRYPTO_CURRENCIES = Object.keys(CRYPTO_NETWORKS) as [CryptoCurrency, ...CryptoCurrency[]]

const Crypto = z
  .object({
    method: z.literal("crypto"),
    currency: z.preprocess(
      (value) => (typeof value === "string" ? value.toUpperCase() : value),
      z.enum(CRYPTO_CURRENCIES, says(`one of ${CRYPTO_CURRENCIES.join(", ")}`))
    ),
    network: z.preprocess(
      (value) => (typeof value === "string" ? value.toLowerCase() : value),
      z.enum(CRYPTO_NETWORK_NAMES, says(`one of ${CRYPTO_NETWORK_NAMES.join(", ")}`))
    ),
    wallet_address: text(128).trim().min(1, says("required")),
    memo: text(64).trim().nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const networks: readonly string[] = CRYPTO_NETWORKS[body.currency]
    if (!networks.includes(body.network)) {
      ctx.addIssue({
        code: "custom",
        path: ["network"],
        message: `network: ${body.currency} is paid on ${networks.join(", ")}, not ${body.network}`,
      })
    } else if (!isPlausibleWalletAddress(body.network, body.wallet_address)) {
      ctx.addIssue({
        code: "custom",
        path: ["wallet_address"],
        message: `wallet_address: not a valid ${body.network} address`,
      })
    }
  })

const Other = z.object({ method: z.literal("other"), instructions: required(1000, true) }).strict()

export const payoutDetails = () =>
  z.discriminatedUnion(
    "method",
    [BankTransfer, EmailWallet("paypal"), EmailWallet("skrill"), EmailWallet("neteller"), Crypto, Other],
    says(`one of ${PAYOUT_METHODS.join(", ")}`)
  )
