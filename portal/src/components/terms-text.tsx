/** Terms as the admin wrote them: plain text, paragraphs kept, never HTML. */
export function TermsText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`whitespace-pre-wrap break-words txt-small text-ui-fg-subtle ${className ?? ""}`} data-testid="terms-text">
      {text}
    </div>
  )
}
