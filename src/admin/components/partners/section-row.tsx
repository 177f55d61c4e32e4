import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One "label: value" row of a detail section, as Medusa's detail pages show them. */
export const SectionRow = ({ title, value, testId }: { title: string; value: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {title}
    </Text>
    <div className="txt-compact-small whitespace-pre-line break-words" data-testid={testId}>
      {value ?? "—"}
    </div>
  </div>
)
