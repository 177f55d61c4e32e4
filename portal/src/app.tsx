import { Navigate, Route, Routes } from "react-router-dom"
import { PartnerLayout } from "./components/partner-layout"
import { AcceptInvitePage } from "./pages/accept-invite"
import { CheckEmailPage } from "./pages/check-email"
import { CodesPage } from "./pages/codes"
import { CreativesPage } from "./pages/creatives"
import { CustomersPage } from "./pages/customers"
import { DashboardPage } from "./pages/dashboard"
import { EarningsPage } from "./pages/earnings"
import { ForgotPasswordPage } from "./pages/forgot-password"
import { LinksPage } from "./pages/links"
import { LoginPage } from "./pages/login"
import { NotFoundPage } from "./pages/not-found"
import { PayoutPage } from "./pages/payout"
import { PayoutsPage } from "./pages/payouts"
import { ProfilePage } from "./pages/profile"
import { ResetPasswordPage } from "./pages/reset-password"
import { SignupPage } from "./pages/signup"
import { StatsPage } from "./pages/stats"
import { TermsPage } from "./pages/terms"
import { VerifyEmailPage } from "./pages/verify-email"

/** The portal's routes: public account screens, then the signed-in partner's. */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/check-email" element={<CheckEmailPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/accept-invite" element={<AcceptInvitePage />} />
      <Route element={<PartnerLayout />}>
        <Route index element={<DashboardPage />} />
        <Route path="/links" element={<LinksPage />} />
        <Route path="/codes" element={<CodesPage />} />
        <Route path="/stats" element={<StatsPage />} />
        <Route path="/customers" element={<CustomersPage />} />
        <Route path="/earnings" element={<EarningsPage />} />
        <Route path="/payouts" element={<PayoutsPage />} />
        <Route path="/payouts/:id" element={<PayoutPage />} />
        <Route path="/creatives" element={<CreativesPage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/terms" element={<TermsPage />} />
        <Route path="/dashboard" element={<Navigate to="/" replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
