import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { Toaster, TooltipProvider } from "@medusajs/ui"
import React from "react"
import ReactDOM from "react-dom/client"
import { BrowserRouter } from "react-router-dom"
import { App } from "./app"
import "./i18n"
import "./index.css"
import { isUnauthorized } from "./lib/api"
import { mountPath } from "./lib/base-path"
import { ME_KEY } from "./lib/session"

const queryClient: QueryClient = new QueryClient({
  // A session that ended (expired, logged out in another tab): any 401 re-asks
  // who is signed in, and the layout sends the visitor to the login screen.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isUnauthorized(error) && query.queryKey[0] !== ME_KEY[0]) queryClient.invalidateQueries({ queryKey: ME_KEY })
    },
  }),
  defaultOptions: {
    // A 401 is an answer (log in), not a glitch to retry.
    queries: { retry: (count, error) => !isUnauthorized(error) && count < 1, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
})

ReactDOM.createRoot(document.getElementById("root")!).render(
  <React.StrictMode>
    <QueryClientProvider client={queryClient}>
      <TooltipProvider>
        <BrowserRouter basename={mountPath() || "/"}>
          <App />
        </BrowserRouter>
        <Toaster />
      </TooltipProvider>
    </QueryClientProvider>
  </React.StrictMode>
)
