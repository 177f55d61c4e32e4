import { ExclamationCircle, PencilSquare } from "@medusajs/icons"
import { Button, Container, Drawer, Heading, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type Partner, usePayoutDetails, useSavePayoutDetails } from "../../hooks/api/partners"
import { errorMessage } from "../../lib/errors"
import { fieldErrors } from "../../lib/field-errors"
import { formatDate } from "../../lib/format"
import { PAYOUT_FIELD_KEYS, PayoutDetailsFields, payoutBody, payoutMethodLabel, type PayoutDraft } from "./payout-details-form"
import { SectionRow } from "./section-row"

const LABELS: Record<string, string> = {
  account_holder_name: "Account holder",
  bank_name: "Bank",
  country: "Country",
  iban: "IBAN",
  account_number: "Account number",
  bic: "BIC / SWIFT",
  routing_number: "Routing number",
  sort_code: "Sort code",
  email: "Email",
  currency: "Currency",
  network: "Network",
  wallet_address: "Wallet",
  memo: "Memo",
  instructions: "Instructions",
}

/** The drawer: reads the details in full only when opened, and saves them through their own audited route. */
const EditPayoutDetailsDrawer = ({ partnerId }: { partnerId: string }) => {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<PayoutDraft>({ method: "" })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { data, isLoading, error } = usePayoutDetails(partnerId, open)
  const save = useSavePayoutDetails(partnerId)

  useEffect(() => {
    if (!open || !data) return
    const stored = data.payout_details.payout_details
    setDraft(
      stored
        ? (Object.fromEntries(Object.entries(stored).map(([key, value]) => [key, value == null ? "" : String(value)])) as PayoutDraft)
        : { method: "" }
    )
  }, [open, data])

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    if (!draft.method) {
      setErrors({ method: "Choose a payout method" })
      return
    }
    save.mutate(payoutBody(draft), {
      onSuccess: () => {
        toast.success("Payout details saved")
        setOpen(false)
      },
      onError: (e) => {
        const { form: rest, ...byField } = fieldErrors(e, PAYOUT_FIELD_KEYS)
        setErrors(byField)
        toast.error(rest ?? "Check the highlighted fields")
      },
    })
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        setErrors({})
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <PencilSquare />
          Edit
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form noValidate onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Payout details</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="overflow-y-auto">
            {isLoading ? (
              <Text size="small">Loading…</Text>
            ) : error ? (
              <Text size="small" className="text-ui-fg-error">
                {errorMessage(error)}
              </Text>
            ) : (
              <PayoutDetailsFields prefix="payout" value={draft} onChange={setDraft} errors={errors} />
            )}
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={save.isPending} disabled={isLoading || !!error}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

/** How the partner is paid (B6), masked; an alert when nothing is set. */
export const PartnerPayoutDetailsSection = ({ partner }: { partner: Partner }) => {
  const details = partner.payout_details
  return (
    <Container className="divide-y p-0" data-testid="partner-payout-details">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Payout details</Heading>
        <EditPayoutDetailsDrawer partnerId={partner.id} />
      </div>
      {!details ? (
        <div className="text-ui-fg-subtle flex items-center gap-x-2 px-6 py-4">
          <ExclamationCircle className="text-ui-fg-error" />
          <Text size="small">No payout details yet: the partner can't be paid until they are set.</Text>
        </div>
      ) : (
        <>
          <SectionRow title="Method" value={payoutMethodLabel(details.method)} />
          {Object.entries(details)
            .filter(([key, value]) => key !== "method" && key !== "masked" && value != null && value !== "")
            .map(([key, value]) => (
              <SectionRow key={key} title={LABELS[key] ?? key} value={String(value)} />
            ))}
          <SectionRow title="Updated" value={formatDate(partner.payout_details_updated_at)} />
        </>
      )}
    </Container>
  )
}
