/** @ketenregie/cli — the `ketenregie` command, importable for tests. */
export { createProgram, type ProgramIo } from './program.ts';
export { reportError } from './report-error.ts';
export { parseModelFile } from './parse-model-file.ts';
