/**
 * The longest code or alias anything accepts. Codes are created with at most
 * 32 characters; a longer input is refused before it reaches the database or
 * a cache (validators, look-ups, redirects).
 */
export const MAX_CODE_LENGTH = 64

/** Codes are compared case-insensitively; this is the stored form. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}

// What codes and aliases are made of (the admin's validators allow 3-32 of these).
const CODE_CHARACTERS = /^[A-Za-z0-9_-]+$/

/**
 * Whether `code` could be a code at all: letters, digits, `-` and `_`, at
 * most `MAX_CODE_LENGTH` of them. Anything else is unknown without a look-up.
 */
export function isPlausibleCode(code: string): boolean {
  const trimmed = code.trim()
  return trimmed.length <= MAX_CODE_LENGTH && CODE_CHARACTERS.test(trimmed)
}
