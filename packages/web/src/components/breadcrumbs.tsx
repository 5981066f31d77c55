/**
 * Breadcrumbs inside a labelled navigation landmark; the last crumb is the current page.
 */
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One crumb; without `to` it is the current page. */
export interface Crumb {
  readonly label: string;
  readonly to?: string;
}

/** The trail from the chain list to the current page. */
export function AppBreadcrumbs({ items }: { readonly items: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('app.breadcrumbs')}>
      <Breadcrumbs separator="›" separatorMargin={6} fz="sm">
        {items.map((item) =>
          item.to ? (
            <Anchor key={item.label} component={Link} to={item.to} fz="sm">
              {item.label}
            </Anchor>
          ) : (
            <Text key={item.label} fz="sm" aria-current="page" c="dimmed">
              {item.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}
