import { RadioGroup, Hint, Label } from "@medusajs/ui"
import type { RegistrationMode } from "../../hooks/api/rules"
import { ApplicationFieldsEditor, type ApplicationFieldDraft } from "./application-fields-editor"
import { SettingsSection } from "./settings-section"

/** Each mode in plain words: who gets in, and what the admin does. */
export const REGISTRATION_MODES: { value: RegistrationMode; label: string; explain: string }[] = [
  {
    value: "auto_approve",
    label: "Open, approved automatically",
    explain: "Anyone can sign up in the partner portal. They are approved, and get their code, as soon as they confirm their email.",
  },
  {
    value: "approval",
    label: "Open, reviewed by you",
    explain: "Anyone can apply in the partner portal. Applications wait under Affiliates as pending until you approve or reject them.",
  },
  {
    value: "invite_only",
    label: "By invitation only",
    explain: "The portal's sign-up form is closed. You create partners here and send them an invitation to set a password.",
  },
  {
    value: "closed",
    label: "Closed",
    explain: "No one new joins. Existing partners keep logging in and earning.",
  },
]

/** Who can become a partner (B1), and the admin's own questions on the application. */
export function RegistrationSection({
  mode,
  onModeChange,
  fields,
  onFieldsChange,
  errors,
}: {
  mode: RegistrationMode
  onModeChange: (mode: RegistrationMode) => void
  fields: ApplicationFieldDraft[]
  onFieldsChange: (fields: ApplicationFieldDraft[]) => void
  errors: Record<string, string>
}) {
  return (
    <SettingsSection title="Registration" description="Who can become a partner through the partner portal." testId="settings-registration">
      <div className="flex flex-col gap-y-2">
        <Label size="small" weight="plus" id="registration-mode-label">
          Registration mode
        </Label>
        <RadioGroup
          aria-labelledby="registration-mode-label"
          value={mode}
          onValueChange={(value) => onModeChange(value as RegistrationMode)}
          className="grid grid-cols-1 gap-2 md:grid-cols-2"
        >
          {REGISTRATION_MODES.map((option) => (
            <RadioGroup.ChoiceBox key={option.value} value={option.value} label={option.label} description={option.explain} />
          ))}
        </RadioGroup>
        {errors.registration_mode && (
          <Hint variant="error" data-testid="setting-registration_mode-error">
            {errors.registration_mode}
          </Hint>
        )}
      </div>
      {mode === "invite_only" || mode === "closed" ? (
        <Hint>The application questions are kept, and asked again when you open registration.</Hint>
      ) : null}
      <ApplicationFieldsEditor value={fields} onChange={onFieldsChange} error={errors.application_fields} />
    </SettingsSection>
  )
}
