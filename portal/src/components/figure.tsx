import { Container, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"

/** One headline number with its change against the previous period. */
export function Figure({ label, value, change, testId }: { label: string; value: ReactNode; change?: number | null; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Container className="flex flex-col gap-1 p-4" data-testid={testId}>
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" className="break-words" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </Text>
      {change !== undefined && (
        <Text size="xsmall" className={change === null ? "text-ui-fg-muted" : change >= 0 ? "text-ui-tag-green-text" : "text-ui-tag-red-text"}>
          {change === null ? t("dashboard.no_previous") : t("dashboard.change", { value: `${change > 0 ? "+" : ""}${change}` })}
        </Text>
      )}
    </Container>
  )
}
