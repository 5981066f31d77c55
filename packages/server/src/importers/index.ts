/** Importers: streaming readers that turn event-log files (CSV, XES, OCEL) into core's columnar log. */
export * from './problem-list.ts';
export * from './read-file-chunks.ts';
export * from './read-csv-file.ts';
export * from './read-xes-file.ts';
export * from './read-ocel-file.ts';
export * from './read-event-log-file.ts';
export * from './pseudonymise-identifier.ts';
export * from './pseudonymise-csv.ts';
