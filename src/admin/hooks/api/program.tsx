import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import { isNotFound } from "../../lib/errors"

/** The published terms: which version partners accept now, and since when. */
export type PublishedTerms = { version: number; text: string; published_at: string }

export const programKeys = {
  public: ["affiliate-program", "public"] as const,
}

/**
 * The program as the portal shows it (`GET /affiliate-account/program`),
 * for the published terms version. Null when the store's plugin has no
 * such route yet (an older backend): the page then shows no version.
 */
export function usePublishedTerms() {
  return useQuery({
    queryKey: programKeys.public,
    queryFn: async () => {
      try {
        const { program } = await sdk.client.fetch<{ program: { terms: PublishedTerms | null } }>("/affiliate-account/program")
        return program.terms ?? null
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    },
    retry: false,
  })
}
