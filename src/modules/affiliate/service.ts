// Over 400 lines on purpose: this is the module's facade. Each public method is a few lines
// that open a transaction (or a manager) and call the sub-service of its folder (`ledger/`,
// `tracking/`, `rules/`, `stats/`, `payouts/`, `creatives/`, `partners/`, `program/`,
// `idempotency/`, `accounts/`); the work is there, not here. It grew past 1,300 lines with
// issue 11 and 1,500 with issue 12 (partner accounts): the next step is facades per domain
// mixed into one class, not more methods here.
import { BigNumberInput, Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  Affiliate,
  AffiliateCreative,
  Attribution,
  Click,
  CommissionLine,
  CommissionRule,
  CustomerBinding,
  Lead,
  Payout,
  PayoutBatch,
  ProductParticipation,
  ProgramSettings,
  ReferralCode,
  ReferralLink,
} from "./models"
import { AffiliateOptions, parseAffiliateOptions } from "./options"
import { mergeSettings, minimumPayoutFor, ProgramSettings as ProgramSettingsValues, ProgramSettingsPatch } from "./settings"
import { AffiliateBalance } from "./types"
import type { ModuleTx } from "./module-tx"
import { CodeRefusal, codeRefusal } from "./utils/code-refusal"
import { CodeTracker } from "./tracking/code-tracker"
import { purgeClicks, rebuildDailyStats, refreshSalesStats } from "./stats/daily-stats"
import { queryReport, queryTotals, ReportFilters, ReportGroup, ReportRow } from "./stats/reports"
import { BalanceFilters, BalanceListFilters, queryBalanceList, queryBalances } from "./ledger/balances"
import { accrualOfWinner, undoOrderAccrual, writeOrderAccrual } from "./ledger/accrual"
import { queryOrdersWithOutstandingCommission, queryUnaccruedOrderIds } from "./ledger/reconciliation"
import {
  approveDueLines,
  changeLinesStatus,
  markOrderPaid,
  restoreLinesStatus,
  revertApproval,
  unmarkLinesPaid,
} from "./ledger/line-status"
import { reverseOrderLines, reverseRefundedShare } from "./ledger/reversals"
import { adjustOrderLines } from "./ledger/edit-adjustments"
import { createManualLines, undoLines } from "./ledger/manual-lines"
import { recordLead, undoLead } from "./ledger/leads"
import { writeOffNegativeBalances } from "./ledger/write-off"
import { listApplicableRules } from "./rules/applicable-rules"
import { affiliatePerformance } from "./rules/affiliate-performance"
import { affiliateConversion, clicksFromSameIp } from "./rules/fraud-signals"
import type { CommissionRule as CommissionRuleValues } from "./utils/commission-rules"
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  IdempotencyClaim,
  IdempotencyClaimInput,
  purgeIdempotencyKeys,
  releaseIdempotencyKey,
  takeOverIdempotencyKey,
} from "./idempotency/keys"
import {
  readPayoutDetails,
  savePayoutDetails,
  SavePayoutDetailsInput,
  StoredPayoutDetails,
} from "./payout-details/store"
import {
  affiliatesWithoutPayoutDetails,
  ExportCursor,
  ExportFilters,
  ExportPage,
  ledgerExportPage,
  LedgerExportRow,
  payoutExportPage,
  PayoutExportRow,
} from "./exports/export-pages"
import type {
  AffiliateStatusSnapshot,
  AuditActor,
  AuditedUpdate,
  AuditEntryDTO,
  AuditEntryFilters,
  ChangeAffiliateStatusInput,
  RecordSnapshot,
  SaveProgramSettingsOptions,
} from "../../types"
import { listAuditEntries } from "./audit/audit-log"
import {
  changeAffiliateStatus,
  createAffiliatesAudited,
  deleteAffiliatesAudited,
  restoreAffiliateStatus,
  updateAffiliatesAudited,
} from "./partners/partner-changes"
import {
  affiliateMoneyTotals,
  type MoneySort,
  type PartnerListFilters,
  type PartnerMoneyTotals,
  rankAffiliates,
} from "./partners/partner-list"
import {
  createCommissionRulesAudited,
  deleteCommissionRulesAudited,
  restoreCommissionRulesAudited,
  updateCommissionRulesAudited,
} from "./program/rule-changes"
import { saveProgramSettingsAudited, SETTINGS_ROW_ID } from "./program/settings-changes"
import {
  issueAccountLink,
  readAccountAffiliate,
  recordTermsAccepted,
  undoAccountLink,
  undoIssuedAccountLink,
  useAccountLink,
} from "./accounts/account-changes"
import { partnerAlerts } from "./accounts/alerts"
import { checkTermsAccepted } from "./accounts/application"
import { termsInForce } from "./accounts/terms"
import { peekAccountToken } from "./accounts/tokens"
import type {
  AccountTokenKind,
  InvitationPreview,
  IssuedAccountLink,
  PartnerAlert,
  TermsAcceptance,
  TermsVersion,
  UsedAccountLink,
} from "../../types/accounts"
import type { IAffiliateModuleService } from "../../types/service"
import type {
  PortalCodeRow,
  PortalCustomerRow,
  PortalLineFilters,
  PortalLineRow,
  PortalPage,
  PortalPayoutRow,
} from "../../types/portal"
import {
  partnerCodes,
  partnerCustomers,
  partnerLines,
  partnerPayout,
  partnerPayouts,
  productsNotOffered,
} from "./portal/partner-reads"
import type {
  CreativeDTO,
  PortalCreativeFilters,
  ProductParticipationDTO,
  SavedProductParticipation,
  SaveProductParticipationInput,
} from "../../types/creatives"
import {
  createCreativesAudited,
  deleteCreativesAudited,
  listPortalCreatives,
  restoreCreativesAudited,
  updateCreativesAudited,
} from "./creatives/creative-changes"
import { readProductParticipation, saveProductParticipation } from "./creatives/product-participation"
import type {
  AccrualUndo,
  AccrueOrderInput,
  AdjustOrderLinesOptions,
  ChangeLinesStatusOptions,
  CreateManualLinesInput,
  LeadUndo,
  LineStatusAction,
  LineStatusChange,
  LineStatusSnapshot,
  OrderAccrual,
  OrderCursor,
  RecordedLead,
  RecordLeadInput,
  RefundShareInput,
  ReverseLinesOptions,
  WrittenLine,
} from "../../types/ledger"
import type { RecordClickInput, RecordedClick, ReferralLinkDTO, ResolvedCode } from "../../types/tracking"
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

