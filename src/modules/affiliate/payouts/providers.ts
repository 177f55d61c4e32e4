/**
 * The payout providers (F6): `manual` always, plus those registered in the
 * plugin's options (`payout_providers`), loaded and checked at boot.
 */
import { MedusaError } from "@medusajs/framework/utils"
import path from "path"
import type {
  PayoutProvider,
  PayoutProviderClass,
  PayoutProviderRegistration,
  PayoutProviderResult,
} from "../../../types/payout-provider"

export const MANUAL_PROVIDER_ID = "manual"

/** Records a payment made elsewhere (a bank transfer the admin sent): paid at once. */
export class ManualPayoutProvider implements PayoutProvider {
  readonly identifier = MANUAL_PROVIDER_ID
  async pay(): Promise<PayoutProviderResult> {
    return { status: "paid" }
  }
}

function invalid(message: string) {
  return new MedusaError(MedusaError.Types.INVALID_DATA, `medusa-plugin-affiliate: payout_providers: ${message}`)
}

/** Loads a registration's class: the module's default export (or the module itself). */
function loadProviderClass(registration: PayoutProviderRegistration): PayoutProviderClass {
  const resolved = path.isAbsolute(registration.resolve)
    ? registration.resolve
    : path.resolve(process.cwd(), registration.resolve)
  let loaded: any
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(resolved)
  } catch (e) {
    throw invalid(`"${registration.id}" can't be loaded from ${registration.resolve}: ${(e as Error).message}`)
  }
  const ProviderClass = loaded?.default ?? loaded
  if (typeof ProviderClass !== "function") {
    throw invalid(`"${registration.id}": ${registration.resolve} must export a provider class as default`)
  }
  return ProviderClass
}

/** Every provider by id; throws, naming the registration, when one is wrong. */
export function loadPayoutProviders(registrations: PayoutProviderRegistration[] = []): Map<string, PayoutProvider> {
  const providers = new Map<string, PayoutProvider>([[MANUAL_PROVIDER_ID, new ManualPayoutProvider()]])
  for (const registration of registrations) {
    if (providers.has(registration.id)) {
      throw invalid(`the id "${registration.id}" is used twice ("manual" is built in)`)
    }
    const provider = new (loadProviderClass(registration))(registration.options ?? {})
    if (typeof provider.pay !== "function" || typeof provider.identifier !== "string") {
      throw invalid(`"${registration.id}" must have an \`identifier\` and a \`pay(payout, recipient)\` method`)
    }
    providers.set(registration.id, provider)
  }
  return providers
}

/**
 * A provider's answer, checked and bounded (it may come from a webhook's
 * body): anything else than the three statuses is a failure; texts are cut
 * to what the payout stores.
 */
export function checkedResult(result: PayoutProviderResult | null | undefined): PayoutProviderResult {
  if (!result || !["paid", "processing", "failed"].includes(result.status)) {
    const answered = typeof result?.status === "string" ? result.status.slice(0, 50) : typeof result?.status
    return { status: "failed", failure_reason: `The provider answered "${answered}"` }
  }
  return {
    status: result.status,
    ...(typeof result.external_reference === "string" ? { external_reference: result.external_reference.slice(0, 255) } : {}),
    failure_reason: typeof result.failure_reason === "string" ? result.failure_reason.slice(0, 1000) : null,
  }
}
