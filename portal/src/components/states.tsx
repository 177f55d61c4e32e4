import { Button, Text } from "@medusajs/ui"
import type { UseQueryResult } from "@tanstack/react-query"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { ApiError } from "../lib/api"

export function Loading() {
  const { t } = useTranslation()
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-2 p-6 text-ui-fg-subtle">
      <span className="h-4 w-4 animate-spin rounded-full border-2 border-ui-border-base border-t-ui-fg-interactive" />
      <Text size="small">{t("state.loading")}</Text>
    </div>
  )
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="p-6 text-center">
      <Text size="small" className="text-ui-fg-subtle">
        {children ?? t("state.empty")}
      </Text>
    </div>
  )
}

/** What a failed request says; the API's own words when it has them. */
export function useErrorText() {
  const { t } = useTranslation()
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 0) return t("state.network_error")
    if (error instanceof ApiError && error.status === 404) return t("state.not_found")
    if (error instanceof ApiError && error.status >= 500) return t("state.server_error")
    return error instanceof Error && error.message ? error.message : t("state.error")
  }
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation()
  const text = useErrorText()
  return (
    <div role="alert" className="flex flex-col items-center gap-3 p-6 text-center">
      <Text size="small" className="text-ui-fg-error">
        {text(error)}
      </Text>
      {retry && (
        <Button size="small" variant="secondary" onClick={retry}>
          {t("action.retry")}
        </Button>
      )}
    </div>
  )
}

/** Loading, error and empty states around one query's result. */
export function QueryView<T>({
  query,
  isEmpty,
  empty,
  children,
}: {
  query: UseQueryResult<T>
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}) {
  if (query.isPending) return <Loading />
  if (query.isError) return <ErrorState error={query.error} retry={() => query.refetch()} />
  if (isEmpty?.(query.data)) return <Empty>{empty}</Empty>
  return <>{children(query.data)}</>
}