// The DTOs moved to `src/types/`; these names stay importable from the service for older code.
export type { ResolvedCode, RecordClickInput, RecordedClick, ReferralLinkDTO } from "../../types/tracking"
export type {
  ChangeLinesStatusOptions,
  LineStatusSnapshot,
  ReverseLinesOptions,
} from "../../types/ledger"

export type { CreatePayoutInput } from "./payouts"

type KnexLike = any

// Settings are read on every order; another server instance sees an admin's
// change after at most this long.
const SETTINGS_CACHE_TTL_MS = 5_000

/**
 * The affiliate module: partners, codes, clicks, attributions, the commission
 * ledger and payouts. Generated CRUD covers plain reads and writes; the
 * methods below hold the invariants, each delegating to its folder's
 * sub-service inside one transaction.
 */
class AffiliateModuleService
  extends MedusaService({
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
    AffiliateCreative,
    ProductParticipation,
  })
  implements IAffiliateModuleService
{
  protected readonly options_: AffiliateOptions
  protected readonly tracker_ = new CodeTracker()
  protected settingsCache_: { at: number; value: ProgramSettingsValues } | null = null

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
   * Saves an admin's change over the stored settings, with its audit entry, in
   * one transaction (`program/settings-changes.ts`). Returns the settings in force.
   */
  @InjectManager()
  async saveProgramSettings(
    patch: ProgramSettingsPatch,
    options: SaveProgramSettingsOptions = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProgramSettingsValues> {
    const settings = await this.saveProgramSettings_(patch, options, sharedContext)
    // After the commit: a read in between must not cache what is being replaced.
    this.settingsCache_ = null
    return settings
  }

  @InjectTransactionManager()
  protected async saveProgramSettings_(
    patch: ProgramSettingsPatch,
    options: SaveProgramSettingsOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProgramSettingsValues> {
    return await saveProgramSettingsAudited(this.knex_(sharedContext), this.options_, patch, options)
  }

  protected async storedSettings_(sharedContext: Context): Promise<ProgramSettingsPatch> {
    const [row] = await this.listProgramSettings({ id: SETTINGS_ROW_ID }, { take: 1 }, sharedContext)
    return ((row?.settings as ProgramSettingsPatch | undefined) ?? {}) as ProgramSettingsPatch
  }

  /** The minimum payout in force for a currency (0 when none). */
  async minimumPayout(currencyCode: string): Promise<number> {
    return minimumPayoutFor(await this.getProgramSettings(), currencyCode)
  }

  // ---- Tracking (`tracking/`): codes, links, clicks ----

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
    return await this.tracker_.resolveCode(this.tx_(sharedContext), code, { fresh })
  }

  /** Why a code can't credit anyone right now, or null when it can (`utils/code-refusal.ts`). */
  codeRefusal(
    resolved: ResolvedCode,
    options: { now?: Date; sales_channel_id?: string | null } = {}
  ): CodeRefusal | null {
    return codeRefusal(resolved, options)
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
    return await this.tracker_.recordClick(this.tx_(sharedContext), input, async () => ({
      secret: this.options_.secret,
      attribution_window_days: (await this.getProgramSettings(sharedContext)).attribution_window_days,
    }))
  }

  /** An active link of a code (`sub_id` null: the code's own link), cached like codes. */
  @InjectManager()
  async resolveLink(
    codeId: string,
    subId: string | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralLinkDTO | null> {
    return await this.tracker_.resolveLink(this.tx_(sharedContext), codeId, subId)
  }

  /** Drops cached code look-ups after codes or affiliates change. */
  clearCodeCache(): void {
    this.tracker_.clear()
  }

  // ---- The ledger (`ledger/`): every write to the commission ledger, each with its inverse ----

  /**
   * Accrues one order in one transaction: links its attribution (with the
   * reason it earns nothing, if it doesn't), binds the customer for life,
   * writes every level's sale line and, if the order is paid, starts their
   * hold. A crash leaves all of it or none of it. Running it again for the
   * same order writes nothing more; a concurrent run that lost the race on a
   * unique index is answered with what the winner wrote.
   */
  @InjectManager()
  async accrueOrder(input: AccrueOrderInput, @MedusaContext() sharedContext: Context = {}): Promise<OrderAccrual> {
    try {
      return await this.accrueOrder_(input, sharedContext)
    } catch (error) {
      const winner = await accrualOfWinner(this.tx_(sharedContext), input.order_id)
      if (!winner) {
        throw error
      }
      return winner
    }
  }

  @InjectTransactionManager()
  protected async accrueOrder_(
    input: AccrueOrderInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<OrderAccrual> {
    return await writeOrderAccrual(this.tx_(sharedContext), input)
  }

  /** Takes back what one `accrueOrder` wrote (workflow compensation), in one transaction. */
  @InjectManager()
  async undoOrderAccrual(undo: AccrualUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.undoOrderAccrual_(undo, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoOrderAccrual_(undo: AccrualUndo, @MedusaContext() sharedContext: Context = {}) {
    await undoOrderAccrual(this.tx_(sharedContext), undo)
  }

  /**
   * Records a sign-up under attribution (C9): the lead, the customer's
   * lifetime binding and the lead line, in one transaction. A customer's
   * second lead writes nothing (`created: false`).
   */
  @InjectManager()
  async recordLead(input: RecordLeadInput, @MedusaContext() sharedContext: Context = {}): Promise<RecordedLead> {
    return await this.recordLead_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordLead_(input: RecordLeadInput, @MedusaContext() sharedContext: Context = {}) {
    return await recordLead(this.tx_(sharedContext), input)
  }

  /** Takes back what one `recordLead` wrote (workflow compensation). */
  @InjectManager()
  async undoLead(undo: LeadUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.undoLead_(undo, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoLead_(undo: LeadUndo, @MedusaContext() sharedContext: Context = {}) {
    await undoLead(this.tx_(sharedContext), undo)
  }

  /**
   * Marks an order's unpaid lines as paid by the customer, which starts their
   * hold period. Idempotent: lines already marked keep their first date.
   */
  @InjectManager()
  async markOrderPaid(orderId: string, paidAt: Date, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { hold_days } = await this.getProgramSettings(sharedContext)
    return await this.markOrderPaid_(orderId, paidAt, hold_days, sharedContext)
  }

  @InjectTransactionManager()
  protected async markOrderPaid_(
    orderId: string,
    paidAt: Date,
    holdDays: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    return await markOrderPaid(this.tx_(sharedContext), orderId, paidAt, holdDays)
  }

  /** Undoes `markOrderPaid` for the given lines (workflow compensation). */
  @InjectManager()
  async unmarkLinesPaid(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.unmarkLinesPaid_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async unmarkLinesPaid_(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await unmarkLinesPaid(this.tx_(sharedContext), ids)
  }

  /**
   * Approves pending lines whose customer has paid and whose hold has passed
   * by `now`. Lines on hold for review are left alone. Returns the lines approved.
   */
  @InjectManager()
  async approveDueLines(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<WrittenLine[]> {
    return await this.approveDueLines_(now, sharedContext)
  }

  @InjectTransactionManager()
  protected async approveDueLines_(now: Date, @MedusaContext() sharedContext: Context = {}): Promise<WrittenLine[]> {
    return await approveDueLines(this.tx_(sharedContext), now)
  }

  /** Puts lines back to pending (workflow compensation of an approval). */
  @InjectManager()
  async revertApproval(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.revertApproval_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async revertApproval_(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await revertApproval(this.tx_(sharedContext), ids)
  }

  /**
   * Approves, rejects, holds or releases ledger lines by hand, all or none,
   * with an audit entry per changed line. A reversal still in the same status
   * as the line it reverses moves with it. Returns the lines as they were
   * (for compensation) and those now approved.
   */
  @InjectManager()
  async changeLinesStatus(
    ids: string[],
    action: LineStatusAction,
    options: ChangeLinesStatusOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LineStatusChange> {
    return await this.changeLinesStatus_(ids, action, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeLinesStatus_(
    ids: string[],
    action: LineStatusAction,
    options: ChangeLinesStatusOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LineStatusChange> {
    return await changeLinesStatus(this.tx_(sharedContext), ids, action, options)
  }

  /** Puts lines back as a snapshot describes them (workflow compensation). */
  @InjectManager()
  async restoreLinesStatus(snapshots: LineStatusSnapshot[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.restoreLinesStatus_(snapshots, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreLinesStatus_(snapshots: LineStatusSnapshot[], @MedusaContext() sharedContext: Context = {}) {
    await restoreLinesStatus(this.tx_(sharedContext), snapshots)
  }

  /**
   * Writes lines an admin made by hand (adjustments, bonuses) with their
   * audit entries, under the request's `Idempotency-Key` claim when there is one.
   */
  @InjectManager()
  async createManualLines(
    input: CreateManualLinesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await this.createManualLines_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async createManualLines_(
    input: CreateManualLinesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await createManualLines(this.tx_(sharedContext), input)
  }

  /**
   * Writes one negative line for each of the order's earning lines that has
   * not been reversed for this `reference` yet: all that is left of it, or
   * `fraction` of it. A line already paid out is clawed back. Returns the
   * lines written (none on a repeat).
   */
  @InjectManager()
  async reverseOrderLines(
    orderId: string,
    options: ReverseLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await this.reverseOrderLines_(orderId, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverseOrderLines_(
    orderId: string,
    options: ReverseLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await reverseOrderLines(this.tx_(sharedContext), orderId, options)
  }

  /** Takes back each refund's share of an order's commission, in one transaction. */
  @InjectManager()
  async reverseRefundedShare(
    input: RefundShareInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await this.reverseRefundedShare_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async reverseRefundedShare_(
    input: RefundShareInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await reverseRefundedShare(this.tx_(sharedContext), input)
  }

  /**
   * E4, order edits: brings each sale line of an order to what the edited
   * order earns (`targets`, by sale line id) with one adjustment line per
   * line and edit, and records the version priced. Returns the lines written.
   */
  @InjectManager()
  async adjustOrderLines(
    orderId: string,
    targets: Record<string, BigNumberInput>,
    options: AdjustOrderLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await this.adjustOrderLines_(orderId, targets, options, sharedContext)
  }

  @InjectTransactionManager()
  protected async adjustOrderLines_(
    orderId: string,
    targets: Record<string, BigNumberInput>,
    options: AdjustOrderLinesOptions,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await adjustOrderLines(this.tx_(sharedContext), orderId, targets, options)
  }

  /** F5: writes off the negative balances at the first run in a period. Returns the lines written. */
  @InjectManager()
  async writeOffNegativeBalances(period: string, @MedusaContext() sharedContext: Context = {}): Promise<WrittenLine[]> {
    return await this.writeOffNegativeBalances_(period, sharedContext)
  }

  @InjectTransactionManager()
  protected async writeOffNegativeBalances_(
    period: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WrittenLine[]> {
    return await writeOffNegativeBalances(this.tx_(sharedContext), period)
  }

  /**
   * The inverse of every line writer above, for a workflow's compensation:
   * takes back lines that a workflow which then failed wrote.
   */
  @InjectManager()
  async undoLines(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.undoLines_(ids, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoLines_(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    await undoLines(this.tx_(sharedContext), ids)
  }

  // ---- Reconciliation (`ledger/reconciliation.ts`) ----

  /**
   * Accepted orders attributed since `since` that have no sale line, i.e.
   * whose accrual never finished.
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
   * A page of the orders attributed since `since` whose commission is not
   * taken back in full (the only ones a cancel, refund or edit can still
   * change), after `after`.
   */
  @InjectManager()
  async listOrdersWithOutstandingCommission(
    since: Date,
    { after = null, limit = 500 }: { after?: OrderCursor | null; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<(OrderCursor & { priced_version: number | null })[]> {
    return await queryOrdersWithOutstandingCommission(this.knex_(sharedContext), since, after, limit)
  }

  // ---- Rules and fraud signals (`rules/`) ----

  /** The active rules that can apply: program rules, and rules of the given affiliates or products. */
  @InjectManager()
  async listApplicableRules(
    filters: { affiliate_ids: string[]; product_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CommissionRuleValues[]> {
    return await listApplicableRules(this.tx_(sharedContext), filters)
  }

  /** What tiers are measured by: paid referred orders and their revenue since `since`. */
  @InjectManager()
  async affiliatePerformance(
    affiliateId: string,
    since: Date | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ paid_orders: number; revenue: string }> {
    return await affiliatePerformance(this.knex_(sharedContext), affiliateId, since)
  }

  /** E7: clicks since `since` from the IP hash of the given click, that click included. */
  @InjectManager()
  async clicksFromSameIp(clickId: string, since: Date, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await clicksFromSameIp(this.knex_(sharedContext), clickId, since)
  }

  /** E7: an affiliate's recorded clicks and the orders from those clicks (source `link`) since a date. */
  @InjectManager()
  async affiliateConversion(
    affiliateId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ clicks: number; orders: number }> {
    return await affiliateConversion(this.knex_(sharedContext), affiliateId, since)
  }

  // ---- Reports and balances (`stats/`, `ledger/balances.ts`) ----

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
   * One page of affiliate ids sorted by revenue, earnings or balance due in
   * one currency (G1), from the read models, refreshed first like a report.
   */
  @InjectManager()
  async rankAffiliates(
    params: {
      filters: PartnerListFilters
      sort: MoneySort
      descending: boolean
      currency_code: string
      limit: number
      offset: number
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; count: number }> {
    await this.refreshStats({}, sharedContext)
    return await rankAffiliates(this.knex_(sharedContext), params)
  }

  /** Revenue, earnings and balance due of some affiliates in one currency (what the partner list shows). */
  @InjectManager()
  async affiliateMoneyTotals(
    ids: string[],
    currencyCode: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, PartnerMoneyTotals>> {
    await this.refreshStats({}, sharedContext)
    return await affiliateMoneyTotals(this.knex_(sharedContext), ids, currencyCode)
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

  // --- Payout details (B6) and CSV exports (issue 10): thin facades over
  // `payout-details/` and `exports/`.

  /**
   * Replaces an affiliate's payout details (validated by the route) and writes
   * the `payout_details.changed` audit entry, masked, in the same transaction.
   */
  @InjectManager()
  async setPayoutDetails(
    input: SavePayoutDetailsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredPayoutDetails> {
    return await this.setPayoutDetails_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async setPayoutDetails_(
    input: SavePayoutDetailsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredPayoutDetails> {
    return await savePayoutDetails(this.knex_(sharedContext), input)
  }

  /** An affiliate's payout details in full (the admin's single read); 404 when unknown. */
  @InjectManager()
  async retrievePayoutDetails(
    affiliateId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<StoredPayoutDetails> {
    return await readPayoutDetails(this.knex_(sharedContext), affiliateId)
  }

  /** One keyset page of the ledger export (see `exports/export-pages.ts`). */
  @InjectManager()
  async listLedgerExportPage(
    filters: ExportFilters,
    after: ExportCursor | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ExportPage<LedgerExportRow>> {
    return await ledgerExportPage(this.knex_(sharedContext), filters, after, limit)
  }

  /** One keyset page of the payout export, with each partner's payout details in full. */
  @InjectManager()
  async listPayoutExportPage(
    filters: ExportFilters,
    after: ExportCursor | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ExportPage<PayoutExportRow>> {
    return await payoutExportPage(this.knex_(sharedContext), filters, after, limit)
  }

  /** Partners among the filtered payouts without payout details of `method`. */
  @InjectManager()
  async listAffiliatesWithoutPayoutDetails(
    filters: ExportFilters,
    method: "paypal" | "bank_transfer",
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ affiliate_ids: string[]; count: number }> {
    return await affiliatesWithoutPayoutDetails(this.knex_(sharedContext), filters, method)
  }
  // --- end of payout details and exports
  // ---- Audit log (J2) and the audited admin changes: partners, rules, settings ----
  // Each change and its audit entry are written in one transaction; the steps
  // call these, and their compensations call the inverse (which logs too).

  /** Audit entries, newest first, with the route's filters. */
  @InjectManager()
  async listAuditEntries(
    filters: AuditEntryFilters,
    page: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: AuditEntryDTO[]; count: number }> {
    return await listAuditEntries(this.knex_(sharedContext), filters, page)
  }

  @InjectManager()
  async createAffiliatesAudited(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await this.createAffiliatesAudited_(data, actor, sharedContext)
  }

  @InjectTransactionManager()
  protected async createAffiliatesAudited_(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await createAffiliatesAudited(this.tx_(sharedContext), data, actor)
  }

  /** The inverse of `createAffiliatesAudited`, for a workflow that failed after it. */
  @InjectManager()
  async deleteAffiliatesAudited(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await this.deleteAffiliatesAudited_(ids, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async deleteAffiliatesAudited_(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await deleteAffiliatesAudited(this.tx_(sharedContext), ids, actor, reason)
  }

  /** Profile changes; `previous` undoes them when passed back in. */
  @InjectManager()
  async updateAffiliatesAudited(
    data: RecordSnapshot[],
    actor: AuditActor,
    reason: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuditedUpdate<any>> {
    return await this.updateAffiliatesAudited_(data, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateAffiliatesAudited_(data: RecordSnapshot[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    return await updateAffiliatesAudited(this.tx_(sharedContext), data, actor, reason)
  }

  /** Approve, reject, suspend or deactivate; refused (400) unless the transition is allowed. */
  @InjectManager()
  async changeAffiliateStatus(input: ChangeAffiliateStatusInput, actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await this.changeAffiliateStatus_(input, actor, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeAffiliateStatus_(input: ChangeAffiliateStatusInput, actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await changeAffiliateStatus(this.tx_(sharedContext), input, actor)
  }

  /** The inverse of `changeAffiliateStatus`: puts the snapshot's status back. */
  @InjectManager()
  async restoreAffiliateStatus(
    snapshot: AffiliateStatusSnapshot,
    actor: AuditActor,
    reason: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.restoreAffiliateStatus_(snapshot, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreAffiliateStatus_(
    snapshot: AffiliateStatusSnapshot,
    actor: AuditActor,
    reason: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await restoreAffiliateStatus(this.tx_(sharedContext), snapshot, actor, reason)
  }

  @InjectManager()
  async createCommissionRulesAudited(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await this.createCommissionRulesAudited_(data, actor, sharedContext)
  }

  @InjectTransactionManager()
  protected async createCommissionRulesAudited_(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await createCommissionRulesAudited(this.tx_(sharedContext), data, actor)
  }

  /** Rule changes; `previous` undoes them when passed back in. */
  @InjectManager()
  async updateCommissionRulesAudited(
    data: RecordSnapshot[],
    actor: AuditActor,
    reason: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuditedUpdate<any>> {
    return await this.updateCommissionRulesAudited_(data, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateCommissionRulesAudited_(data: RecordSnapshot[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    return await updateCommissionRulesAudited(this.tx_(sharedContext), data, actor, reason)
  }

  /** Soft-deletes rules; `restoreCommissionRulesAudited` is the inverse. */
  @InjectManager()
  async deleteCommissionRulesAudited(ids: string[], actor: AuditActor, reason: string | null = null, @MedusaContext() sharedContext: Context = {}) {
    await this.deleteCommissionRulesAudited_(ids, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async deleteCommissionRulesAudited_(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await deleteCommissionRulesAudited(this.tx_(sharedContext), ids, actor, reason)
  }

  @InjectManager()
  async restoreCommissionRulesAudited(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await this.restoreCommissionRulesAudited_(ids, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreCommissionRulesAudited_(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await restoreCommissionRulesAudited(this.tx_(sharedContext), ids, actor, reason)
  }

  // ---- end of the audit log block ----

  // ---- Creatives and product participation (`creatives/`, G8 and D8) ----

  /** Creates creatives, each with a `creative.created` audit entry. */
  @InjectManager()
  async createCreativesAudited(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await this.createCreativesAudited_(data, actor, sharedContext)
  }

  @InjectTransactionManager()
  protected async createCreativesAudited_(data: Record<string, unknown>[], actor: AuditActor, @MedusaContext() sharedContext: Context = {}) {
    return await createCreativesAudited(this.tx_(sharedContext), data, actor)
  }

  /** Creative changes; `previous` undoes them when passed back in. */
  @InjectManager()
  async updateCreativesAudited(
    data: RecordSnapshot[],
    actor: AuditActor,
    reason: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AuditedUpdate<any>> {
    return await this.updateCreativesAudited_(data, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async updateCreativesAudited_(data: RecordSnapshot[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    return await updateCreativesAudited(this.tx_(sharedContext), data, actor, reason)
  }

  /** Soft-deletes creatives; `restoreCreativesAudited` is the inverse. */
  @InjectManager()
  async deleteCreativesAudited(ids: string[], actor: AuditActor, reason: string | null = null, @MedusaContext() sharedContext: Context = {}) {
    await this.deleteCreativesAudited_(ids, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async deleteCreativesAudited_(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await deleteCreativesAudited(this.tx_(sharedContext), ids, actor, reason)
  }

  @InjectManager()
  async restoreCreativesAudited(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await this.restoreCreativesAudited_(ids, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async restoreCreativesAudited_(ids: string[], actor: AuditActor, reason: string | null, @MedusaContext() sharedContext: Context = {}) {
    await restoreCreativesAudited(this.tx_(sharedContext), ids, actor, reason)
  }

  /**
   * The creatives partners may use (the portal's list): active, general or
   * about a product not hidden from partners, newest first.
   */
  @InjectManager()
  async listPortalCreatives(filters: PortalCreativeFilters = {}, @MedusaContext() sharedContext: Context = {}): Promise<CreativeDTO[]> {
    return await listPortalCreatives(this.knex_(sharedContext), filters)
  }

  /** Each product's portal visibility and landing page (defaults for products never configured). */
  @InjectManager()
  async listProductParticipation(productIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<ProductParticipationDTO[]> {
    return await readProductParticipation(this.knex_(sharedContext), productIds)
  }

  /**
   * Saves a product's portal visibility and landing page with its audit
   * entry; saving `previous` again undoes it.
   */
  @InjectManager()
  async saveProductParticipation(
    input: SaveProductParticipationInput,
    actor: AuditActor,
    reason: string | null = null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SavedProductParticipation> {
    return await this.saveProductParticipation_(input, actor, reason, sharedContext)
  }

  @InjectTransactionManager()
  protected async saveProductParticipation_(
    input: SaveProductParticipationInput,
    actor: AuditActor,
    reason: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await saveProductParticipation(this.tx_(sharedContext), input, actor, reason)
  }

  // ---- Partner accounts (`accounts/`, issue 12): links, terms, alerts ----

  /**
   * The program terms in force (the latest published version), or null when
   * the program has none. Terms set only as a plugin option are published on
   * first use.
   */
  @InjectManager()
  async retrieveTermsInForce(now = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<TermsVersion | null> {
    const { portal_terms } = await this.getProgramSettings(sharedContext)
    return await this.retrieveTermsInForce_(portal_terms, now, sharedContext)
  }

  @InjectTransactionManager()
  protected async retrieveTermsInForce_(portalTerms: string | null, now: Date, @MedusaContext() sharedContext: Context = {}) {
    return await termsInForce(this.knex_(sharedContext), portalTerms, now)
  }

  /**
   * Issues a verification or invitation link for the partner's email, voiding
   * their older unused ones of that kind; an invitation records `invited_at`.
   * The raw token is returned once and never stored.
   */
  @InjectManager()
  async issueAccountLink(
    input: { affiliate_id: string; kind: AccountTokenKind; now: Date; actor?: AuditActor },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<IssuedAccountLink> {
    return await this.issueAccountLink_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueAccountLink_(
    input: { affiliate_id: string; kind: AccountTokenKind; now: Date; actor?: AuditActor },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await issueAccountLink(this.knex_(sharedContext), input)
  }

  /** The inverse of `issueAccountLink` (workflow compensation). */
  @InjectManager()
  async undoIssuedAccountLink(
    issued: { token_id: string; affiliate_id: string; kind: AccountTokenKind; previous_invited_at: Date | null },
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.undoIssuedAccountLink_(issued, now, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoIssuedAccountLink_(
    issued: { token_id: string; affiliate_id: string; kind: AccountTokenKind; previous_invited_at: Date | null },
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ) {
    await undoIssuedAccountLink(this.knex_(sharedContext), issued, now)
  }

  /**
   * Uses a verification or invitation link once (one atomic UPDATE) and marks
   * the partner's email verified. 400 `token: this link is invalid, used or
   * expired` otherwise, whatever the reason.
   */
  @InjectManager()
  async useAccountLink(
    input: { token: string; kind: AccountTokenKind; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UsedAccountLink> {
    return await this.useAccountLink_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async useAccountLink_(
    input: { token: string; kind: AccountTokenKind; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await useAccountLink(this.knex_(sharedContext), input)
  }

  /** The inverse of `useAccountLink` (workflow compensation). */
  @InjectManager()
  async undoAccountLink(
    used: Omit<UsedAccountLink, "affiliate"> & { affiliate_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await this.undoAccountLink_(used, sharedContext)
  }

  @InjectTransactionManager()
  protected async undoAccountLink_(
    used: Omit<UsedAccountLink, "affiliate"> & { affiliate_id: string },
    @MedusaContext() sharedContext: Context = {}
  ) {
    await undoAccountLink(this.knex_(sharedContext), used)
  }

  /** An invitation link's email, name and expiry without using it; null when it can't be used. */
  @InjectManager()
  async previewInvitation(token: string, now: Date, @MedusaContext() sharedContext: Context = {}): Promise<InvitationPreview | null> {
    const knex = this.knex_(sharedContext)
    const row = await peekAccountToken(knex, token, "invitation", now)
    const affiliate = row && (await readAccountAffiliate(knex, row.affiliate_id).catch(() => null))
    if (!row || !affiliate || affiliate.email !== row.email) {
      return null
    }
    return { email: row.email, name: affiliate.name, expires_at: row.expires_at }
  }

  /** The partner an unused, unexpired verification link is for, without using it; null otherwise. */
  @InjectManager()
  async verificationLinkOwner(token: string, now: Date, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const row = await peekAccountToken(this.knex_(sharedContext), token, "verify_email", now)
    return row?.affiliate_id ?? null
  }

  /**
   * Records the partner's acceptance of the terms in force; 400 naming
   * `terms_version` unless `version` is that one.
   */
  @InjectManager()
  async acceptTerms(
    input: { affiliate_id: string; version: number; now: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<TermsAcceptance> {
    const { portal_terms } = await this.getProgramSettings(sharedContext)
    return await this.acceptTerms_(input, portal_terms, sharedContext)
  }

  @InjectTransactionManager()
  protected async acceptTerms_(
    input: { affiliate_id: string; version: number; now: Date },
    portalTerms: string | null,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = this.knex_(sharedContext)
    const terms = await termsInForce(knex, portalTerms, input.now)
    if (!terms) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "terms_version: the program has no terms to accept")
    }
    checkTermsAccepted(terms.version, input.version)
    return await recordTermsAccepted(knex, input)
  }

  /** What the portal warns the partner about now (`accounts/alerts.ts`). */
  @InjectManager()
  async listPartnerAlerts(affiliateId: string, now = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<PartnerAlert[]> {
    const [affiliate] = await this.listAffiliates(
      { id: affiliateId },
      { select: ["id", "status", "email_verified_at", "terms_version", "payout_method"], take: 1 },
      sharedContext
    )
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${affiliateId} was not found`)
    }
    const terms = await this.retrieveTermsInForce(now, sharedContext)
    return partnerAlerts({ ...(affiliate as any), current_terms_version: terms?.version ?? null })
  }

  // ---- end of partner accounts

  /** The module's transaction (or manager) as the sub-services take it. */
  protected tx_(sharedContext: Context): ModuleTx {
    return { knex: this.knex_(sharedContext), service: this, context: sharedContext }
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

  // ---- Partner portal reads (issue 12, `portal/`): each scoped to one partner by its first argument ----

  /** A page of the partner's ledger lines, newest first (oldest first for a payout's lines). */
  @InjectManager()
  async listPartnerLines(
    affiliateId: string,
    filters: PortalLineFilters,
    page: PortalPage,
    { oldestFirst = false }: { oldestFirst?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: PortalLineRow[]; count: number }> {
    return await partnerLines(this.knex_(sharedContext), affiliateId, filters, page, oldestFirst)
  }

  /** A page of the partner's referred orders with their commission (the caller anonymizes them). */
  @InjectManager()
  async listPartnerCustomers(
    affiliateId: string,
    page: PortalPage,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: PortalCustomerRow[]; count: number }> {
    return await partnerCustomers(this.knex_(sharedContext), affiliateId, page)
  }

  @InjectManager()
  async listPartnerPayouts(
    affiliateId: string,
    filters: { status?: string[] },
    page: PortalPage,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ rows: PortalPayoutRow[]; count: number }> {
    return await partnerPayouts(this.knex_(sharedContext), affiliateId, filters, page)
  }

  /** One of the partner's payouts; null for another partner's or an unknown one alike. */
  @InjectManager()
  async retrievePartnerPayout(
    affiliateId: string,
    payoutId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PortalPayoutRow | null> {
    return await partnerPayout(this.knex_(sharedContext), affiliateId, payoutId)
  }

  @InjectManager()
  async listPartnerCodes(affiliateId: string, @MedusaContext() sharedContext: Context = {}): Promise<PortalCodeRow[]> {
    return await partnerCodes(this.knex_(sharedContext), affiliateId)
  }

  /** Products partners are not offered: hidden from the portal or out of the program. */
  @InjectManager()
  async listProductsNotOffered(@MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await productsNotOffered(this.knex_(sharedContext))
  }
  // ---- end of the partner portal reads
}

export default AffiliateModuleService
