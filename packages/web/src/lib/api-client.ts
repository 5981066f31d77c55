/**
 * The one way the web app talks to the Ketenregie API. Every failure becomes an `ApiError` with a
 * code from core's closed `ErrorCode` union (plus `network` and `invalid_response`, which only a
 * client can observe), so screens decide what to show by code, never by parsing text.
 */
import { ERROR_CODES, type ErrorCode } from '@ketenregie/core';
import { z } from 'zod';

/** Everything a call can fail with: the server's codes and the two the browser adds. */
export type ApiErrorCode = ErrorCode | 'network' | 'invalid_response';

/** One problem with one field, as the API names it (`details[].path`, dotted). */
export interface ApiErrorDetail {
  readonly path: string;
  readonly message: string;
}

/** A failed API call. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  /** HTTP status, 0 when the server could not be reached. */
  readonly status: number;
  readonly details: readonly ApiErrorDetail[];

  constructor(code: ApiErrorCode, status: number, message: string, details: readonly ApiErrorDetail[] = []) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** True when `error` is an `ApiError`, optionally with the given code. */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** The API's one error shape: `{ error: { code, message, details: [{ path, message }] } }`. */
const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().default(''),
    details: z
      .array(z.object({ path: z.union([z.string(), z.array(z.union([z.string(), z.number()]))]), message: z.string() }))
      .default([]),
  }),
});

function toErrorCode(code: string, status: number): ErrorCode {
  const known = ERROR_CODES.find((candidate) => candidate === code);
  if (known) return known;
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400) return 'validation_failed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  if (status === 413) return 'payload_too_large';
  if (status === 503) return 'unavailable';
  return 'internal';
}

/** Turns a non-2xx response into an `ApiError`, tolerating bodies that are not the error shape. */
async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) {
    return new ApiError(toErrorCode('', response.status), response.status, response.statusText);
  }
  const { code, message, details } = parsed.data.error;
  return new ApiError(
    toErrorCode(code, response.status),
    response.status,
    message,
    details.map((detail) => ({
      path: Array.isArray(detail.path) ? detail.path.join('.') : detail.path,
      message: detail.message,
    })),
  );
}

/** Options of one API call without an answer body (deletes). */
export interface ApiCommandOptions {
  /** JSON body, for POST, PUT and PATCH. */
  readonly body?: unknown;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly signal?: AbortSignal;
}

/** Options of one API call whose answer is JSON. */
export interface ApiRequestOptions<T> extends ApiCommandOptions {
  /** Schema the answer must satisfy. */
  readonly schema: z.ZodType<T>;
}

/** Base path of the versioned API. */
export const API_BASE = '/api/v1';

/** Sends one request; throws `ApiError` for an unreachable server or a non-2xx status. */
async function send(method: string, path: string, options: ApiCommandOptions): Promise<Response> {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) search.set(name, String(value));
  }
  const url = `${API_BASE}${path}${search.size > 0 ? `?${search.toString()}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('network', 0, error instanceof Error ? error.message : 'network error');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

/**
 * Calls the API and returns the answer validated by `schema`. Throws `ApiError` for every
 * failure, including an answer that does not fit the schema (`invalid_response`).
 */
export async function apiRequest<T>(method: string, path: string, options: ApiRequestOptions<T>): Promise<T> {
  const response = await send(method, path, options);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError('invalid_response', response.status, 'the answer is not JSON');
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      'invalid_response',
      response.status,
      'the answer does not match the API contract',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}

/** Calls the API for an operation that answers without a body (204), such as a delete. */
export async function apiCommand(method: string, path: string, options: ApiCommandOptions = {}): Promise<void> {
  await send(method, path, options);
}

/** Encodes one path segment (an id or a slug). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
