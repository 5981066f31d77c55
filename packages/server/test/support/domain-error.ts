/** Captures the `DomainError` an operation throws, so tests can assert on code and details. */
import { DomainError } from '@ketenregie/core';

/** Runs `fn` and returns the DomainError it throws; fails when it throws something else or nothing. */
export async function domainError(fn: () => Promise<unknown>): Promise<DomainError> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DomainError');
}
