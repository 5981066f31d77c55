/**
 * Shared input styles: slugs and keys are typed in a monospace font so that hyphens and digits
 * are easy to tell apart; the label keeps the normal font.
 */
export const monospaceInput = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } } as const;
