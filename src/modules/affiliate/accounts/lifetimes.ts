/** How long a one-time account link works, by kind (issue 12). */
export const ACCOUNT_TOKEN_LIFETIME_MS = {
  /** An email verification link: two days. */
  verify_email: 48 * 60 * 60 * 1000,
  /** An invitation link: a week. */
  invitation: 7 * 24 * 60 * 60 * 1000,
} as const

export type AccountTokenKind = keyof typeof ACCOUNT_TOKEN_LIFETIME_MS
export const ACCOUNT_TOKEN_KINDS = Object.keys(ACCOUNT_TOKEN_LIFETIME_MS) as AccountTokenKind[]

/** A raw token is 32 random bytes as base64url: 43 characters. Anything longer is refused unread. */
export const MAX_ACCOUNT_TOKEN_LENGTH = 64
