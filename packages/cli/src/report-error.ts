import { isDomainError } from '@ketenregie/core/errors';

/**
 * Writes an error for a person at a terminal: the message, then each detail as
 * `file:line: path: message`. Unexpected errors print their message only, never a stack,
 * unless KETENREGIE_DEBUG is set. Returns the exit status to use.
 */
export function reportError(
  error: unknown,
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): number {
  if (isDomainError(error)) {
    write(`ketenregie: ${error.message}`);
    for (const d of error.details) {
      const where = [d.file, d.line].filter((x) => x !== undefined).join(':');
      const field = d.path === '' ? '' : `${d.path}: `;
      write(`  ${where === '' ? '' : `${where}: `}${field}${d.message}`);
    }
    return error.code === 'validation_failed' ? 2 : 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  write(`ketenregie: unexpected error: ${message}`);
  if (process.env.KETENREGIE_DEBUG && error instanceof Error && error.stack) write(error.stack);
  return 1;
}
