import { Alert, Badge, Text, Textarea } from "@medusajs/ui"
import { usePublishedTerms } from "../../hooks/api/program"
import { formatDate } from "../../lib/format"
import { Field } from "../rules/rule-form"
import { SettingsSection } from "./settings-section"

/**
 * What partners read in the portal (H10): the program's terms, versioned
 * (saving changed terms publishes a new version that every partner accepts
 * again), and the help text.
 */
export function PortalSection({
  terms,
  savedTerms,
  helpText,
  onTermsChange,
  onHelpTextChange,
  errors,
}: {
  terms: string
  /** The terms as saved, to tell whether the admin changed them. */
  savedTerms: string | null
  helpText: string
  onTermsChange: (value: string) => void
  onHelpTextChange: (value: string) => void
  errors: Record<string, string>
}) {
  const { data: published } = usePublishedTerms()
  const changed = (terms.trim() ? terms : null) !== (savedTerms ?? null)
  return (
    <SettingsSection title="Partner portal" description="Text partners read in the portal." testId="settings-portal">
      <div className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2" data-testid="portal-terms-version">
          {published ? (
            <>
              <Badge size="2xsmall" color="blue">{`Version ${published.version}`}</Badge>
              <Text size="small" className="text-ui-fg-subtle">{`version ${published.version}, published ${formatDate(published.published_at)}`}</Text>
            </>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {savedTerms ? "Terms set; no published version yet." : "No terms published yet."}
            </Text>
          )}
        </div>
        <Field
          label="Terms"
          error={errors.portal_terms}
          hint="The program's terms (plain text or Markdown). Partners accept them when they sign up."
          htmlFor="setting-portal-terms"
          testId="setting-portal_terms"
        >
          <Textarea id="setting-portal-terms" rows={6} value={terms} onChange={(e) => onTermsChange(e.target.value)} />
        </Field>
        {changed && (
          <Alert variant="warning" data-testid="portal-terms-changed-warning">
            Saving changed terms publishes a new version: every partner is asked to accept it again in the portal.
          </Alert>
        )}
      </div>
      <Field
        label="Help text"
        error={errors.portal_help_text}
        hint="Shown to partners as help: how to share links, when they are paid, whom to write to."
        htmlFor="setting-portal-help"
        testId="setting-portal_help_text"
      >
        <Textarea id="setting-portal-help" rows={4} value={helpText} onChange={(e) => onHelpTextChange(e.target.value)} />
      </Field>
    </SettingsSection>
  )
}
