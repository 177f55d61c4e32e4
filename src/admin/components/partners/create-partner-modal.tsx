import { Button, Checkbox, FocusModal, Heading, Hint, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { useCreatePartner, useInvitePartner, useProgramDefaults } from "../../hooks/api/partners"
import { errorMessage } from "../../lib/errors"
import { fieldErrors } from "../../lib/field-errors"
import { FormField } from "./form-field"
import { PAYOUT_FIELD_KEYS, PayoutDetailsFields, payoutBody, type PayoutDraft } from "./payout-details-form"
import { emptyProfile, profileBody, PROFILE_FIELD_KEYS, ProfileFields, type ProfileDraft, withoutChanged } from "./profile-fields"

const CREATE_FIELDS = [...PROFILE_FIELD_KEYS, "status", "code", ...PAYOUT_FIELD_KEYS.map((key) => `payout_details.${key}`), "payout_details"]

/**
 * "Create partner" (G1, B2): profile, parent and its end date, rate, internal
 * flag, an optional first code and payout details, created in one request
 * (a taken code creates nothing). "Send an invitation email" then invites
 * the new partner to set a portal password; if that fails the partner stays
 * created, and the partner page can invite again.
 */
export const CreatePartnerModal = () => {
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [profile, setProfile] = useState<ProfileDraft>(emptyProfile)
  const [status, setStatus] = useState<"active" | "pending">("active")
  const [code, setCode] = useState("")
  const [payout, setPayout] = useState<PayoutDraft>({ method: "" })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [invite, setInvite] = useState(false)
  const { data: settings } = useProgramDefaults()
  const create = useCreatePartner()
  const sendInvitation = useInvitePartner()

  const reset = () => {
    setProfile(emptyProfile())
    setStatus("active")
    setCode("")
    setPayout({ method: "" })
    setErrors({})
    setInvite(false)
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    const body = {
      ...profileBody(profile),
      status,
      ...(code.trim() ? { code: code.trim() } : {}),
      ...(payout.method ? { payout_details: payoutBody(payout) } : {}),
    }
    create.mutate(body, {
      onSuccess: async ({ affiliate }) => {
        if (invite) {
          try {
            const { invitation } = await sendInvitation.mutateAsync(affiliate.id)
            toast.success(`Partner ${affiliate.name} created`, { description: `Invitation sent to ${invitation.email}` })
          } catch (error) {
            toast.warning(`Partner ${affiliate.name} created, but the invitation was not sent`, {
              description: `${errorMessage(error)}. Invite them from their page.`,
            })
          }
        } else {
          toast.success(`Partner ${affiliate.name} created`)
        }
        setOpen(false)
        reset()
        navigate(`/affiliates/${affiliate.id}`)
      },
      onError: (error) => {
        const { form: rest, ...byField } = fieldErrors(error, CREATE_FIELDS)
        setErrors(byField)
        if (rest) toast.error(rest)
        else toast.error("Check the highlighted fields")
      },
    })
  }

  const payoutErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith("payout_details"))
      .map(([key, message]) => [key === "payout_details" ? "method" : key.replace("payout_details.", ""), message])
  )

  return (
    <FocusModal
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <FocusModal.Trigger asChild>
        <Button size="small" variant="secondary">
          Create partner
        </Button>
      </FocusModal.Trigger>
      <FocusModal.Content>
        <form noValidate onSubmit={submit} className="flex h-full flex-col overflow-hidden">
          <FocusModal.Header>
            <div className="flex w-full items-center justify-end gap-x-2">
              <FocusModal.Close asChild>
                <Button size="small" variant="secondary" type="button">
                  Cancel
                </Button>
              </FocusModal.Close>
              <Button size="small" type="submit" isLoading={create.isPending || sendInvitation.isPending}>
                Create
              </Button>
            </div>
          </FocusModal.Header>
          <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-16">
            <div className="flex w-full max-w-[720px] flex-col gap-y-8">
              <div>
                <Heading level="h1">Create partner</Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  A partner, reseller, influencer or one of the store's own channels.
                </Text>
              </div>
              <ProfileFields
                prefix="create"
                value={profile}
                onChange={(next) => {
                  setErrors((current) => withoutChanged(current, profile, next))
                  setProfile(next)
                }}
                errors={errors}
                defaultRate={settings?.program_settings.default_commission_rate}
              />
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FormField id="create-status" label="Status" error={errors.status} hint="Pending: for review, approve it later.">
                  <Select value={status} onValueChange={(value) => setStatus(value as "active" | "pending")}>
                    <Select.Trigger id="create-status">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="active">Active</Select.Item>
                      <Select.Item value="pending">Pending</Select.Item>
                    </Select.Content>
                  </Select>
                </FormField>
                <FormField
                  id="create-code"
                  label="First referral code"
                  optional
                  hint="3-32 letters, digits, - or _. Without one, approving generates one from the name."
                  error={errors.code}
                >
                  <Input id="create-code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
                </FormField>
              </div>
              <div className="flex items-start gap-x-3">
                <Checkbox id="create-invite" checked={invite} onCheckedChange={(checked) => setInvite(checked === true)} />
                <div className="flex flex-col">
                  <Label htmlFor="create-invite" size="small" weight="plus">
                    Send an invitation email
                  </Label>
                  <Hint>The partner gets a link to set a password and log in to the partner portal. The link works once.</Hint>
                </div>
              </div>
              <div className="flex flex-col gap-y-4">
                <Heading level="h2">Payout details</Heading>
                <PayoutDetailsFields prefix="create-payout" value={payout} onChange={setPayout} errors={payoutErrors} allowNone />
              </div>
            </div>
          </FocusModal.Body>
        </form>
      </FocusModal.Content>
    </FocusModal>
  )
}
