/**
 * The 404 page for any address the app does not know.
 */
import { useTranslation } from 'react-i18next';
import { NotFound } from '../../components/not-found.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { paths } from '../paths.ts';

/** Page shown for unknown addresses. */
export function NotFoundRoute() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return <NotFound title={t('notFound.title')} body={t('notFound.body')} backTo={paths.home} />;
}
