import { PencilSquare } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import type { AffiliateStatusAction } from "../../hooks/api/affiliates"
import {
  type Partner,
  useChangePartnerStatus,
  usePartnerName,
  useProgramDefaults,
  useUpdatePartner,
} from "../../hooks/api/partners"
import { toastError } from "../../lib/errors"
import { fieldErrors } from "../../lib/field-errors"
import { formatDate } from "../../lib/format"
import { AffiliateStatusBadge } from "../affiliate-status-badge"
import { profileBody, PROFILE_FIELD_KEYS, ProfileFields, type ProfileDraft, withoutChanged } from "./profile-fields"
import { SectionRow } from "./section-row"

const DONE: Record<AffiliateStatusAction, string> = {
  approve: "approved",
  reject: "rejected",
  suspend: "suspended",
  deactivate: "deactivated",
}

const EXPLAIN: Record<AffiliateStatusAction, string> = {
  approve: "The partner can earn commission and log in to the portal. A partner without a code gets one made from their name, and an email with it.",
  reject: "The application is refused and the partner is told by email. Nothing is deleted.",
  suspend: "Codes and links stop earning until the partner is approved again. The history and the ledger are kept.",
  deactivate: "The partner leaves the program. The history and the ledger are kept; they can be approved again.",
}

/** The rate as the partner page shows it: the partner's own, or the program default and its value. */
export function rateLabel(rate: number | null, defaultRate: number | undefined) {
  if (rate != null) return `${rate}%`
  return defaultRate != null ? `${defaultRate}% (the program default)` : "The program default"
}

const toDraft = (partner: Partner): ProfileDraft => ({
  name: partner.name,
  email: partner.email,
  company: partner.company ?? "",
  website: partner.website ?? "",
  phone: partner.phone ?? "",
  commission_rate: partner.commission_rate != null ? String(partner.commission_rate) : "",
  is_internal: partner.is_internal,
  parent_id: partner.parent_id,
  parent_commission_ends_at: partner.parent_commission_ends_at ? new Date(partner.parent_commission_ends_at) : null,
})

