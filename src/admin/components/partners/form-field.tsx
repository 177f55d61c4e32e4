import { Hint, Label } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled form field with its hint and, below it, the API's error for it. */
export const FormField = ({
  id,
  label,
  optional,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  optional?: boolean
  hint?: string
  error?: string
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && !error && <Hint>{hint}</Hint>}
    {error && (
      <Hint variant="error" data-testid={`error-${id}`}>
        {error}
      </Hint>
    )}
  </div>
)
