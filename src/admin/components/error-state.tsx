import { Container, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/errors"

/** A section whose request failed: the API's message in place of the content. */
export const ErrorState = ({ error }: { error: unknown }) => (
  <Container>
    <Text size="small" className="text-ui-fg-error" data-testid="error-state">
      {errorMessage(error)}
    </Text>
  </Container>
)
