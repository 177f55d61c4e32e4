import crypto from "crypto"
import {
  AbstractPaymentProvider,
  MathBN,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  BigNumberInput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"

/**
 * What the fake "card processor" remembers about a payment. It lives in the
 * payment session's / payment's `data`, as a real provider's intent id would.
 */
type AutoCaptureData = {
  id: string
  amount: number
  currency_code: string
  status: PaymentSessionStatus
  captured_amount: number
  refunded_amount: number
}

/**
 * A card-like payment provider for the demo store and the tests that captures
 * when the payment is authorized, like a card charged at checkout. It answers
 * `authorizePayment` with status "captured", which makes Medusa record the
 * capture itself (and, notably, emit no `payment.captured` event).
 */
class AutoCapturePaymentProviderService extends AbstractPaymentProvider {
  static identifier = "autocapture"

  // The base constructor is protected; Medusa's provider loader needs a public one.
  constructor(cradle: Record<string, unknown>, options: Record<string, unknown> = {}) {
    super(cradle, options)
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const data: AutoCaptureData = {
      id: `autocap_${crypto.randomUUID()}`,
      amount: toNumber(input.amount),
      currency_code: input.currency_code,
      status: PaymentSessionStatus.PENDING,
      captured_amount: 0,
      refunded_amount: 0,
    }
    return { id: data.id, data, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const data = {
      ...read(input.data),
      amount: toNumber(input.amount),
      currency_code: input.currency_code,
    }
    return { data, status: data.status }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const current = read(input.data)
    const data: AutoCaptureData = {
      ...current,
      status: PaymentSessionStatus.CAPTURED,
      captured_amount: current.amount,
    }
    return { data, status: PaymentSessionStatus.CAPTURED }
  }

  // Medusa only calls this for payments it has not yet marked captured; the money
  // was already taken at authorization, so there is nothing left to do.
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const current = read(input.data)
    return {
      data: { ...current, status: PaymentSessionStatus.CAPTURED, captured_amount: current.amount },
    }
  }

  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const current = read(input.data)
    const refunded = MathBN.add(current.refunded_amount, input.amount).toNumber()
    return { data: { ...current, refunded_amount: refunded } }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: { ...read(input.data), status: PaymentSessionStatus.CANCELED } }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data ?? {} }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const data = read(input.data)
    return { status: data.status, data: input.data }
  }

  // There is no processor to send webhooks.
  async getWebhookActionAndData(
    _payload: ProviderWebhookPayload["payload"]
  ): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

function read(data: Record<string, unknown> | undefined): AutoCaptureData {
  const d = (data ?? {}) as Partial<AutoCaptureData>
  return {
    id: d.id ?? `autocap_${crypto.randomUUID()}`,
    amount: d.amount ?? 0,
    currency_code: d.currency_code ?? "",
    status: d.status ?? PaymentSessionStatus.PENDING,
    captured_amount: d.captured_amount ?? 0,
    refunded_amount: d.refunded_amount ?? 0,
  }
}

function toNumber(amount: BigNumberInput): number {
  return MathBN.convert(amount).toNumber()
}

export default AutoCapturePaymentProviderService
