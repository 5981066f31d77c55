/**
 * Turns errors and field messages into text in the current language.
 */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';
import type { FieldErrors, FieldMessage } from './form.ts';

/** One sentence for any error a screen can meet. */
export function errorText(error: unknown, t: TFunction): string {
  if (isApiError(error)) return t(`errors.${error.code}`);
  return t('errors.internal');
}

/** The text of one field message. */
export function fieldMessageText(message: FieldMessage, t: TFunction): string {
  if (message.key === undefined) return message.text;
  return message.count === undefined
    ? t(`validation.${message.key}`)
    : t(`validation.${message.key}`, { count: message.count });
}

/** Returns a function giving the text of a field's message, or undefined when it has none. */
export function useFieldErrorText(errors: FieldErrors): (field: string) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (field: string) => {
      const message = errors[field];
      return message ? fieldMessageText(message, t) : undefined;
    },
    [errors, t],
  );
}
