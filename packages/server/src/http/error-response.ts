/**
 * The one error shape of the HTTP API, `{ error: { code, message, details } }`, and the map from
 * each error code to its HTTP status, which the compiler checks for completeness.
 */
import { ERROR_CODES, type ErrorCode, type ErrorDetail } from '@ketenregie/core';
import { z } from 'zod';

/** HTTP status of every error code. */
export const STATUS_OF_ERROR = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;

/** A status that one of the error codes maps to. */
export type ErrorStatus = (typeof STATUS_OF_ERROR)[ErrorCode];

/** Body of every failed request. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.array(
        z.object({
          path: z
            .string()
            .describe('Dotted path of the offending field, e.g. `partners.0.name`; empty for the whole input'),
          message: z.string(),
          file: z.string().optional(),
          line: z.number().int().optional(),
        }),
      ),
    }),
  })
  .describe('Error');
/** See {@link errorResponseSchema}. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Builds an error body. */
export function errorBody(code: ErrorCode, message: string, details: readonly ErrorDetail[] = []): ErrorResponse {
  return {
    error: {
      code,
      message,
      details: details.map((d) => ({
        path: d.path,
        message: d.message,
        ...(d.file === undefined ? {} : { file: d.file }),
        ...(d.line === undefined ? {} : { line: d.line }),
      })),
    },
  };
}

/** Response schemas for the given error statuses, to list them in a route's OpenAPI description. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchema])) as Record<
    S,
    typeof errorResponseSchema
  >;
}
