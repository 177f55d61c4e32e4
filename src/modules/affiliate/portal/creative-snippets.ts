/**
 * A creative as a partner copies it (H8): the link with their code, and HTML
 * ready to paste. Every value put into HTML is escaped: names, link texts and
 * URLs are an admin's input, and partners paste this into their own pages.
 */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

/**
 * The store page `landing` (a path or a URL on the store) with the partner's
 * code in the referral parameter the storefront reads (`?ref=CODE`).
 */
export function referralLink(storeUrl: string, landing: string, referralParam: string, code: string): string {
  const url = new URL(landing, storeUrl)
  url.searchParams.set(referralParam, code)
  return url.toString()
}

export type SnippetCreative = {
  type: "banner" | "text_link" | "html"
  name: string
  image_url: string | null
  link_text: string | null
  html: string | null
}

/**
 * HTML to paste: a linked image for a banner, a link for a text link, and an
 * HTML creative's own snippet, where `{{link}}` and `{{code}}` stand for the
 * partner's link and code.
 */
export function creativeHtml(creative: SnippetCreative, link: string, code: string): string | null {
  const href = escapeHtml(link)
  switch (creative.type) {
    case "banner":
      return creative.image_url
        ? `<a href="${href}"><img src="${escapeHtml(creative.image_url)}" alt="${escapeHtml(creative.name)}"></a>`
        : null
    case "text_link":
      return `<a href="${href}">${escapeHtml(creative.link_text ?? creative.name)}</a>`
    case "html":
      return creative.html ? creative.html.replace(/\{\{\s*link\s*\}\}/g, href).replace(/\{\{\s*code\s*\}\}/g, escapeHtml(code)) : null
  }
}
