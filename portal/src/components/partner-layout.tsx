import { Button, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom"
import { api, isUnauthorized } from "../lib/api"
import { useLogOut, useMe } from "../lib/session"
import { AlertsBanner } from "./alerts-banner"
import { LanguageSwitcher } from "./language-switcher"
import { ErrorState, Loading } from "./states"

const NAV = [
  { to: "/", key: "nav.dashboard", end: true },
  { to: "/links", key: "nav.links" },
  { to: "/codes", key: "nav.codes" },
  { to: "/stats", key: "nav.stats" },
  { to: "/customers", key: "nav.customers" },
  { to: "/earnings", key: "nav.earnings" },
  { to: "/payouts", key: "nav.payouts" },
  { to: "/creatives", key: "nav.creatives" },
  { to: "/profile", key: "nav.profile" },
  { to: "/terms", key: "nav.terms" },
]

/**
 * The signed-in frame: a sidebar on wide screens, a menu button that opens
 * the same links on a phone, the alerts above every page. Nobody signed in →
 * the login screen, back here afterwards.
 */
export function PartnerLayout() {
  const { t } = useTranslation()
  const me = useMe()
  const location = useLocation()
  const navigate = useNavigate()
  const logOut = useLogOut()
  const [menuOpen, setMenuOpen] = useState(false)

  if (me.isPending) return <Loading />
  if (me.isError) {
    if (isUnauthorized(me.error)) {
      const next = location.pathname + location.search
      return <Navigate to={`/login${next !== "/" ? `?next=${encodeURIComponent(next)}` : ""}`} replace />
    }
    return <ErrorState error={me.error} retry={() => me.refetch()} />
  }

  const nav = (
    <nav aria-label={t("nav.label")} className="flex flex-col gap-0.5">
      {NAV.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          end={item.end}
          onClick={() => setMenuOpen(false)}
          className={({ isActive }) =>
            clx(
              "rounded-md px-3 py-2 txt-compact-small-plus text-ui-fg-subtle hover:bg-ui-bg-base-hover",
              isActive && "bg-ui-bg-base text-ui-fg-base shadow-elevation-card-rest"
            )
          }
        >
          {t(item.key)}
        </NavLink>
      ))}
    </nav>
  )

  return (
    <div className="min-h-screen md:flex">
      <aside className="hidden w-56 shrink-0 flex-col gap-4 border-r border-ui-border-base p-3 md:flex">
        <Text weight="plus" className="px-3 pt-2">
          {t("app.name")}
        </Text>
        {nav}
      </aside>
      <div className="min-w-0 flex-1">
        <header className="flex items-center justify-between gap-2 border-b border-ui-border-base bg-ui-bg-base px-4 py-2">
          <div className="flex min-w-0 items-center gap-2">
            <Button
              size="small"
              variant="secondary"
              className="md:hidden"
              aria-expanded={menuOpen}
              aria-controls="mobile-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {t("nav.menu")}
            </Button>
            <Text size="small" className="truncate text-ui-fg-subtle" data-testid="partner-name">
              {me.data.name}
            </Text>
          </div>
          <div className="flex items-center gap-2">
            {/* Saved on the account too: the partner's emails follow it. */}
            <LanguageSwitcher onChange={(locale) => api("/affiliate/me", { method: "POST", body: { locale } }).catch(() => {})} />
            <Button
              size="small"
              variant="secondary"
              className="whitespace-nowrap"
              onClick={async () => {
                await logOut()
                navigate("/login", { replace: true })
              }}
            >
              {t("action.log_out")}
            </Button>
          </div>
        </header>
        {menuOpen && (
          <div id="mobile-nav" className="border-b border-ui-border-base bg-ui-bg-subtle p-3 md:hidden">
            {nav}
          </div>
        )}
        <main className="mx-auto flex max-w-6xl flex-col gap-4 p-4 md:p-6">
          <AlertsBanner />
          <Outlet />
        </main>
      </div>
    </div>
  )
}
