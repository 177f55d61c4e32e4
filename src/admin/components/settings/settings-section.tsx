import { Container, Heading, Hint, Label, Switch, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One heading of the settings page with its fields. */
export function SettingsSection({ title, description, children, testId }: { title: string; description: string; children: ReactNode; testId?: string }) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      <div className="flex flex-col gap-y-4 px-6 py-4">{children}</div>
    </Container>
  )
}

/** A switch with its label, hint and the API's error. */
export function Toggle({
  id,
  checked,
  onChange,
  label,
  hint,
  error,
  disabled,
}: {
  id: string
  checked: boolean
  onChange?: (value: boolean) => void
  label: string
  hint?: string
  error?: string
  disabled?: boolean
}) {
  return (
    <div className="flex items-start gap-x-3">
      <Switch id={id} checked={checked} disabled={disabled} onCheckedChange={onChange} />
      <div className="flex flex-col">
        <Label size="small" weight="plus" htmlFor={id}>
          {label}
        </Label>
        {hint && <Hint>{hint}</Hint>}
        {error && <Hint variant="error">{error}</Hint>}
      </div>
    </div>
  )
}
