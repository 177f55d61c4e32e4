// Over 400 lines on purpose for now: this is the module's facade, and issue 10 splits it into
// sub-services (ledger, payouts, tracking, reports) behind a typed interface.
import { BigNumberInput, Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  Affiliate,
  Attribution,
  Click,
  CommissionLine,
  CommissionRule,
  CustomerBinding,
  Lead,
  Payout,
  PayoutBatch,
  ProgramSettings,
  ReferralCode,
  ReferralLink,
} from "./models"
import { AffiliateOptions, parseAffiliateOptions } from "./options"
import {
  invalidSettings,
  mergeSettings,
  minimumPayoutFor,
  ProgramSettings as ProgramSettingsValues,
  ProgramSettingsPatch,
  ProgramSettingsPatchSchema,
} from "./settings"
import {
  AffiliateBalance,
  AffiliateStatus,
  CommissionStatus,
  CommissionType,
} from "./types"
import { clickRefusedError, isSalesChannelAllowed } from "./utils/code-refusal"
import { isPlausibleCode, normalizeCode } from "./utils/codes"
import { LookupCache } from "./tracking/lookup-cache"
import { saltedHash, signAttributionToken } from "./utils/token"
import { isBotUserAgent } from "./utils/bots"
import { insertClick } from "./tracking/record-click"
import { purgeClicks, rebuildDailyStats, refreshSalesStats } from "./stats/daily-stats"
import { queryReport, queryTotals, ReportFilters, ReportGroup, ReportRow } from "./stats/reports"
import { normalizeDecimal, roundAmount } from "./utils/money"
import { BalanceFilters, BalanceListFilters, queryBalanceList, queryBalances } from "./ledger/balances"
import {
  AccrualUndo,
  AccrueOrderInput,
  countsAsOrderSql,
  nothingToUndo,
  OrderAccrual,
  OrderCursor,
  queryOrdersWithOutstandingCommission,
  queryUnaccruedOrderIds,
  undoOrderAccrual,
  writeOrderAccrual,
} from "./ledger/accrual"
import {
  assertLineTransitions,
  LINE_TRANSITIONS,
  LineStatusAction,
} from "./utils/line-transitions"
import type { CodeRefusal } from "./utils/code-refusal"
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  fenceIdempotencyKey,
  IdempotencyClaim,
  IdempotencyClaimInput,
  IdempotencyFence,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  takeOverIdempotencyKey,
} from "./idempotency/keys"
import type { AuditActor } from "../../types/audit"
import type { PayoutProvider, PayoutProviderResult, PayoutWebhookRequest } from "../../types/payout-provider"
import {
  askStatus,
  askToPay,
  changePayoutStatus as changePayoutStatusRow,
  createPayout as createPayoutRow,
  CreatePayoutBatchInput,
  CreatePayoutInput,
  currenciesWithBalances,
  dueAffiliateIds,
  insertPayoutBatch,
  listPollablePayouts,
  loadPayout,
  loadPayoutProviders,
  loadRecipient,
  PayoutBatchFailure,
  PayoutBatchRun,
  PayoutNews,
  PayoutStatusChange,
  PayoutStatusChangeResult,
  readWebhook,
  recordBatchFailures,
  RetryPayoutInput,
  retryPayout as retryPayoutRow,
  runPayoutBatch,
  SentPayout,
  statusOf,
} from "./payouts"

type ReferralCodeDTO = {
  id: string
  code: string
  alias_of_id: string | null
  is_active: boolean
  expires_at: Date | null
  promotion_id: string | null
  sales_channel_ids: string[] | null
  affiliate_id: string
}

type AffiliateDTO = {
  id: string
  name: string
  email: string
  status: AffiliateStatus
  customer_id: string | null
  commission_rate: number | null
  parent_id: string | null
  sales_channel_ids: string[] | null
}

export type ResolvedCode = {
  /** The primary code row (an alias resolves to it). */
  code: ReferralCodeDTO
  /** The string the shopper typed, normalized. */
  typed: string
  affiliate: AffiliateDTO
}

export type RecordClickInput = {
  code: string
  landing_url?: string | null
  referrer?: string | null
  utm_source?: string | null
  utm_medium?: string | null
  utm_campaign?: string | null
  utm_term?: string | null
  utm_content?: string | null
  sub_id?: string | null
  sales_channel_id?: string | null
  ip?: string | null
  user_agent?: string | null
}

export type RecordedClick = {
  /** Null for a bot, which is not counted and gets no token. */
  click_id: string | null
  token: string | null
  expires_at: Date | null
  /** False for a bot or a repeat within the hour (which returns the last counted click's token). */
  counted: boolean
  affiliate: { name: string }
  code: string
  /** The link the click came through (`/r/CODE[/SUBID]`), if the affiliate made one. */
  link: ReferralLinkDTO | null
}

export type ReferralLinkDTO = {
  id: string
  code_id: string
  sub_id: string | null
  target_url: string | null
  utm_source: string | null
  utm_medium: string | null
  utm_campaign: string | null
  utm_term: string | null
  utm_content: string | null
  is_active: boolean
}

export type { CreatePayoutInput } from "./payouts"

type KnexLike = any

export type ChangeLinesStatusOptions = {
  reason?: string | null
  actor?: string | null
  /** The request's `Idempotency-Key` claim: the change commits only under it. */
  idempotency?: IdempotencyFence
}

export type ReverseLinesOptions = {
  /** What caused the reversal; one reversal per line and reference. */
  reference: string
  reason?: string
  created_by?: string | null
  /**
   * The share of each line to take back (e.g. 0.25 for a refund of a quarter
   * of the order), never more than what is left of it. Omitted: all that is
   * left, as a cancellation does.
   */
  fraction?: BigNumberInput
}

