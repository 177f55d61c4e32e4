/**
 * A partner's payout details (B6): how they want to be paid, with the fields
 * that method needs. Stored as one JSON object on the affiliate
 * (`payout_details`, with `payout_method` beside it for filtering).
 */
export const PAYOUT_METHODS = ["bank_transfer", "paypal", "skrill", "neteller", "crypto", "other"] as const
export type PayoutMethod = (typeof PAYOUT_METHODS)[number]

/** The e-wallets that pay to an email address. */
export const EMAIL_WALLETS = ["paypal", "skrill", "neteller"] as const
export type EmailWallet = (typeof EMAIL_WALLETS)[number]

/** Which networks each coin we pay in travels on. */
export const CRYPTO_NETWORKS = {
  BTC: ["bitcoin"],
  ETH: ["ethereum"],
  USDT: ["ethereum", "tron", "bsc", "polygon", "solana"],
  USDC: ["ethereum", "polygon", "bsc", "solana"],
} as const
export type CryptoCurrency = keyof typeof CRYPTO_NETWORKS
export const CRYPTO_NETWORK_NAMES = ["bitcoin", "ethereum", "tron", "bsc", "polygon", "solana"] as const
export type CryptoNetwork = (typeof CRYPTO_NETWORK_NAMES)[number]

export type BankTransferDetails = {
  method: "bank_transfer"
  account_holder_name: string
  /** Electronic format (no spaces, upper case); either this or `account_number`. */
  iban?: string | null
  account_number?: string | null
  /** US ABA routing number (9 digits). */
  routing_number?: string | null
  /** UK sort code (6 digits). */
  sort_code?: string | null
  bic?: string | null
  bank_name: string
  /** ISO 3166-1 alpha-2, upper case. */
  country: string
}

export type EmailWalletDetails = { method: EmailWallet; email: string }

export type CryptoDetails = {
  method: "crypto"
  currency: CryptoCurrency
  network: CryptoNetwork
  wallet_address: string
  /** A memo or tag some exchanges need. */
  memo?: string | null
}

export type OtherDetails = { method: "other"; instructions: string }

export type PayoutDetails = BankTransferDetails | EmailWalletDetails | CryptoDetails | OtherDetails
