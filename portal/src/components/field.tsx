import { Hint, Label } from "@medusajs/ui"
import { cloneElement, isValidElement, type ReactNode } from "react"

/** A labelled form control with its error (from the API) right under it. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string
  label: ReactNode
  error?: string
  hint?: ReactNode
  children: ReactNode
}) {
  return (
    <div className="flex flex-col gap-y-1.5">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {/* The control is marked invalid (red border, and screen readers hear the error). */}
      {error && isValidElement(children)
        ? cloneElement(children as React.ReactElement<Record<string, unknown>>, { "aria-invalid": true, "aria-describedby": `${id}-error` })
        : children}
      {hint && !error && <Hint>{hint}</Hint>}
      {error && (
        <Hint variant="error" id={`${id}-error`}>
          {error}
        </Hint>
      )}
    </div>
  )
}
