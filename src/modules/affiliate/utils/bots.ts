// Crawlers, link previewers, uptime monitors and HTTP libraries: visits that
// are not a person and must not count as clicks (C2). Matched anywhere in the
// user agent, case-insensitively.
const BOT_PATTERN = new RegExp(
  [
    "bot\\b", "bot/", "crawl", "spider", "slurp", "mediapartners", "facebookexternalhit",
    "facebot", "embedly", "quora link preview", "whatsapp", "telegrambot", "skypeuripreview",
    "slackbot", "discordbot", "linkedinbot", "pinterest", "bingpreview", "preview",
    "headlesschrome", "phantomjs", "lighthouse", "pingdom", "uptimerobot", "statuscake",
    "monitor", "curl/", "wget/", "python-requests", "python-urllib", "go-http-client",
    "okhttp", "java/", "libwww", "httpclient", "scrapy", "ahrefs", "semrush", "mj12",
  ].join("|"),
  "i"
)

/** Whether a user agent is a known bot. A missing one is a bot too: browsers always send it. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return !userAgent || BOT_PATTERN.test(userAgent)
}
