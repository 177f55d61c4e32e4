import { clickDedupeKey } from "../tracking/record-click"
import { isBotUserAgent } from "../utils/bots"

describe("isBotUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true],
    ["Mozilla/5.0 (compatible; bingbot/2.0)", true],
    ["facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", true],
    ["Twitterbot/1.0", true],
    ["Slackbot-LinkExpanding 1.0", true],
    ["WhatsApp/2.23.20.0", true],
    ["Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36", true],
    ["curl/8.5.0", true],
    ["python-requests/2.31", true],
    ["", true],
    [null, true],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36", false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1", false],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0", false],
  ])("%j is a bot: %s", (agent, bot) => {
    expect(isBotUserAgent(agent)).toBe(bot)
  })
})

describe("clickDedupeKey", () => {
  const click = { code_id: "afcode_1", sub_id: null, visitor_hash: "v1" }
  const at = (iso: string) => new Date(iso)

  it("is the same for one visitor, code and sub-id within a clock hour", () => {
    expect(clickDedupeKey(click, at("2026-11-23T10:00:00Z"))).toBe(clickDedupeKey(click, at("2026-11-23T10:59:59Z")))
  })

  it.each([
    ["the next hour", click, "2026-11-23T11:00:00Z"],
    ["another visitor", { ...click, visitor_hash: "v2" }, "2026-11-23T10:30:00Z"],
    ["another sub-id", { ...click, sub_id: "yt" }, "2026-11-23T10:30:00Z"],
    ["another code", { ...click, code_id: "afcode_2" }, "2026-11-23T10:30:00Z"],
  ])("differs for %s", (_name, other, iso) => {
    expect(clickDedupeKey(other, at(iso))).not.toBe(clickDedupeKey(click, at("2026-11-23T10:30:00Z")))
  })
})
