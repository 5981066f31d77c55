// Typed translation keys: `t('chain.overview')` is checked against the Dutch resource.
import 'i18next';
import type { nl } from './nl.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
