/** Schemas of the import API: the column mapping, the upload's query string and an import record. */
import { TIME_ZONE_RULES } from '@ketenregie/core/flow';
import { z } from 'zod';
import { EVENT_LOG_FORMATS } from '../../importers/read-event-log-file.ts';

const columnName = z.string().trim().min(1).max(200);

/**
 * How to read a partner's files: which CSV columns hold what, how times without a zone are read,
 * and which columns identify people. Stored per partner and offered again on the next upload.
 *
 * The case column is always pseudonymised (unless the file was pseudonymised already with
 * `ketenregie pseudonymise`); `identifyingColumns` adds the resource column when it names people.
 * Columns that are not mapped are never read, so they are never stored either.
 */
export const importMappingSchema = z
  .object({
    caseColumn: columnName.default('case_id'),
    activityColumn: columnName.default('activity'),
    timestampColumn: columnName.default('timestamp').describe('Completion time of the event'),
    startTimestampColumn: columnName
      .nullable()
      .default(null)
      .describe('Start time of the event; null reads the column start_timestamp when present'),
    resourceColumn: columnName.nullable().default(null).describe('null reads the column resource when present'),
    partnerColumn: columnName
      .nullable()
      .default(null)
      .describe(
        'Partner (key or name) per event, for chain-wide files; null reads the column partner when present, else every event belongs to the delivering partner',
      ),
    delimiter: z
      .enum([',', ';', '\t'])
      .nullable()
      .default(null)
      .describe('CSV delimiter; null sniffs it from the header'),
    timeZone: z
      .enum(TIME_ZONE_RULES)
      .default('Europe/Amsterdam')
      .describe('How to read times without a zone; wall-clock ignores every zone offset'),
    objectType: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .nullable()
      .default(null)
      .describe('OCEL: the object type whose objects are the cases; null takes the type related to the most events'),
    identifyingColumns: z
      .array(columnName)
      .max(50)
      .default([])
      .describe(
        'Further columns that identify people and are pseudonymised (the resource column); the case column always is',
      ),
    identifiersPseudonymised: z
      .boolean()
      .default(false)
      .describe('The case ids are pseudonyms made with this chain’s key already (ketenregie pseudonymise)'),
  })
  .describe('ImportMapping');

/** See {@link importMappingSchema}. */
export type ImportMapping = z.output<typeof importMappingSchema>;

/** A partial mapping as a request gives it; missing fields come from the remembered mapping or the defaults. */
export type ImportMappingInput = z.input<typeof importMappingSchema>;

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');

const DELIMITER_NAMES = { ',': ',', comma: ',', ';': ';', semicolon: ';', tab: '\t', '\t': '\t' } as const;

/** The query string of an upload: where the file goes and, optionally, how to read it. */
export const importQuerySchema = z.object({
  format: z.enum(EVENT_LOG_FORMATS).optional().describe('csv, xes or ocel; from the file name when absent'),
  partnerId: z.string().optional().describe('The partner that delivered the file'),
  fileName: z.string().trim().min(1).max(255).default('upload').describe('Name of the file, for the history'),
  caseColumn: columnName.optional(),
  activityColumn: columnName.optional(),
  timestampColumn: columnName.optional(),
  startTimestampColumn: columnName.optional(),
  resourceColumn: columnName.optional(),
  partnerColumn: columnName.optional(),
  delimiter: z
    .enum(Object.keys(DELIMITER_NAMES) as [keyof typeof DELIMITER_NAMES, ...(keyof typeof DELIMITER_NAMES)[]])
    .transform((name) => DELIMITER_NAMES[name])
    .optional()
    .describe('comma, semicolon or tab'),
  timeZone: z.enum(TIME_ZONE_RULES).optional(),
  objectType: z.string().trim().min(1).max(200).optional(),
  identifyingColumns: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    )
    .optional()
    .describe('Comma-separated'),
  identifiersPseudonymised: booleanText.optional(),
  pseudonymKeyVersion: z
    .string()
    .regex(/^[1-9]\d{0,5}$/)
    .transform(Number)
    .optional()
    .describe('With identifiersPseudonymised: the key version the partner used (from its key file)'),
  rememberMapping: booleanText.default(true).describe('Store the mapping as the partner’s default'),
});

/** See {@link importQuerySchema}. */
export type ImportQuery = z.output<typeof importQuerySchema>;

/** The partner an import or a figure belongs to. */
export const partnerRefSchema = z.object({ id: z.string(), key: z.string(), name: z.string() }).describe('PartnerRef');

/** One import in the history. */
export const flowImportSchema = z
  .object({
    id: z.string(),
    partner: partnerRefSchema.nullable().describe('The partner that delivered the file; null for the demo'),
    source: z.enum(['demo', 'csv', 'xes', 'ocel']),
    fileName: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string().nullable().describe('E-mail address, API token name, or "cli"'),
    eventCount: z.number().int().describe('Events stored'),
    caseCount: z.number().int(),
    duplicatesSkipped: z.number().int().describe('Events of the file that were stored already'),
    keyVersion: z.number().int().nullable().describe('Version of the pseudonymisation key'),
    fileBytes: z.number().int().nullable(),
    timeZone: z.string().nullable(),
  })
  .describe('FlowImport');

/** See {@link flowImportSchema}. */
export type FlowImport = z.infer<typeof flowImportSchema>;

/** The answer to an upload: the new import and remarks worth telling the user. */
export const createdFlowImportSchema = flowImportSchema
  .extend({ notes: z.array(z.string()).describe('E.g. which OCEL object type was used as the case') })
  .describe('CreatedFlowImport');

/** See {@link createdFlowImportSchema}. */
export type CreatedFlowImport = z.infer<typeof createdFlowImportSchema>;
