/**
 * The program terms' published versions (`affiliate_terms_version`): every
 * change of `portal_terms` is a new version, published in the settings
 * write's transaction, so partners can be asked to accept exactly the text
 * in force and the portal can tell them when it changed.
 */
type KnexLike = any

const TABLE = "affiliate_terms_version"

export type TermsVersion = { version: number; text: string; published_at: Date }

async function latest(knex: KnexLike): Promise<TermsVersion | null> {
  const row = await knex(TABLE).orderBy("version", "desc").first("version", "text", "published_at")
  return row ? { ...row, version: Number(row.version) } : null
}

/**
 * Publishes `text` as the next version unless it is the latest already.
 * Serialized by an advisory lock held to the end of the caller's transaction.
 */
export async function publishTerms(knex: KnexLike, text: string, now: Date): Promise<TermsVersion> {
  await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_terms_version'))`)
  const current = await latest(knex)
  if (current && current.text === text) {
    return current
  }
  const published = { version: (current?.version ?? 0) + 1, text, published_at: now }
  await knex(TABLE).insert(published)
  return published
}

/**
 * The terms in force: the latest version when the settings have terms, null
 * when they have none. Terms given only as a plugin option (never saved by an
 * admin) are published the first time they are asked for. Settings read from
 * another instance's cache may be a few seconds old: a text that is an older
 * version is such a stale read, and the latest version stands.
 */
export async function termsInForce(knex: KnexLike, settingsTerms: string | null, now: Date): Promise<TermsVersion | null> {
  if (settingsTerms == null || settingsTerms === "") {
    return null
  }
  const current = await latest(knex)
  if (current && current.text === settingsTerms) {
    return current
  }
  const older = await knex(TABLE).where({ text: settingsTerms }).first("version")
  if (current && older) {
    return current
  }
  return await publishTerms(knex, settingsTerms, now)
}