/** A status action behind a confirmation, with a reason kept in the audit log. */
const StatusAction = ({ partner, action }: { partner: Partner; action: AffiliateStatusAction }) => {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState("")
  const change = useChangePartnerStatus(partner.id)
  const confirm = () =>
    change.mutate(
      { action, reason: reason.trim() || undefined },
      {
        onSuccess: ({ affiliate }) => {
          const code = action === "approve" ? affiliate.codes?.find((c) => !c.alias_of_id && c.is_active)?.code : undefined
          toast.success(`Partner ${DONE[action]}`, code ? { description: `Referral code: ${code}` } : undefined)
          setOpen(false)
          setReason("")
        },
        onError: toastError,
      }
    )
  return (
    <Prompt open={open} onOpenChange={setOpen} variant={action === "approve" ? "confirmation" : "danger"}>
      <Prompt.Trigger asChild>
        <Button size="small" variant={action === "approve" ? "primary" : "secondary"} className="capitalize">
          {action}
        </Button>
      </Prompt.Trigger>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title className="capitalize">{`${action} ${partner.name}?`}</Prompt.Title>
          <Prompt.Description>{EXPLAIN[action]}</Prompt.Description>
          <div className="mt-3 flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              Reason{" "}
              <span className="text-ui-fg-muted font-normal">
                {action === "reject" ? "(optional, kept in the audit trail and written in the email to the partner)" : "(optional, kept in the audit trail)"}
              </span>
            </Text>
            <Textarea aria-label="Reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </div>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Button
            size="small"
            variant={action === "approve" ? "primary" : "danger"}
            isLoading={change.isPending}
            onClick={confirm}
            className="capitalize"
          >
            {`Yes, ${action}`}
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

const EditProfileDrawer = ({ partner, defaultRate }: { partner: Partner; defaultRate?: number }) => {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(partner))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const update = useUpdatePartner(partner.id)

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    setErrors({})
    update.mutate(profileBody(draft), {
      onSuccess: () => {
        toast.success("Profile saved")
        setOpen(false)
      },
      onError: (error) => {
        const { form: rest, ...byField } = fieldErrors(error, PROFILE_FIELD_KEYS)
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
        if (next) {
          setDraft(toDraft(partner))
          setErrors({})
        }
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          <PencilSquare />
          Edit
        </Button>
      </Drawer.Trigger>
      <Drawer.Content className="max-w-[640px]">
        <form noValidate onSubmit={save} className="flex h-full flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Edit profile</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="overflow-y-auto">
            <ProfileFields
              prefix="edit"
              value={draft}
              onChange={(next) => {
                setErrors((current) => withoutChanged(current, draft, next))
                setDraft(next)
              }}
              errors={errors}
              defaultRate={defaultRate}
              selfId={partner.id}
            />
          </Drawer.Body>
          <Drawer.Footer>
            <Drawer.Close asChild>
              <Button size="small" variant="secondary" type="button">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" type="submit" isLoading={update.isPending}>
              Save
            </Button>
          </Drawer.Footer>
        </form>
      </Drawer.Content>
    </Drawer>
  )
}

/**
 * The partner page's header: name, status and its actions (each confirmed),
 * and the profile, editable in a drawer.
 */
export const PartnerProfileSection = ({
  partner,
  allowedActions,
}: {
  partner: Partner
  allowedActions: AffiliateStatusAction[]
}) => {
  const { data: settings } = useProgramDefaults()
  const { data: parent } = usePartnerName(partner.parent_id)
  const defaultRate = settings?.program_settings.default_commission_rate
  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <div className="flex items-center gap-2">
            <Heading level="h1">{partner.name}</Heading>
            <AffiliateStatusBadge status={partner.status} />
            {partner.is_internal && (
              <Badge size="2xsmall" color="purple">
                Internal
              </Badge>
            )}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {partner.email}
          </Text>
          {!!partner.codes?.some((code) => !code.alias_of_id && code.is_active) && (
            <div className="mt-2 flex flex-wrap gap-1" data-testid="partner-active-codes">
              {partner.codes
                .filter((code) => !code.alias_of_id && code.is_active)
                .map((code) => (
                  <Badge key={code.id} size="2xsmall" color="blue">
                    {code.code}
                  </Badge>
                ))}
            </div>
          )}
        </div>
        <div className="flex flex-wrap justify-end gap-2">
          {allowedActions.map((action) => (
            <StatusAction key={action} partner={partner} action={action} />
          ))}
          <EditProfileDrawer partner={partner} defaultRate={defaultRate} />
        </div>
      </div>
      <SectionRow title="Company" value={partner.company} />
      <SectionRow
        title="Website"
        value={
          partner.website ? (
            <a href={partner.website} target="_blank" rel="noreferrer noopener" className="text-ui-fg-interactive">
              {partner.website}
            </a>
          ) : null
        }
      />
      <SectionRow title="Phone" value={partner.phone} />
      <SectionRow title="Commission rate" value={rateLabel(partner.commission_rate, defaultRate)} testId="partner-rate" />
      <SectionRow title="Type" value={partner.is_internal ? "Internal channel (reported apart)" : "External partner"} />
      <SectionRow
        title="Parent partner"
        value={
          partner.parent_id ? (
            <span>
              <Link to={`/affiliates/${partner.parent_id}`} className="text-ui-fg-interactive">
                {parent?.affiliate.name ?? partner.parent_id}
              </Link>
              {partner.parent_commission_ends_at ? ` · until ${formatDate(partner.parent_commission_ends_at)}` : ""}
            </span>
          ) : null
        }
      />
      <SectionRow title="Approved" value={partner.approved_at ? formatDate(partner.approved_at) : "Not yet"} />
      <SectionRow title="Joined" value={formatDate(partner.created_at)} />
    </Container>
  )
}
