import { Button, CurrencyInput, Drawer, Input, Label, Select, Text, Textarea, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { usePayAffiliate, usePayoutProviders, type PayoutBalance } from "../../hooks/api/payouts"
import { errorMessage, errorStatus, newIdempotencyKey } from "../../lib/errors"
import { formatMoney } from "../../lib/format"

/** The currency's symbol as Intl writes it ("$", "€", "CHF"). */
export function currencySymbol(currencyCode: string) {
  return (
    new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() })
      .formatToParts(0)
      .find((part) => part.type === "currency")?.value ?? currencyCode.toUpperCase()
  )
}

/** Decimals the currency allows (USD 2, JPY 0), as the API checks them. */
function currencyDecimals(currencyCode: string) {
  return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits ?? 2
}

type FieldErrors = Partial<Record<"amount" | "provider_id" | "external_reference" | "note", string>>
const FIELDS = ["amount", "provider_id", "external_reference", "note"] as const

/** The API names the field first ("amount: …"): show it by that field. */
function fieldOf(message: string): keyof FieldErrors | undefined {
  return FIELDS.find((field) => message.startsWith(`${field}:`) || message.startsWith(`${field} `))
}

/**
 * Pays one partner's balance in one currency: the amount defaults to the
 * balance and can be lowered; method, external reference and note; then a
 * confirmation stating exactly what will be paid. The Idempotency-Key is made
 * when the drawer opens, so a double submit pays once.
 */
export const PayDrawer = ({
  open,
  onOpenChange,
  balance,
  affiliateName,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  balance: PayoutBalance | null
  affiliateName: string
}) => {
  const prompt = usePrompt()
  const pay = usePayAffiliate()
  const { data: providers } = usePayoutProviders()
  const [amount, setAmount] = useState("")
  const [providerId, setProviderId] = useState("manual")
  const [reference, setReference] = useState("")
  const [note, setNote] = useState("")
  const [errors, setErrors] = useState<FieldErrors>({})
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey)

  // Every opening is a new payment: fresh defaults and a fresh key.
  useEffect(() => {
    if (open && balance) {
      setAmount(String(balance.available))
      setProviderId("manual")
      setReference("")
      setNote("")
      setErrors({})
      setIdempotencyKey(newIdempotencyKey())
    }
  }, [open, balance?.affiliate_id, balance?.currency_code])

  if (!balance) return null
  const currency = balance.currency_code
  const value = Number(amount)

  const validate = (): FieldErrors => {
    if (!amount.trim() || !Number.isFinite(value) || value <= 0) return { amount: "Enter an amount above zero." }
    if (value > balance.available) {
      return { amount: `At most the available balance, ${formatMoney(balance.available, currency)}.` }
    }
    const decimals = amount.split(".")[1]?.length ?? 0
    if (decimals > currencyDecimals(currency)) {
      return { amount: `${currency.toUpperCase()} allows ${currencyDecimals(currency)} decimals.` }
    }
    return {}
  }

  const submit = async () => {
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length) return
    const what = `${formatMoney(value, currency)} (${currency.toUpperCase()}) to ${affiliateName} via ${providerId}`
    const confirmed = await prompt({
      title: "Pay this partner?",
      description: `You are about to pay ${what}${reference.trim() ? `, reference ${reference.trim()}` : ""}. The commission lines it settles leave the balance.`,
      confirmText: `Pay ${formatMoney(value, currency)}`,
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    pay.mutate(
      {
        affiliateId: balance.affiliate_id,
        idempotencyKey,
        body: {
          currency_code: currency,
          amount: value,
          provider_id: providerId,
          external_reference: reference.trim() || undefined,
          note: note.trim() || undefined,
        },
      },
      {
        onSuccess: ({ payout }) => {
          toast.success(
            `${payout.status === "paid" ? "Paid" : "Payout created:"} ${formatMoney(payout.amount, payout.currency_code)} to ${affiliateName} via ${payout.provider_id ?? payout.method} (${payout.status})`
          )
          onOpenChange(false)
        },
        onError: (error) => {
          const message = errorMessage(error)
          const field = fieldOf(message)
          if (field) setErrors({ [field]: message })
          toast.error(message)
          // A refused payment (4xx) wrote nothing: the next attempt is a new request.
          // Anything else may have paid: keep the key, so a retry can't pay twice.
          const status = errorStatus(error)
          if (status && status >= 400 && status < 500 && status !== 409) setIdempotencyKey(newIdempotencyKey())
        },
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid="pay-drawer">
        <Drawer.Header>
          <Drawer.Title>Pay {affiliateName}</Drawer.Title>
          <Drawer.Description>
            Available {formatMoney(balance.available, currency)}
            {balance.minimum_payout > 0 ? ` · minimum payout ${formatMoney(balance.minimum_payout, currency)}` : ""}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="pay-amount">Amount ({currency.toUpperCase()})</Label>
            <CurrencyInput
              id="pay-amount"
              name="amount"
              symbol={currencySymbol(currency)}
              code={currency.toUpperCase()}
              value={amount}
              decimalsLimit={currencyDecimals(currency)}
              allowNegativeValue={false}
              disableGroupSeparators
              onValueChange={(next) => {
                setAmount(next ?? "")
                setErrors(({ amount: _stale, ...rest }) => rest)
              }}
              aria-invalid={!!errors.amount}
            />
            <Text size="small" className="text-ui-fg-subtle">
              Defaults to the whole balance; a smaller amount settles the oldest lines first.
            </Text>
            {errors.amount && (
              <Text size="small" className="text-ui-fg-error" data-testid="pay-amount-error">
                {errors.amount}
              </Text>
            )}
          </div>
          <div className="flex flex-col gap-y-2">
            <Label>Method</Label>
            <Select value={providerId} onValueChange={setProviderId}>
              <Select.Trigger aria-label="Method">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(providers?.payout_providers ?? [{ id: "manual", is_default: true }]).map((provider) => (
                  <Select.Item key={provider.id} value={provider.id}>
                    {provider.id === "manual" ? "manual (paid elsewhere, recorded now)" : provider.id}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            {errors.provider_id && <Text size="small" className="text-ui-fg-error">{errors.provider_id}</Text>}
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="pay-reference">External reference</Label>
            <Input
              id="pay-reference"
              placeholder="e.g. the bank transfer's reference"
              value={reference}
              maxLength={255}
              onChange={(e) => setReference(e.target.value)}
            />
            {errors.external_reference && (
              <Text size="small" className="text-ui-fg-error">{errors.external_reference}</Text>
            )}
          </div>
          <div className="flex flex-col gap-y-2">
            <Label htmlFor="pay-note">Note</Label>
            <Textarea id="pay-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            {errors.note && <Text size="small" className="text-ui-fg-error">{errors.note}</Text>}
          </div>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button variant="secondary" size="small">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={submit} isLoading={pay.isPending} disabled={pay.isPending}>
            Review payment
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
