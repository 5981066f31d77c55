/**
 * Form state with validation by core's zod schemas and by the server. Messages are stored as
 * translation keys (not text), so they follow a language switch while they are on screen.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { isApiError, type ApiErrorDetail } from './api-client.ts';

/** Validation messages the interface knows, keys of `validation.*` in the i18n resources. */
export type ValidationKey =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'chooseAtLeast'
  | 'tooMany'
  | 'numberMin'
  | 'numberMax'
  | 'number'
  | 'integer'
  | 'slug'
  | 'choice'
  | 'duplicate'
  | 'partnersRequired'
  | 'rolesRequired'
  | 'normTooLong'
  | 'invalid'
  | 'slugTaken'
  | 'keyTaken'
  | 'normNeedsStart';

/** A message next to a field: a translated validation message or the server's own text. */
export type FieldMessage =
  { readonly key: ValidationKey; readonly count?: number } | { readonly text: string; readonly key?: undefined };

/** Messages by field name. */
export type FieldErrors = Readonly<Record<string, FieldMessage | undefined>>;

/** Translates one zod issue into a message; `field` picks wordings that only fit one field. */
export function messageForIssue(issue: z.core.$ZodIssue, field: string): FieldMessage {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'array') {
        if (field === 'partnerIds') return { key: 'partnersRequired' };
        if (field === 'roles') return { key: 'rolesRequired' };
        return { key: 'chooseAtLeast', count: minimum };
      }
      if (issue.origin === 'string') return minimum <= 1 ? { key: 'required' } : { key: 'tooShort', count: minimum };
      return { key: 'numberMin', count: minimum };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'array') return { key: 'tooMany', count: maximum };
      if (issue.origin === 'string') return { key: 'tooLong', count: maximum };
      if (field === 'normAmount') return { key: 'normTooLong' };
      return { key: 'numberMax', count: maximum };
    }
    case 'invalid_format':
      return issue.format === 'regex' ? { key: 'slug' } : { key: 'invalid' };
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'integer' };
      if (issue.expected === 'number') return { key: 'number' };
      return { key: 'required' };
    case 'invalid_value':
      return { key: 'choice' };
    case 'custom':
      return { key: 'duplicate' };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return { key: 'invalid' };
  }
}

/**
 * The form field a problem belongs to: the longest field name that is the problem's path or a
 * prefix of it (`partnerIds.2` → `partnerIds`), after `aliases` have renamed the path.
 */
export function fieldForPath(
  path: string,
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  const renamed = Object.entries(aliases).reduce(
    (current, [from, to]) =>
      current === from || current.startsWith(`${from}.`) ? to + current.slice(from.length) : current,
    path,
  );
  return [...fields]
    .sort((a, b) => b.length - a.length)
    .find((field) => renamed === field || renamed.startsWith(`${field}.`));
}

/** Result of validating form input with a schema. */
export type ValidationResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly errors: FieldErrors };

/** The value at `path` inside `input`, or undefined. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** True when the issue is about a field left empty: an empty text, or a number not entered (NaN). */
function isEmptyInput(issue: z.core.$ZodIssue, value: unknown): boolean {
  if (issue.code === 'too_small' && issue.origin === 'string') return value === '';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return Number.isNaN(value);
  return false;
}

/** How a form names its fields for {@link validateWith} and {@link errorsFromDetails}. */
export interface FieldOptions {
  /** Renames issue paths before matching (`{ norm: 'normAmount' }`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Fields where a missing value means "choose one" rather than "fill in" (selects, radios). */
  readonly choiceFields?: readonly string[];
}

/** Validates `input` with `schema` and files each issue under the field it belongs to. */
export function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  fields: readonly string[],
  options: FieldOptions = {},
): ValidationResult<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, FieldMessage> = {};
  for (const issue of result.error.issues) {
    const field = fieldForPath(issue.path.map(String).join('.'), fields, options.aliases) ?? '';
    if (field in errors) continue;
    if (issue.code === 'invalid_type' && options.choiceFields?.includes(field)) {
      errors[field] = { key: 'choice' };
    } else if (isEmptyInput(issue, valueAt(input, issue.path))) {
      errors[field] = { key: 'required' };
    } else {
      errors[field] = messageForIssue(issue, field);
    }
  }
  return { ok: false, errors };
}

/** Files the server's `details` under the form's fields; those that fit no field are returned apart. */
export function errorsFromDetails(
  details: readonly ApiErrorDetail[],
  fields: readonly string[],
  options: FieldOptions = {},
): { errors: FieldErrors; unmatched: string[] } {
  const errors: Record<string, FieldMessage> = {};
  const unmatched: string[] = [];
  for (const detail of details) {
    const field = fieldForPath(detail.path, fields, options.aliases);
    if (field === undefined) unmatched.push(detail.message);
    else if (!(field in errors)) errors[field] = { text: detail.message };
  }
  return { errors, unmatched };
}

/** State of a form: values, messages per field, and a way to move focus to the first problem. */
export interface FormState<V> {
  readonly values: V;
  readonly errors: FieldErrors;
  /** Sets one field and clears its message. */
  setField: <K extends keyof V>(name: K, value: V[K]) => void;
  /** Replaces all values and clears all messages (after loading a newer version). */
  reset: (values: V) => void;
  /** Shows messages and focuses the first invalid field. */
  showErrors: (errors: FieldErrors) => void;
  /** Give this `id` to the `<form>` element; focus moves within it. */
  formId: string;
}

/** Keeps the values and messages of one form. */
export function useForm<V extends object>(initial: V): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [focusRequest, setFocusRequest] = useState(0);
  const formId = useId();

  useEffect(() => {
    if (focusRequest === 0) return;
    const form = document.getElementById(formId);
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-form-alert]') ??
      null;
    target?.focus();
  }, [focusRequest, formId]);

  const setField = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[String(name)] ? { ...current, [String(name)]: undefined } : current));
  }, []);

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
  }, []);

  const showErrors = useCallback((next: FieldErrors) => {
    setErrors(next);
    setFocusRequest((count) => count + 1);
  }, []);

  return { values, errors, setField, reset, showErrors, formId };
}

/** Why a submit failed, as far as the form needs to know. */
export type SubmitProblem =
  | { readonly kind: 'conflict' }
  | { readonly kind: 'error'; readonly error: unknown; readonly messages: readonly string[] };

/**
 * Sorts a failed submit: a version conflict asks for a reload; field problems from the server go
 * next to their fields; anything else is shown above the form with the server's other messages.
 */
export function submitProblem<V>(
  error: unknown,
  form: Pick<FormState<V>, 'showErrors'>,
  fields: readonly string[],
  options: FieldOptions = {},
): SubmitProblem {
  if (isApiError(error, 'version_conflict')) return { kind: 'conflict' };
  if (isApiError(error) && (error.code === 'validation_failed' || error.code === 'conflict')) {
    const { errors, unmatched } = errorsFromDetails(error.details, fields, options);
    form.showErrors(errors);
    return { kind: 'error', error, messages: unmatched };
  }
  form.showErrors({});
  return { kind: 'error', error, messages: [] };
}
