import { toast } from "@medusajs/ui"
import { useState } from "react"
import { fieldErrors } from "./api"

/**
 * A form's API errors: the parts naming one of `fields` go under that field,
 * the rest to a toast.
 */
export function useFormErrors(fields: string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  return {
    errors,
    clear: () => setErrors({}),
    show: (error: unknown) => {
      const { form, ...byField } = fieldErrors(error, fields)
      setErrors(byField)
      if (form) toast.error(form)
    },
  }
}
