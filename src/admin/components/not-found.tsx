import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"

/** What a page shows for an id the API doesn't know: never an endless "Loading…". */
export const NotFound = ({ what, backTo, backLabel }: { what: string; backTo: string; backLabel: string }) => (
  <Container className="flex flex-col items-center gap-y-3 py-16" data-testid="not-found">
    <Heading level="h2">{what} not found</Heading>
    <Text size="small" className="text-ui-fg-subtle">
      It may have been removed, or the link is wrong.
    </Text>
    <Button size="small" variant="secondary" asChild>
      <Link to={backTo}>{backLabel}</Link>
    </Button>
  </Container>
)
