/**
 * Collects the problems of one file for an all-or-nothing import: the first
 * {@link MAX_REPORTED_PROBLEMS} are kept and reading stops there; afterwards {@link ProblemList.throwIfAny}
 * rejects the whole file with one `DomainError('validation_failed')` that lists them.
 */
import { MAX_REPORTED_PROBLEMS } from '@ketenregie/core/flow';
import { DomainError, type ErrorDetail } from '@ketenregie/core/errors';

/** The problems found in one file. */
export class ProblemList {
  private readonly problems: ErrorDetail[] = [];

  constructor(private readonly fileName: string) {}

  /** Whether any problem was found. */
  get isEmpty(): boolean {
    return this.problems.length === 0;
  }

  /** Records a problem at `line` (0 when unknown) and `path`; throws once the list is full. */
  add(line: number, path: string, message: string): void {
    this.problems.push(
      line > 0 ? { file: this.fileName, line, path, message } : { file: this.fileName, path, message },
    );
    if (this.problems.length >= MAX_REPORTED_PROBLEMS) this.throwIfAny();
  }

  /** Throws the `DomainError` listing the problems, if there are any. */
  throwIfAny(): void {
    const count = this.problems.length;
    if (count === 0) return;
    const first = this.problems[0]!;
    const summary =
      count >= MAX_REPORTED_PROBLEMS
        ? `at least ${MAX_REPORTED_PROBLEMS} problems, the first ${MAX_REPORTED_PROBLEMS} are listed`
        : `${count} problem${count === 1 ? '' : 's'}`;
    const where = first.line === undefined ? (first.path === '' ? '' : ` at ${first.path}`) : ` at line ${first.line}`;
    throw new DomainError(
      'validation_failed',
      `${this.fileName} was not read (${summary}); the first${where}: ${first.message}`,
      [...this.problems],
    );
  }
}