/** A line's status fields before a manual change. */
export type LineStatusSnapshot = {
  id: string
  status: CommissionStatus
  approved_at: Date | null
  status_reason: string | null
  status_changed_by: string | null
  status_changed_at: Date | null
}

// Code and link look-ups on the click path: bounded in entries and age (I9 defect 7).
const CODE_CACHE = { max: 10_000, maxMissing: 1_000, ttlMs: 10_000 }
// Settings are read on every order; another server instance sees an admin's
// change after at most this long.
const SETTINGS_CACHE_TTL_MS = 5_000
// The single settings row has a fixed id, so two first saves can't make two rows.
const SETTINGS_ROW_ID = "afset_program"

/**
 * The affiliate module: partners, codes, clicks, attributions, the commission
 * ledger and payouts. Generated CRUD covers plain reads and writes; the methods
 * below hold the invariants of the ledger.
 */
class AffiliateModuleService extends MedusaService({
  Affiliate,
  ReferralCode,
  Click,
  Attribution,
  CommissionLine,
  CommissionRule,
  CustomerBinding,
  Lead,
  Payout,
  PayoutBatch,
  ProgramSettings,
  ReferralLink,
}) {
  protected readonly options_: AffiliateOptions
  // Clicks and redirects look a code up on every request; a short in-process
  // cache keeps that off the database without serving stale codes for long.
  protected readonly codeCache_ = new LookupCache<ResolvedCode>(CODE_CACHE)
  protected settingsCache_: { at: number; value: ProgramSettingsValues } | null = null
  protected readonly linkCache_ = new LookupCache<ReferralLinkDTO>(CODE_CACHE)

  constructor(container: Record<string, unknown>, options: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = parseAffiliateOptions(options)
  }

  getOptions(): AffiliateOptions {
    return this.options_
  }

  /**
   * The program settings in force: what an admin saved over the plugin
   * options over the built-in defaults.
   */
  @InjectManager()
  async getProgramSettings(@MedusaContext() sharedContext: Context = {}): Promise<ProgramSettingsValues> {
    if (this.settingsCache_ && Date.now() - this.settingsCache_.at < SETTINGS_CACHE_TTL_MS) {
      return this.settingsCache_.value
    }
    const stored = await this.storedSettings_(sharedContext)
    const value = mergeSettings(this.options_, stored)
    this.settingsCache_ = { at: Date.now(), value }
    return value
  }

  /** The fields an admin has changed, without defaults. */
  @InjectManager()
  async getStoredProgramSettings(@MedusaContext() sharedContext: Context = {}): Promise<ProgramSettingsPatch> {
    return await this.storedSettings_(sharedContext)
  }

  /**
   * Saves an admin's change over the stored settings (nested groups merge field
   * by field); `reset` drops every stored field first. Returns the settings in force.
   */
  @InjectTransactionManager()
  async saveProgramSettings(
    patch: ProgramSettingsPatch,
    { updated_by = null, reset = false }: { updated_by?: string | null; reset?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProgramSettingsValues> {
    const stored = reset ? {} : await this.storedSettings_(sharedContext)
    const next = {
      ...stored,
      ...patch,
      exclude_from_base: { ...stored.exclude_from_base, ...patch.exclude_from_base },
      fraud: { ...stored.fraud, ...patch.fraud },
    }
    const parsed = ProgramSettingsPatchSchema.safeParse(next)
    if (!parsed.success) {
      throw invalidSettings("Invalid program setting", parsed.error)
    }
    await this.knex_(sharedContext).raw(
      `INSERT INTO affiliate_program_settings (id, settings, updated_by) VALUES (?, ?::jsonb, ?)
       ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_at = now()`,
      [SETTINGS_ROW_ID, JSON.stringify(parsed.data), updated_by]
    )
    this.settingsCache_ = null
    return mergeSettings(this.options_, parsed.data)
  }

  protected async storedSettings_(sharedContext: Context): Promise<ProgramSettingsPatch> {
    const [row] = await this.listProgramSettings({ id: SETTINGS_ROW_ID }, { take: 1 }, sharedContext)
    return ((row?.settings as ProgramSettingsPatch | undefined) ?? {}) as ProgramSettingsPatch
  }

  /** The minimum payout in force for a currency (0 when none). */
  async minimumPayout(currencyCode: string): Promise<number> {
    return minimumPayoutFor(await this.getProgramSettings(), currencyCode)
  }

  /**
   * Finds a code or alias, case-insensitively, with its affiliate. Returns null
   * for an unknown code, and for anything longer than `MAX_CODE_LENGTH`
   * without a look-up. Pass `{ fresh: true }` to bypass the cache, as
   * anything that writes money does.
   */
  @InjectManager()
  async resolveCode(
    code: string,
    { fresh = false }: { fresh?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ResolvedCode | null> {
    if (!isPlausibleCode(code)) {
      return null
    }
    const typed = normalizeCode(code)
    const cached = this.codeCache_.get(typed)
    if (!fresh && cached !== undefined) {
      return cached
    }

    const [row] = await this.listReferralCodes({ code: typed }, { take: 1 }, sharedContext)
    let resolved: ResolvedCode | null = null
    if (row) {
      const primary = row.alias_of_id
        ? await this.retrieveReferralCode(row.alias_of_id, {}, sharedContext)
        : row
      const affiliate = await this.retrieveAffiliate(
        (primary as any).affiliate_id,
        {},
        sharedContext
      )
      resolved = {
        code: primary as unknown as ReferralCodeDTO,
        typed,
        affiliate: affiliate as unknown as AffiliateDTO,
      }
    }
    this.codeCache_.set(typed, resolved)
    return resolved
  }

  /** Why a code can't credit anyone right now, or null when it can. */
  codeRefusal(
    resolved: ResolvedCode,
    { now = new Date(), sales_channel_id }: { now?: Date; sales_channel_id?: string | null } = {}
  ): CodeRefusal | null {
    const { code, affiliate } = resolved
    if (!code.is_active) {
      return "inactive_code"
    }
    if (code.expires_at && new Date(code.expires_at) <= now) {
      return "expired_code"
    }
    if (affiliate.status !== AffiliateStatus.ACTIVE) {
      return "inactive_affiliate"
    }
    if (
      !isSalesChannelAllowed(code.sales_channel_ids, sales_channel_id) ||
      !isSalesChannelAllowed(affiliate.sales_channel_ids, sales_channel_id)
    ) {
      return "sales_channel_not_allowed"
    }
    return null
  }

  /**
   * Records a visit through a referral link and returns the attribution token
   * the storefront keeps. The hot path: cached code and link look-ups and one
   * SQL statement (`tracking/record-click.ts`), no workflow. Bots are not
   * recorded; a visitor's repeat within the hour returns their last counted click.
   */
  @InjectManager()
  async recordClick(
    input: RecordClickInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedClick> {
    const resolved = await this.resolveCode(input.code, {}, sharedContext)
    if (!resolved) {
      throw clickRefusedError(input.code, "unknown_code")
    }
    const refusal = this.codeRefusal(resolved, { sales_channel_id: input.sales_channel_id })
    if (refusal) {
      throw clickRefusedError(input.code, refusal)
    }
    const subId = input.sub_id?.trim() || null
    const link = await this.resolveLink(resolved.code.id, subId, sharedContext)
    const answer = { affiliate: { name: resolved.affiliate.name }, code: resolved.typed, link }
    if (isBotUserAgent(input.user_agent)) {
      return { ...answer, click_id: null, token: null, expires_at: null, counted: false }
    }

    const secret = this.options_.secret
    const click = await insertClick(this.knex_(sharedContext), {
      affiliate_id: resolved.affiliate.id,
      code_id: resolved.code.id,
      link_id: link?.id ?? null,
      sub_id: subId,
      sales_channel_id: input.sales_channel_id ?? null,
      landing_url: input.landing_url ?? null,
      referrer: input.referrer ?? null,
      // The link's own tags fill what the visit didn't carry.
      utm_source: input.utm_source ?? link?.utm_source ?? null,
      utm_medium: input.utm_medium ?? link?.utm_medium ?? null,
      utm_campaign: input.utm_campaign ?? link?.utm_campaign ?? null,
      utm_term: input.utm_term ?? link?.utm_term ?? null,
      utm_content: input.utm_content ?? link?.utm_content ?? null,
      ip_hash: saltedHash(input.ip, secret),
      user_agent_hash: saltedHash(input.user_agent, secret),
      visitor_hash: saltedHash(`${input.ip ?? ""}|${input.user_agent ?? ""}`, secret),
    })
    const settings = await this.getProgramSettings(sharedContext)
    const expiresAt = new Date(new Date(click.created_at).getTime() + settings.attribution_window_days * 86_400_000)
    return {
      ...answer,
      click_id: click.id,
      token: signAttributionToken(click.id, expiresAt, secret),
      expires_at: expiresAt,
      counted: click.counted,
    }
  }

  /** An active link of a code (`sub_id` null: the code's own link), cached like codes. */
  @InjectManager()
  async resolveLink(
    codeId: string,
    subId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralLinkDTO | null> {
    const key = `${codeId}|${subId ?? ""}`
    const cached = this.linkCache_.get(key)
    if (cached !== undefined) {
      return cached
    }
    const [link] = await this.listReferralLinks(
      { code_id: codeId, sub_id: subId, is_active: true },
      { take: 1 },
      sharedContext
    )
    const value = (link as unknown as ReferralLinkDTO) ?? null
    this.linkCache_.set(key, value)
    return value
  }

  /** Drops cached code look-ups after codes or affiliates change. */
  clearCodeCache(): void {
    this.codeCache_.clear()
    this.linkCache_.clear()
  }

  /**
   * Accrues one order in one transaction: links its attribution (with the
   * reason it earns nothing, if it doesn't), binds the customer for life,
   * writes every level's sale line and, if the order is paid, starts their
   * hold. A crash leaves all of it or none of it. Running it again for the
   * same order writes nothing more; a concurrent run that lost the race on a
   * unique index is answered with what the winner wrote.
   */
  @InjectManager()
  async accrueOrder(
    input: AccrueOrderInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderAccrual> {
    try {
      return await this.accrueOrder_(input, sharedContext)
    } catch (error) {
      const [attribution] = await this.listAttributions(
        { order_id: input.order_id },
        { select: ["id", "rejection_reason"], take: 1 },
        sharedContext
      )
      const lines = attribution
        ? await this.listCommissionLines(
            { order_id: input.order_id, type: CommissionType.SALE },
            { select: ["id"] },
            sharedContext
          )
        : []
      if (!attribution || (!attribution.rejection_reason && !lines.length)) {
        throw error
      }
      return {
        attribution_id: attribution.id,
        rejection_reason: attribution.rejection_reason ?? null,
        line_ids: lines.map((line) => line.id),
        undo: nothingToUndo(),
      }
    }
  }

  @InjectTransactionManager()
  protected async accrueOrder_(
    input: AccrueOrderInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderAccrual> {
    return await writeOrderAccrual(this, this.knex_(sharedContext), input, sharedContext)
  }

  /** Takes back what one `accrueOrder` wrote (workflow compensation), in one transaction. */
  @InjectManager()
  async undoOrderAccrual(undo: AccrualUndo, @MedusaContext() sharedContext: Context = {}) {
    await this.undoOrderAccrual_(undo, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoOrderAccrual_(undo: AccrualUndo, @MedusaContext() sharedContext: Context = {}) {
    await undoOrderAccrual(this, undo, sharedContext)
  }

  /**
   * Reconciliation: accepted orders attributed since `since` that have no
   * sale line, i.e. whose accrual never finished.
   */
  @InjectManager()
  async listUnaccruedOrderIds(
    since: Date,
    { limit = 1000 }: { limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await queryUnaccruedOrderIds(this.knex_(sharedContext), since, limit)
  }

  /**
   * Reconciliation: a page of the orders attributed since `since` whose
   * commission is not taken back in full (the only ones a cancel, refund or
   * edit can still change), after `after`.
   */
  @InjectManager()
  async listOrdersWithOutstandingCommission(
    since: Date,
    { after = null, limit = 500 }: { after?: OrderCursor | null; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await queryOrdersWithOutstandingCommission(this.knex_(sharedContext), since, after, limit)
  }

  /**
   * Marks an order's unpaid lines as paid by the customer, which starts their
   * hold period. Idempotent: lines already marked keep their first date.
   */
  @InjectManager()
  async markOrderPaid(
    orderId: string,
    paidAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.markOrderPaid_(orderId, paidAt, sharedContext)
  }

  @InjectTransactionManager()
  protected async markOrderPaid_(
    orderId: string,
    paidAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const lines = await this.listCommissionLines(
      {
        order_id: orderId,
        paid_by_customer_at: null,
        status: [CommissionStatus.PENDING, CommissionStatus.ON_HOLD],
      },
      { select: ["id"] },
      sharedContext
    )
    if (!lines.length) {
      return []
    }
    const { hold_days } = await this.getProgramSettings()
    const holdUntil = new Date(paidAt.getTime() + hold_days * 86_400_000)
    await this.updateCommissionLines(
      lines.map((line) => ({
        id: line.id,
        paid_by_customer_at: paidAt,
        hold_until: holdUntil,
      })),
      sharedContext
    )
    return lines.map((line) => line.id)
  }

  /** Undoes `markOrderPaid` for the given lines (workflow compensation). */
  @InjectManager()
  async unmarkLinesPaid(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) {
      return
    }
    await this.updateCommissionLines(
      ids.map((id) => ({ id, paid_by_customer_at: null, hold_until: null })),
      sharedContext
    )
  }

  /**
   * Approves pending lines whose customer has paid and whose hold has passed
   * by `now`. Lines on hold for review are left alone.
   */
  @InjectManager()
  async approveDueLines(
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.approveDueLines_(now, sharedContext)
  }

  @InjectTransactionManager()
  protected async approveDueLines_(
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const knex = this.knex_(sharedContext)
    const rows: { id: string }[] = await knex("affiliate_commission_line")
      .where({ status: CommissionStatus.PENDING })
      // A sale waits for the customer's payment; a lead has none to wait for.
      .where((q: KnexLike) => q.whereNotNull("paid_by_customer_at").orWhere("type", CommissionType.LEAD))
      .where("hold_until", "<=", now)
      .whereNull("deleted_at")
      .update({ status: CommissionStatus.APPROVED, approved_at: now, updated_at: now })
      .returning("id")
    return rows.map((row) => row.id)
  }

  /** Puts lines back to pending (workflow compensation of an approval). */
  @InjectManager()
  async revertApproval(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) {
      return
    }
    await this.updateCommissionLines(
      ids.map((id) => ({ id, status: CommissionStatus.PENDING, approved_at: null })),
      sharedContext
    )
  }

  /**
   * Approves, rejects, holds or releases ledger lines by hand, all or none.
   * A reversal still in the same status as the line it reverses moves with it,
   * so the two keep netting to zero. Returns what the changed lines were, for
   * compensation.
   */
  @InjectManager()
  async changeLinesStatus(
    ids: string[],
    action: LineStatusAction,
    options: ChangeLinesStatusOptions = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LineStatusSnapshot[]> {
    return await this.changeLinesStatus_(ids, action, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeLinesStatus_(
    ids: string[],
    action: LineStatusAction,
    { reason, actor, idempotency }: ChangeLinesStatusOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LineStatusSnapshot[]> {
    const snapshotFields = ["id", "status", "reverses_id", "approved_at", "status_reason", "status_changed_by", "status_changed_at"]
    const lines = await this.listCommissionLines({ id: ids }, { select: snapshotFields as any }, sharedContext)
    const missing = ids.filter((id) => !lines.some((line) => line.id === id))
    if (missing.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Commission line with id: ${missing.join(", ")} was not found`
      )
    }
    assertLineTransitions(lines as any, action)

    const reversals = await this.listCommissionLines(
      { reverses_id: ids, type: CommissionType.REVERSAL },
      { select: snapshotFields as any },
      sharedContext
    )
    const followers = reversals.filter(
      (reversal) =>
        !ids.includes(reversal.id) &&
        lines.find((line) => line.id === reversal.reverses_id)?.status === reversal.status
    )
    const targets = [...lines, ...followers]
    const { to } = LINE_TRANSITIONS[action]
    const now = new Date()
    await this.updateCommissionLines(
      targets.map((line) => ({
        id: line.id,
        status: to,
        status_reason: reason ?? null,
        status_changed_by: actor ?? null,
        status_changed_at: now,
        ...(to === CommissionStatus.APPROVED ? { approved_at: now } : {}),
      })),
      sharedContext
    )
    if (idempotency) {
      await fenceIdempotencyKey(
        this.knex_(sharedContext),
        idempotency,
        `commission_lines:${targets.map((line) => line.id).join(",")}`
      )
    }
    return targets.map(({ reverses_id, ...snapshot }) => snapshot) as LineStatusSnapshot[]
  }

  /**
   * Writes lines an admin made by hand (adjustments, bonuses), under the
   * request's `Idempotency-Key` claim when there is one.
   */
  @InjectManager()
  async createManualLines(
    lines: Record<string, unknown>[],
    idempotency?: IdempotencyFence,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.createManualLines_(lines, idempotency, sharedContext)
  }

  @InjectTransactionManager()
  protected async createManualLines_(
    lines: Record<string, unknown>[],
    idempotency: IdempotencyFence | undefined,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const created = await this.createCommissionLines(lines as any[], sharedContext)
    if (idempotency) {
      await fenceIdempotencyKey(
        this.knex_(sharedContext),
        idempotency,
        `commission_lines:${created.map((line) => line.id).join(",")}`
      )
    }
    return created
  }

  /** Puts lines back as a snapshot describes them (workflow compensation). */
  @InjectManager()
  async restoreLinesStatus(snapshots: LineStatusSnapshot[], @MedusaContext() sharedContext: Context = {}) {
    if (!snapshots.length) {
      return
    }
    await this.updateCommissionLines(snapshots as any[], sharedContext)
  }

  /**
   * Writes one negative line for each of the order's earning lines that has
   * not been reversed for this `reference` yet: all that is left of it, or
   * `fraction` of it for a partial refund. A line already paid out is
   * clawed back: the negative line is approved and lowers the next payout.
   * Otherwise the negative line shares the original's status and dates, so the
   * two move through the lifecycle together and always net to zero.
   */
  @InjectManager()
  async reverseOrderLines(
    orderId: string,
    { reference, reason, created_by, fraction }: ReverseLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await this.reverseOrderLines_(orderId, { reference, reason, created_by, fraction }, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverseOrderLines_(
    orderId: string,
    { reference, reason, created_by, fraction }: ReverseLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const lines = await this.listCommissionLines(
      { order_id: orderId, type: [CommissionType.SALE, CommissionType.LEAD] },
      { order: { created_at: "ASC" } },
      sharedContext
    )
    const reversible = lines.filter((line) => line.status !== CommissionStatus.REJECTED)
    if (!reversible.length) {
      return []
    }
    // Everything already taken back from each line, whatever the cause: a
    // cancel after a partial refund reverses only what is left.
    const reversals = await this.listCommissionLines(
      { reverses_id: reversible.map((line) => line.id), status: { $ne: CommissionStatus.REJECTED } } as any,
      { select: ["reverses_id", "reference", "amount", "raw_amount"] as any },
      sharedContext
    )
    const toCreate = reversible.flatMap((line) => {
      const own = reversals.filter((reversal) => reversal.reverses_id === line.id)
      if (own.some((reversal) => reversal.reference === reference)) {
        return []
      }
      const remaining = MathBN.add(exactAmount(line), ...own.map(exactAmount))
      const share =
        fraction === undefined
          ? remaining
          : MathBN.min(roundAmount(MathBN.mult(exactAmount(line), fraction), line.currency_code), remaining)
      if (MathBN.lte(share, 0)) {
        return []
      }
      const paidOut = line.status === CommissionStatus.PAID
      return [
        lineAgainst(line, {
          type: paidOut ? CommissionType.CLAWBACK : CommissionType.REVERSAL,
          amount: MathBN.mult(share, -1).toString(),
          reference,
          reason: reason ?? null,
          created_by: created_by ?? null,
        }),
      ]
    })
    if (!toCreate.length) {
      return []
    }
    const created = await this.createCommissionLines(toCreate as any[], sharedContext)
    return created.map((line) => line.id)
  }

  /**
   * E4, order edits: brings each sale line of an order to what the edited
   * order earns (`targets`, by sale line id) with one adjustment line per
   * line and edit, pointing at the sale line. Only earlier edit adjustments
   * count toward what the line is worth now; refunds are taken back on their
   * own. Against a paid-out line a decrease is a clawback and an increase is
   * approved for the next payout. With `priced_version`, records on the
   * order's attribution, in the same transaction, that the order was priced
   * at that version (what reconciliation checks edits against). Returns the
   * lines written.
   */
  @InjectTransactionManager()
  async adjustOrderLines(
    orderId: string,
    targets: Record<string, BigNumberInput>,
    { reference, reason, priced_version }: { reference: string; reason?: string; priced_version?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (priced_version != null) {
      await this.knex_(sharedContext)("affiliate_attribution")
        .where({ order_id: orderId })
        .whereNull("deleted_at")
        .where((q: KnexLike) => q.whereNull("priced_version").orWhere("priced_version", "<", priced_version))
        .update({ priced_version, updated_at: new Date() })
    }
    const lines = await this.listCommissionLines(
      { order_id: orderId, type: CommissionType.SALE, id: Object.keys(targets) },
      {},
      sharedContext
    )
    const earlier = await this.listCommissionLines(
      { reverses_id: lines.map((line) => line.id), reference: { $like: "order_edit:%" } } as any,
      { select: ["reverses_id", "reference", "amount", "raw_amount", "status"] as any },
      sharedContext
    )
    const toCreate = lines.flatMap((line) => {
      const own = earlier.filter((adjustment) => adjustment.reverses_id === line.id)
      if (line.status === CommissionStatus.REJECTED || own.some((adjustment) => adjustment.reference === reference)) {
        return []
      }
      const counted = own.filter((adjustment) => adjustment.status !== CommissionStatus.REJECTED)
      const current = MathBN.add(exactAmount(line), ...counted.map(exactAmount))
      const delta = MathBN.sub(roundAmount(targets[line.id], line.currency_code), current)
      if (MathBN.eq(delta, 0)) {
        return []
      }
      const paidOut = line.status === CommissionStatus.PAID
      return [
        lineAgainst(line, {
          type: paidOut && MathBN.lt(delta, 0) ? CommissionType.CLAWBACK : CommissionType.ADJUSTMENT,
          amount: delta.toString(),
          reference,
          reason: reason ?? null,
          created_by: "system:order_edit",
        }),
      ]
    })
    if (!toCreate.length) {
      return []
    }
    const created = await this.createCommissionLines(toCreate as any[], sharedContext)
    return created.map((line) => line.id)
  }

  /**
   * The active rules that can apply to an order: program rules, and rules of
   * the given affiliates or products.
   */
  @InjectManager()
  async listApplicableRules(
    { affiliate_ids, product_ids }: { affiliate_ids: string[]; product_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.listCommissionRules(
      {
        is_active: true,
        $or: [
          { scope: "program" },
          ...(affiliate_ids.length ? [{ affiliate_id: affiliate_ids }] : []),
          ...(product_ids.length ? [{ product_id: product_ids }] : []),
        ],
      } as any,
      { order: { created_at: "ASC" } },
      sharedContext
    )
  }

  /**
   * What tiers are measured by: the affiliate's paid referred orders and the
   * revenue (commission base) they brought since `since` (all time when null).
   */
  @InjectManager()
  async affiliatePerformance(
    affiliateId: string,
    since: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ paid_orders: number; revenue: string }> {
    const knex = this.knex_(sharedContext)
    const query = knex("affiliate_commission_line")
      .where({ affiliate_id: affiliateId, type: CommissionType.SALE, level: 0 })
      .whereNot({ status: CommissionStatus.REJECTED })
      .whereNotNull("paid_by_customer_at")
      .whereNull("deleted_at")
      .select(
        knex.raw("COUNT(DISTINCT order_id)::int AS paid_orders"),
        knex.raw("COALESCE(SUM(base_amount), 0)::text AS revenue")
      )
    if (since) {
      query.where("paid_by_customer_at", ">=", since)
    }
    const [row] = await query
    return { paid_orders: row?.paid_orders ?? 0, revenue: normalizeDecimal(row?.revenue ?? "0") }
  }

  /**
   * F5: at the first run in a period (e.g. "2026-12"), writes every negative
   * available balance off with one approved positive line per affiliate and
   * currency, referenced by the period ("write_off:2026-12"). The job runs
   * daily (the in-memory scheduler can't wait a month), so the period's run is
   * claimed in `affiliate_period_run` in the same transaction as the lines:
   * later runs in the period write nothing, and a crash mid-run leaves neither
   * the claim nor any line, so the next run does it all. The unique index on
   * write-off lines backs this up. Returns the lines written.
   */
  @InjectTransactionManager()
  async writeOffNegativeBalances(
    period: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const knex = this.knex_(sharedContext)
    const { rows: claimed } = await knex.raw(
      `INSERT INTO affiliate_period_run (job, period) VALUES (:job, :period)
       ON CONFLICT DO NOTHING RETURNING job`,
      { job: "write_off", period }
    )
    if (!claimed.length) {
      return []
    }
    const reference = `write_off:${period}`
    const negative = (await queryBalances(knex)).filter((b) => MathBN.lt(b.available, 0))
    const written: string[] = []
    for (const balance of negative) {
      const now = new Date()
      const line = await this.createCommissionLines(
        {
          affiliate_id: balance.affiliate_id,
          currency_code: balance.currency_code,
          type: CommissionType.WRITE_OFF,
          status: CommissionStatus.APPROVED,
          amount: MathBN.mult(balance.available, -1).toString(),
          reference,
          reason: "Negative balance written off at the start of the period",
          created_by: "system:write_off",
          approved_at: now,
        } as any,
        sharedContext
      )
      written.push(line.id)
    }
    return written
  }

  /** Brings the report read model up to date with the ledger (see `stats/daily-stats.ts`). */
  @InjectManager()
  async refreshStats(
    { overlap = false }: { overlap?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return await refreshSalesStats(this.knex_(sharedContext), { overlap })
  }

  /** Recomputes the report read model from the raw rows. */
  @InjectManager()
  async rebuildStats(@MedusaContext() sharedContext: Context = {}) {
    return await rebuildDailyStats(this.knex_(sharedContext))
  }

  /** J1: purges clicks older than the retention period; reports keep their counts. */
  @InjectManager()
  async purgeOldClicks(now = new Date(), @MedusaContext() sharedContext: Context = {}) {
    const { click_retention_days } = await this.getProgramSettings(sharedContext)
    return await purgeClicks(this.knex_(sharedContext), click_retention_days, now)
  }

  /** Report rows grouped by `group` (G7, H4), from an up-to-date read model. */
  @InjectManager()
  async report(
    group: ReportGroup,
    filters: ReportFilters,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReportRow[]> {
    await this.refreshStats({}, sharedContext)
    return await queryReport(this.knex_(sharedContext), group, filters)
  }

  /** Totals over a range (H2), from an up-to-date read model. */
  @InjectManager()
  async reportTotals(filters: ReportFilters, @MedusaContext() sharedContext: Context = {}) {
    await this.refreshStats({}, sharedContext)
    return await queryTotals(this.knex_(sharedContext), filters)
  }

  /** E7: clicks since `since` from the IP hash of the given click, that click included. */
  @InjectManager()
  async clicksFromSameIp(
    clickId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const { rows } = await this.knex_(sharedContext).raw(
      `SELECT COUNT(*)::int AS clicks
         FROM affiliate_click origin
         JOIN affiliate_click c ON c.ip_hash = origin.ip_hash
        WHERE origin.id = ? AND c.created_at >= ? AND c.deleted_at IS NULL`,
      [clickId, since]
    )
    return rows[0]?.clicks ?? 0
  }

  /** E7: an affiliate's recorded clicks and attributed orders since a date. */
  @InjectManager()
  async affiliateConversion(
    affiliateId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ clicks: number; orders: number }> {
    const { rows } = await this.knex_(sharedContext).raw(
      `SELECT
         (SELECT COUNT(*) FROM affiliate_click
           WHERE affiliate_id = :id AND created_at >= :since AND deleted_at IS NULL)::int AS clicks,
         (SELECT COUNT(*) FROM affiliate_attribution
           WHERE affiliate_id = :id AND order_id IS NOT NULL AND ordered_at >= :since
             AND ${countsAsOrderSql("affiliate_attribution")} AND deleted_at IS NULL)::int AS orders`,
      { id: affiliateId, since }
    )
    return { clicks: rows[0]?.clicks ?? 0, orders: rows[0]?.orders ?? 0 }
  }

  /**
   * Balances per affiliate and currency, summed from the ledger in SQL (see
   * `ledger/balances.ts`): the ledger is the only source of truth, and what a
   * payout reads.
   */
  @InjectManager()
  async listBalances(
    filters: BalanceFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AffiliateBalance[]> {
    return await queryBalances(this.knex_(sharedContext), filters)
  }

  /**
   * Every affiliate's balances (or only the payable ones) for the admin's
   * list, from the balance read model the report refresh keeps in step with
   * the ledger (refreshed first, like a report).
   */
  @InjectManager()
  async listBalancesOfAll(
    filters: BalanceListFilters = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AffiliateBalance[]> {
    await this.refreshStats({}, sharedContext)
    return await queryBalanceList(this.knex_(sharedContext), filters)
  }

  /**
   * Claims an `Idempotency-Key` for one attempt of a money-moving admin
   * request, or returns what an earlier attempt with that key left (see
   * `idempotency/keys.ts`).
   */
  @InjectManager()
  async claimIdempotencyKey(
    input: IdempotencyClaimInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IdempotencyClaim> {
    return await claimIdempotencyKey(this.knex_(sharedContext), input)
  }

  /** Stores the answer of the attempt that claimed the key. */
  @InjectManager()
  async completeIdempotencyKey(
    input: Parameters<typeof completeIdempotencyKey>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await completeIdempotencyKey(this.knex_(sharedContext), input)
  }

  /** Frees a key whose request was refused, so it can be used again. */
  @InjectManager()
  async releaseIdempotencyKey(
    input: Parameters<typeof releaseIdempotencyKey>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await releaseIdempotencyKey(this.knex_(sharedContext), input)
  }

  /**
   * Takes a key over from an attempt that died before moving anything (see
   * `idempotency/keys.ts`).
   */
  @InjectManager()
  async takeOverIdempotencyKey(
    input: Parameters<typeof takeOverIdempotencyKey>[1],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await takeOverIdempotencyKey(this.knex_(sharedContext), input)
  }

  /** Forgets idempotency keys older than 24 hours. */
  @InjectManager()
  async purgeIdempotencyKeys(now = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await purgeIdempotencyKeys(this.knex_(sharedContext), now)
  }

  // ---- Payouts (issue 10: F2, F3, F6): lifecycle, batches, providers. The
  // work is in ./payouts, each function given this transaction's knex.

  protected payoutProviders_?: Map<string, PayoutProvider>

  /** The payout providers by id: `manual` and those in the options (checked at boot). */
  protected get providers_(): Map<string, PayoutProvider> {
    return (this.payoutProviders_ ??= loadPayoutProviders(this.options_.payout_providers))
  }

  /** The ids of the registered payout providers. */
  listPayoutProviderIds(): string[] {
    return [...this.providers_.keys()]
  }

  /**
   * Creates a `pending` payout for an affiliate in one currency, settling its
   * lines under the affiliate's row lock (two admins paying the same
   * affiliate at once are serialized). `sendPayout` then asks its provider.
   */
  @InjectManager()
  async createPayout(input: CreatePayoutInput, @MedusaContext() sharedContext: Context = {}) {
    const payout = await this.createPayout_(input, sharedContext)
    return await this.retrievePayout(payout.id, { relations: ["lines"] }, sharedContext)
  }

  @InjectTransactionManager()
  protected async createPayout_(input: CreatePayoutInput, @MedusaContext() sharedContext: Context = {}) {
    this.assertPayoutProvider_(input.provider_id)
    const minimum = await this.minimumPayout(input.currency_code.toLowerCase())
    return await createPayoutRow(this.knex_(sharedContext), input, minimum)
  }

  /** Retries a failed or canceled payout with a new one (see `payouts/retry.ts`). */
  @InjectManager()
  async retryPayout(id: string, input: RetryPayoutInput, @MedusaContext() sharedContext: Context = {}) {
    const payout = await this.retryPayout_(id, input, sharedContext)
    return { id: payout.id, affiliate_id: payout.affiliate_id }
  }

  @InjectTransactionManager()
  protected async retryPayout_(id: string, input: RetryPayoutInput, @MedusaContext() sharedContext: Context = {}) {
    this.assertPayoutProvider_(input.provider_id)
    const knex = this.knex_(sharedContext)
    const [{ currency_code } = { currency_code: "" }] = await knex("affiliate_payout").where({ id }).select("currency_code")
    return await retryPayoutRow(knex, id, input, await this.minimumPayout(currency_code))
  }

  /** Moves a payout to its next status, with its ledger lines and audit entry (see `payouts/change-status.ts`). */
  @InjectManager()
  async changePayoutStatus(id: string, change: PayoutStatusChange, @MedusaContext() sharedContext: Context = {}) {
    return await this.changePayoutStatus_(id, change, sharedContext)
  }

  @InjectTransactionManager()
  protected async changePayoutStatus_(
    id: string,
    change: PayoutStatusChange,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PayoutStatusChangeResult> {
    return await changePayoutStatusRow(this.knex_(sharedContext), id, change)
  }

  /**
   * Asks a pending payout's provider to pay it (outside any transaction),
   * then records the answer: processing, paid or failed.
   */
  @InjectManager()
  async sendPayout(id: string, actor: AuditActor, @MedusaContext() sharedContext: Context = {}): Promise<SentPayout> {
    const knex = this.knex_(sharedContext)
    const payout = await loadPayout(knex, id)
    const result = await askToPay(this.providers_, payout, await loadRecipient(knex, payout.affiliate_id))
    return await this.applyProviderResult_(payout, result, actor, sharedContext)
  }

  /** Asks the providers that can be polled how their processing payouts stand. */
  @InjectManager()
  async pollPayouts(limit = 100, @MedusaContext() sharedContext: Context = {}): Promise<SentPayout[]> {
    const moved: SentPayout[] = []
    for (const payout of await listPollablePayouts(this.knex_(sharedContext), this.providers_, limit)) {
      const result = await askStatus(this.providers_.get(payout.provider_id)!, payout)
      if (result && result.status !== "processing") {
        const actor = { actor_type: "system" as const, actor_id: `payout_provider:${payout.provider_id}` }
        moved.push(await this.applyProviderResult_(payout, result, actor, sharedContext))
      }
    }
    return moved.filter((sent) => sent.changed)
  }

  /**
   * Reads a provider's webhook (the provider verifies it): which payout and
   * what happened to it; null when it concerns none of ours.
   */
  @InjectManager()
  async readPayoutWebhook(
    providerId: string,
    request: PayoutWebhookRequest,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PayoutNews | null> {
    const found = await readWebhook(this.knex_(sharedContext), this.providers_, providerId, request)
    if (!found || found.result.status === "processing") {
      return null
    }
    return { payout_id: found.payout.id, affiliate_id: found.payout.affiliate_id, result: found.result }
  }

  /** Applies what a provider said about a payout (a webhook); news already applied changes nothing. */
  @InjectManager()
  async applyPayoutNews(
    providerId: string,
    news: PayoutNews,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SentPayout> {
    const actor = { actor_type: "system" as const, actor_id: `payout_provider:${providerId}` }
    return await this.applyProviderResult_(
      { id: news.payout_id, affiliate_id: news.affiliate_id },
      news.result,
      actor,
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async applyProviderResult_(
    payout: { id: string; affiliate_id: string },
    result: PayoutProviderResult,
    actor: AuditActor,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SentPayout> {
    const moved = await changePayoutStatusRow(this.knex_(sharedContext), payout.id, {
      to: statusOf(result),
      reason: result.failure_reason ?? null,
      ...(result.external_reference ? { external_reference: result.external_reference } : {}),
      actor,
      quietIfSettled: true,
    })
    return {
      id: payout.id,
      affiliate_id: payout.affiliate_id,
      status: moved.payout.status,
      failure_reason: moved.payout.failure_reason,
      changed: moved.changed,
    }
  }

  /** Pays every partner due a payout in a currency, as one batch (see `payouts/run-batch.ts`). */
  async runPayoutBatch(input: CreatePayoutBatchInput): Promise<PayoutBatchRun> {
    this.assertPayoutProvider_(input.provider_id)
    return await runPayoutBatch(this, input)
  }

  @InjectTransactionManager()
  async createPayoutBatch(input: CreatePayoutBatchInput, @MedusaContext() sharedContext: Context = {}) {
    return await insertPayoutBatch(this.knex_(sharedContext), input)
  }

  @InjectManager()
  async listDueAffiliateIds(
    currency: string,
    affiliateIds?: string[] | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    const minimum = await this.minimumPayout(currency.toLowerCase())
    return await dueAffiliateIds(this.knex_(sharedContext), currency, minimum, affiliateIds)
  }

  @InjectTransactionManager()
  async recordPayoutBatchFailures(
    batchId: string,
    failures: PayoutBatchFailure[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await recordBatchFailures(this.knex_(sharedContext), batchId, failures)
  }

  /** Currencies with an available balance, for a payout schedule that names none. */
  @InjectManager()
  async listPayableCurrencies(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await currenciesWithBalances(this.knex_(sharedContext))
  }

  protected assertPayoutProvider_(providerId: string | undefined) {
    if (providerId !== undefined && !this.providers_.has(providerId)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `provider_id: "${providerId}" is not a registered payout provider (${this.listPayoutProviderIds().join(", ")})`
      )
    }
  }
  // ---- end of payouts

  protected knex_(sharedContext: Context): KnexLike {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
    const knex = manager?.getTransactionContext?.() ?? manager?.getKnex?.()
    if (!knex) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        "The affiliate module needs a database manager in its context"
      )
    }
    return knex
  }
}

/**
 * A line written against another (a reversal, clawback or edit adjustment):
 * it points at the line and shares its affiliate, order and currency. Against
 * a line not yet paid out it shares its status and dates, so the two move
 * together; against a paid-out line it is approved at once, for the next payout.
 */
function lineAgainst(
  line: any,
  written: { type: CommissionType; amount: string; reference: string; reason: string | null; created_by: string | null }
) {
  const paidOut = line.status === CommissionStatus.PAID
  return {
    ...written,
    affiliate_id: line.affiliate_id,
    status: paidOut ? CommissionStatus.APPROVED : line.status,
    currency_code: line.currency_code,
    level: line.level,
    source: line.source,
    order_id: line.order_id,
    attribution_id: line.attribution_id,
    reverses_id: line.id,
    paid_by_customer_at: paidOut ? null : line.paid_by_customer_at,
    hold_until: paidOut ? null : line.hold_until,
    approved_at: paidOut ? new Date() : line.approved_at,
  }
}

/** A line's amount at full precision: the `raw_` value when it was loaded. */
function exactAmount(line: { amount: unknown; raw_amount?: unknown }) {
  return (line.raw_amount ?? line.amount) as any
}

export default AffiliateModuleService
