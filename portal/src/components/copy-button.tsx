import { Button, toast } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

/** Copies `value` to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      toast.success(t("copy.done"))
    } catch {
      // No clipboard (an insecure origin): select-and-copy by hand.
      window.prompt(t("copy.manual"), value)
    }
  }
  return (
    <Button size="small" variant="secondary" type="button" onClick={copy}>
      {label ?? t("copy.action")}
    </Button>
  )
}
