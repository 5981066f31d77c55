/**
 * Turns every failure into the one error shape: a `DomainError` keeps its code; schema validation
 * errors become `validation_failed` with a detail per field; fastify's own client errors (bad JSON,
 * too large) get the matching code; anything else is logged and answered as a bare `internal`
 * error, with no stack or internal message in the body.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type ErrorCode, type ErrorDetail } from '@ketenregie/core';
import { SIGN_IN_LIMITS } from '../auth/auth-settings.ts';
import { STATUS_OF_ERROR, errorBody, type ErrorResponse } from './error-response.ts';

/** What to answer for an error. */
export interface HttpError {
  readonly status: number;
  readonly body: ErrorResponse;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  readonly unexpected: boolean;
}

interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
}

function hasValidation(error: unknown): error is { validation: ValidationIssue[]; validationContext?: string } {
  return typeof error === 'object' && error !== null && Array.isArray((error as { validation?: unknown }).validation);
}

function isFastifyError(error: unknown): error is FastifyError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    (error as { code: string }).code.startsWith('FST_') &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}

/** `/partners/0/name` → `partners.0.name`. */
function toDottedPath(instancePath: string | undefined): string {
  return (instancePath ?? '').replace(/^\//, '').split('/').filter(Boolean).join('.');
}

function make(code: ErrorCode, message: string, details: readonly ErrorDetail[] = [], unexpected = false): HttpError {
  return { status: STATUS_OF_ERROR[code], body: errorBody(code, message, details), unexpected };
}

/** Classifies an error thrown anywhere while handling a request. */
export function toHttpError(error: unknown): HttpError {
  if (isDomainError(error)) {
    return make(error.code, error.message, error.details);
  }
  if (hasValidation(error)) {
    const where = error.validationContext === 'querystring' ? 'query string' : (error.validationContext ?? 'request');
    return make(
      'validation_failed',
      `The ${where} is not valid`,
      error.validation.map((issue) => ({
        path: toDottedPath(issue.instancePath),
        message: issue.message ?? 'is not valid',
      })),
    );
  }
  if (isFastifyError(error)) {
    if (error.statusCode === 413) {
      return make('payload_too_large', 'The request body is larger than the server accepts');
    }
    if (error.statusCode === 404) {
      return make('not_found', 'Not found');
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return make('validation_failed', error.message);
    }
  }
  return make('internal', 'Something went wrong on the server; the error has been logged', [], true);
}

/** Fastify error handler built on {@link toHttpError}. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const http = toHttpError(error);
  if (http.unexpected) {
    request.log.error({ err: error }, 'request failed unexpectedly');
  }
  if (http.body.error.code === 'rate_limited') {
    void reply.header('retry-after', String(SIGN_IN_LIMITS.windowSeconds));
  }
  return reply.code(http.status).type('application/json; charset=utf-8').send(http.body);
}
