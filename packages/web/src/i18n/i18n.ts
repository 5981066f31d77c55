/**
 * i18next set-up: Dutch by default, English on request. The chosen language is remembered in
 * localStorage and mirrored on `<html lang>` so that assistive technology pronounces it right.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { nl } from './nl.ts';

/** Languages the interface speaks; the first is the default. */
export const LANGUAGES = ['nl', 'en'] as const;
/** A language of the interface. */
export type Language = (typeof LANGUAGES)[number];

/** localStorage key of the chosen language. */
export const LANGUAGE_STORAGE_KEY = 'ketenregie.language';

/** Narrows any string (an i18next language tag) to a supported language, Dutch when unknown. */
export function toLanguage(value: string | null | undefined): Language {
  const base = value?.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base) ?? 'nl';
}

function readStoredLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return 'nl';
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for this page only.
  }
}

/** Initialises i18next once; call before rendering the app. */
export async function initI18n(): Promise<typeof i18next> {
  const language = readStoredLanguage();
  i18next.on('languageChanged', (lng) => applyLanguage(toLanguage(lng)));
  await i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyLanguage(language);
  return i18next;
}
