import { Button, FocusModal, Heading, Input, Label, RadioGroup, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useCreateAdjustment, useStoreCurrencies } from "../../hooks/api/commissions"
import { errorMessage, newIdempotencyKey } from "../../lib/errors"
import { formatMoney } from "../../lib/format"
import { type PickedPartner, PartnerPicker } from "./partner-picker"

type Field = "affiliate" | "type" | "currency_code" | "amount" | "reason"
type Errors = Partial<Record<Field, string>>

/** Which field an API message is about ("Invalid request: amount: …", "Field 'reason' is required"). */
export function fieldOfMessage(message: string): Field | null {
  const match = /\b(currency_code|amount|reason|type)\b/.exec(message)
  if (match) return match[1] as Field
  return /affiliate|partner/i.test(message) ? "affiliate" : null
}

const FieldError = ({ id, message }: { id: string; message?: string }) =>
  message ? (
    <Text size="small" className="text-ui-fg-error" id={id} data-testid={id}>
      {message}
    </Text>
  ) : null

/**
 * A manual adjustment (a signed amount) or a bonus (positive) for one partner,
 * with its reason, through `POST /admin/affiliates/:id/adjustments`. The
 * API's validation messages show by the field they name.
 */
export const AdjustmentModal = ({
  open,
  onOpenChange,
  partner: fixedPartner,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Set on a partner's page: the partner is given, not picked. */
  partner?: PickedPartner
}) => {
  const [partner, setPartner] = useState<PickedPartner | null>(fixedPartner ?? null)
  const [type, setType] = useState<"adjustment" | "bonus">("bonus")
  const [currency, setCurrency] = useState("")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<Errors>({})
  const [key, setKey] = useState(newIdempotencyKey)
  const currencies = useStoreCurrencies()
  const create = useCreateAdjustment()

  useEffect(() => {
    if (open) {
      setPartner(fixedPartner ?? null)
      setType("bonus")
      setAmount("")
      setReason("")
      setErrors({})
      setKey(newIdempotencyKey())
    }
  }, [open, fixedPartner?.id])
  useEffect(() => {
    if (!currency && currencies.data?.length) setCurrency(currencies.data[0])
  }, [currencies.data, currency])

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const value = Number(amount)
    const found: Errors = {}
    if (!partner) found.affiliate = "Pick a partner"
    if (!currency) found.currency_code = "Pick a currency"
    if (!amount.trim() || !Number.isFinite(value) || value === 0) found.amount = "Enter an amount other than 0"
    else if (type === "bonus" && value < 0) found.amount = "A bonus must be a positive amount"
    if (reason.trim().length < 3) found.reason = "Say why, in at least 3 characters"
    setErrors(found)
    if (Object.keys(found).length || !partner) return

    create.mutate(
      { affiliateId: partner.id, body: { type, amount: value, currency_code: currency, reason: reason.trim() }, key },
      {
        onSuccess: ({ commission_line }) => {
          toast.success(
            `${type === "bonus" ? "Bonus" : "Adjustment"} of ${formatMoney(commission_line.amount, commission_line.currency_code)} recorded for ${partner.name}`
          )
          onOpenChange(false)
        },
        onError: (error) => {
          const message = errorMessage(error)
          const field = fieldOfMessage(message)
          if (field) setErrors({ [field]: message.replace(/^Invalid request: /, "") })
          else toast.error(message)
          // A refused request changed nothing: the next try is a new one.
          setKey(newIdempotencyKey())
        },
      }
    )
  }

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content data-testid="adjustment-modal">
        <form onSubmit={submit} className="flex h-full flex-col overflow-hidden" noValidate>
          <FocusModal.Header>
            <div className="flex items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={create.isPending}>
                Save
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[560px] flex-col gap-y-6">
              <div>
                <FocusModal.Title asChild>
                  <Heading>Add an adjustment or bonus</Heading>
                </FocusModal.Title>
                <FocusModal.Description asChild>
                  <Text size="small" className="text-ui-fg-subtle">
                    A manual line in the partner's ledger, approved at once, kept with its reason and in the audit trail.
                  </Text>
                </FocusModal.Description>
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="adjustment-partner">Partner</Label>
                {fixedPartner ? (
                  <Text>{fixedPartner.name}</Text>
                ) : (
                  <PartnerPicker
                    id="adjustment-partner"
                    value={partner}
                    invalid={!!errors.affiliate}
                    onChange={(picked) => {
                      setPartner(picked)
                      setErrors((e) => ({ ...e, affiliate: undefined }))
                    }}
                  />
                )}
                <FieldError id="adjustment-affiliate-error" message={errors.affiliate} />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label>Kind</Label>
                <RadioGroup value={type} onValueChange={(value) => setType(value as "adjustment" | "bonus")} className="flex gap-x-6">
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="bonus" id="adjustment-type-bonus" />
                    <Label htmlFor="adjustment-type-bonus" weight="regular">
                      Bonus (a positive amount)
                    </Label>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="adjustment" id="adjustment-type-adjustment" />
                    <Label htmlFor="adjustment-type-adjustment" weight="regular">
                      Adjustment (negative to take back)
                    </Label>
                  </div>
                </RadioGroup>
                <FieldError id="adjustment-type-error" message={errors.type} />
              </div>
              <div className="grid grid-cols-[160px_1fr] gap-x-4">
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="adjustment-currency">Currency</Label>
                  <Select value={currency} onValueChange={setCurrency}>
                    <Select.Trigger id="adjustment-currency" aria-invalid={!!errors.currency_code || undefined}>
                      <Select.Value placeholder={currencies.isLoading ? "Loading…" : "Currency"} />
                    </Select.Trigger>
                    <Select.Content>
                      {(currencies.data ?? []).map((code) => (
                        <Select.Item key={code} value={code}>
                          {code.toUpperCase()}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                  <FieldError id="adjustment-currency_code-error" message={errors.currency_code} />
                </div>
                <div className="flex flex-col gap-y-2">
                  <Label htmlFor="adjustment-amount">Amount</Label>
                  <Input
                    id="adjustment-amount"
                    inputMode="decimal"
                    placeholder={type === "bonus" ? "25.00" : "-5.00"}
                    value={amount}
                    aria-invalid={!!errors.amount || undefined}
                    onChange={(event) => {
                      setAmount(event.target.value)
                      setErrors((e) => ({ ...e, amount: undefined }))
                    }}
                  />
                  <FieldError id="adjustment-amount-error" message={errors.amount} />
                </div>
              </div>
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="adjustment-reason">Reason</Label>
                <Textarea
                  id="adjustment-reason"
                  value={reason}
                  maxLength={1000}
                  aria-invalid={!!errors.reason || undefined}
                  placeholder="e.g. Top partner in March"
                  onChange={(event) => {
                    setReason(event.target.value)
                    setErrors((e) => ({ ...e, reason: undefined }))
                  }}
                />
                <FieldError id="adjustment-reason-error" message={errors.reason} />
              </div>
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
