/** Runs the `ketenregie` command with the process's arguments. */
import { createProgram } from './program.ts';
import { reportError } from './report-error.ts';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}
