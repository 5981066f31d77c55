/**
 * Sets the browser tab title for a page: "Ketenpartners · Acute zorg · Ketenregie".
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` from the most specific part to the least; empty parts are skipped. */
export function usePageTitle(...parts: readonly (string | undefined)[]): void {
  const { t } = useTranslation();
  const title = [...parts.filter((part): part is string => Boolean(part)), t('app.titleSuffix')].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
