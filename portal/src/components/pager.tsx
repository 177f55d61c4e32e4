import { Button, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

export const PAGE_SIZE = 20

/** Previous / next over a list answered as `{ count, offset, limit }`. */
export function Pager({ count, offset, onChange }: { count: number; offset: number; onChange: (offset: number) => void }) {
  const { t } = useTranslation()
  if (count <= PAGE_SIZE) return null
  return (
    <div className="flex items-center justify-between gap-2 border-t border-ui-border-base px-4 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {t("pager.range", { from: offset + 1, to: Math.min(offset + PAGE_SIZE, count), count })}
      </Text>
      <div className="flex gap-2">
        <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - PAGE_SIZE))}>
          {t("pager.previous")}
        </Button>
        <Button size="small" variant="secondary" disabled={offset + PAGE_SIZE >= count} onClick={() => onChange(offset + PAGE_SIZE)}>
          {t("pager.next")}
        </Button>
      </div>
    </div>
  )
}
