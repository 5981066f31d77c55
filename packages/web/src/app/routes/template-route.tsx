/**
 * Page "Vanuit sjabloon": the templates; creating a chain from one opens its overview.
 */
import { SimpleGrid, Skeleton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePageTitle } from '../../components/page-title.ts';
import { useTemplates } from '../../features/templates/api/find-templates.ts';
import { TemplateGallery } from '../../features/templates/components/template-gallery.tsx';
import { paths } from '../paths.ts';

/** The template page. */
export function TemplateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  usePageTitle(t('templates.title'));
  const templates = useTemplates();

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        breadcrumbs={[{ label: t('nav.chains'), to: paths.home }, { label: t('chainList.fromTemplate') }]}
        description={t('templates.intro')}
      />
      {templates.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" aria-busy="true">
          <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
          {[1, 2, 3].map((key) => (
            <Skeleton key={key} height={200} radius="md" />
          ))}
        </SimpleGrid>
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} retrying={templates.isFetching} />
      ) : (
        <TemplateGallery
          templates={templates.data}
          onCreated={(detail) => void navigate(paths.chain(detail.chain.slug))}
        />
      )}
    </>
  );
}
