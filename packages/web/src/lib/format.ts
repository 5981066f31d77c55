/**
 * Formatting of dates, counts and norm durations in the current language. Durations are shown in
 * the largest whole unit (days, hours, minutes) so a norm reads as people say it ("≤ 4 uur").
 */
import type { TFunction } from 'i18next';

/** Locale used by `Intl` for a language of the interface. */
export function intlLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'nl-NL';
}

/** A date as "3 nov. 2026". */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric' }).format(
    date,
  );
}

/** A date and time as "3 nov. 2026 14:05". */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** A whole number with the language's thousands separator. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/** Units in which a norm can be entered and shown, with their size in minutes. */
export const DURATION_UNITS = { days: 24 * 60, hours: 60, minutes: 1 } as const;
/** A unit of {@link DURATION_UNITS}. */
export type DurationUnit = keyof typeof DURATION_UNITS;

/** Splits minutes into the largest unit that divides them: 120 → 2 hours, 90 → 90 minutes. */
export function splitMinutes(minutes: number): { amount: number; unit: DurationUnit } {
  if (minutes >= DURATION_UNITS.days && minutes % DURATION_UNITS.days === 0) {
    return { amount: minutes / DURATION_UNITS.days, unit: 'days' };
  }
  if (minutes >= 2 * DURATION_UNITS.hours && minutes % DURATION_UNITS.hours === 0) {
    return { amount: minutes / DURATION_UNITS.hours, unit: 'hours' };
  }
  return { amount: minutes, unit: 'minutes' };
}

/** A duration in minutes as text: "60 min", "4 uur", "2 dagen". */
export function formatDuration(minutes: number, t: TFunction): string {
  const { amount, unit } = splitMinutes(minutes);
  switch (unit) {
    case 'days':
      return t('norm.days', { count: amount });
    case 'hours':
      return t('norm.hours', { count: amount });
    case 'minutes':
      return t('norm.minutes', { count: amount });
  }
}
