import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { LanguageSwitcher } from "./language-switcher"

/** The frame of the signed-out screens: one centred card. */
export function AuthLayout({ title, subtitle, children, wide }: { title: string; subtitle?: ReactNode; children: ReactNode; wide?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-8">
      <div className={`flex w-full items-center justify-between ${wide ? "max-w-2xl" : "max-w-md"}`}>
        <Text weight="plus">{t("app.name")}</Text>
        <LanguageSwitcher />
      </div>
      <Container className={`mt-6 w-full p-6 ${wide ? "max-w-2xl" : "max-w-md"}`}>
        <Heading level="h1" className="mb-1">
          {title}
        </Heading>
        {subtitle && (
          <Text size="small" className="mb-4 text-ui-fg-subtle">
            {subtitle}
          </Text>
        )}
        <div className="mt-4">{children}</div>
      </Container>
    </div>
  )
}
