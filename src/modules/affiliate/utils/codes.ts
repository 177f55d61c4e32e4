/** Codes are compared case-insensitively; this is the stored form. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}
