/**
 * The NL / EN switch in the header: two toggle buttons, each naming its language in that language.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage } from '../../i18n/i18n.ts';

/** Switches the interface language; the choice is remembered by i18n set-up. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.language);
  return (
    <div role="group" aria-label={t('language.label')} style={{ display: 'flex' }} data-testid="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          className="kr-lang-button"
          lang={language}
          aria-pressed={current === language}
          title={t(`language.${language}`, { lng: language })}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {language.toUpperCase()}
          <span className="kr-sr-only"> {t(`language.${language}`, { lng: language })}</span>
        </button>
      ))}
    </div>
  );
}
