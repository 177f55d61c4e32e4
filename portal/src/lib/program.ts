import { useQuery } from "@tanstack/react-query"
import { api } from "./api"

export type ApplicationField = { key: string; label: string; type: "text" | "select" | "checkbox"; required: boolean; options?: string[] }
export type Program = {
  registration_mode: "auto_approve" | "approval" | "invite_only" | "closed"
  application_fields: ApplicationField[]
  terms: { version: number; text: string; published_at: string } | null
  help_text: string | null
}

/** The program's public face: how partners join, what the form asks, the terms. */
export function useProgram() {
  return useQuery({
    queryKey: ["program"],
    queryFn: () => api<{ program: Program }>("/affiliate-account/program").then((r) => r.program),
  })
}
