import { Badge, Button, Container, Heading, Prompt, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { type Partner, useInvitePartner } from "../../hooks/api/partners"
import { type ApplicationField, useProgramSettings } from "../../hooks/api/rules"
import { toastError } from "../../lib/errors"
import { formatDate } from "../../lib/format"
import { SectionRow } from "./section-row"

const LANGUAGES: Record<string, string> = { en: "English", ru: "Русский" }

/** "Invite to the portal", or "Resend invitation" once one was sent: a new link, the older one stops working. */
const InviteAction = ({ partner }: { partner: Partner }) => {
  const [open, setOpen] = useState(false)
  const invite = useInvitePartner()
  const again = !!partner.invited_at
  const label = again ? "Resend invitation" : "Invite to the portal"
  const send = () =>
    invite.mutate(partner.id, {
      onSuccess: ({ invitation }) => {
        toast.success(`Invitation sent to ${invitation.email}`, { description: `The link works once, until ${new Date(invitation.expires_at).toLocaleString()}.` })
        setOpen(false)
      },
      onError: toastError,
    })
  return (
    <Prompt open={open} onOpenChange={setOpen} variant="confirmation">
      <Prompt.Trigger asChild>
        <Button size="small" variant="secondary">
          {label}
        </Button>
      </Prompt.Trigger>
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>{`${label}?`}</Prompt.Title>
          <Prompt.Description>
            {`${partner.email} gets an email with a link to set a password and log in to the partner portal.`}
            {again ? " The link sent before stops working." : ""}
          </Prompt.Description>
        </Prompt.Header>
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Button size="small" isLoading={invite.isPending} onClick={send}>
            Send invitation
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}

function loginState(partner: Partner) {
  if (partner.has_login) return <Badge size="2xsmall" color="green">Has a login</Badge>
  if (partner.invited_at) return `Invited ${formatDate(partner.invited_at)}, not accepted yet`
  return "No login yet"
}

function answerText(field: ApplicationField | undefined, answer: string | boolean) {
  if (typeof answer === "boolean" || field?.type === "checkbox") return answer === true || answer === "true" ? "Yes" : "No"
  return answer || "—"
}

/**
 * The partner's portal account (H1, B1, B5): whether they can log in (and
 * the action to invite them, hidden once they can), whether their email is
 * verified, which terms they accepted, their language, and what they
 * answered when applying.
 */
export const PartnerAccountSection = ({ partner }: { partner: Partner }) => {
  const { data: settings } = useProgramSettings()
  const questions = settings?.program_settings.application_fields ?? []
  const answers = partner.application?.fields ?? {}
  // Questions in the form's order, then answers to questions since removed (by key).
  const keys = [...questions.map((q) => q.key).filter((key) => key in answers), ...Object.keys(answers).filter((key) => !questions.some((q) => q.key === key))]
  return (
    <Container className="divide-y p-0" data-testid="partner-account-section">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Portal account</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How the partner logs in to the partner portal, and their application.
          </Text>
        </div>
        {!partner.has_login && <InviteAction partner={partner} />}
      </div>
      <SectionRow title="Login" value={loginState(partner)} testId="partner-login" />
      <SectionRow title="Email verified" value={partner.email_verified_at ? formatDate(partner.email_verified_at) : "Not yet"} testId="partner-email-verified" />
      <SectionRow
        title="Terms accepted"
        value={partner.terms_version ? `Version ${partner.terms_version}${partner.terms_accepted_at ? `, on ${formatDate(partner.terms_accepted_at)}` : ""}` : "None yet"}
        testId="partner-terms"
      />
      <SectionRow title="Language" value={partner.locale ? LANGUAGES[partner.locale.slice(0, 2)] ?? partner.locale : null} testId="partner-locale" />
      <SectionRow title="Audience" value={partner.audience} testId="partner-audience" />
      {keys.map((key) => {
        const question = questions.find((q) => q.key === key)
        return <SectionRow key={key} title={question?.label ?? key} value={answerText(question, answers[key])} testId={`partner-answer-${key}`} />
      })}
    </Container>
  )
}
