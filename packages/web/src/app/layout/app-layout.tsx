/**
 * The shell around every page: a skip link, the header with product name, navigation and language
 * switch, the main landmark and a footer. After navigating, focus moves to the new page's heading
 * so screen reader users hear where they are.
 */
import { AppShell, Container, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../paths.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { Logo } from './logo.tsx';

/** Moves focus to the page heading (or main) whenever the path changes, but not on first load. */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const frame = window.requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main [data-page-heading]');
      (heading ?? document.getElementById('main-content'))?.focus();
    });
    return () => window.cancelAnimationFrame(frame);
  }, [pathname]);
}

/** Layout of every page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useFocusOnNavigation();
  return (
    <>
      <a href="#main-content" className="kr-skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell header={{ height: 68 }} padding={0} withBorder={false}>
        <AppShell.Header className="kr-header" component="header">
          <Container size="xl" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
              <Group gap="xl" wrap="nowrap">
                <Link to={paths.home} style={{ color: 'inherit', textDecoration: 'none' }}>
                  <Group gap={10} wrap="nowrap">
                    <Logo />
                    <div>
                      <Text fw={700} fz={20} lh={1.1} c="white">
                        {t('app.name')}
                      </Text>
                      <Text fz={12} lh={1.2} c="#dbe5f1" visibleFrom="sm">
                        {t('app.tagline')}
                      </Text>
                    </div>
                  </Group>
                </Link>
                <nav aria-label={t('app.mainNavigation')}>
                  <Link
                    to={paths.home}
                    className="kr-header-link"
                    style={{ display: 'inline-block' }}
                    aria-current={pathname === paths.home || pathname === '/chains' ? 'page' : undefined}
                    data-active={pathname === paths.home || pathname.startsWith('/chains') || undefined}
                  >
                    {t('nav.chains')}
                  </Link>
                </nav>
              </Group>
              <LanguageSwitch />
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main id="main-content" tabIndex={-1} className="kr-main">
          <Container size="xl" py="xl">
            <Outlet />
          </Container>
        </AppShell.Main>
        <footer>
          <Container size="xl" pb="xl">
            <Text fz="sm" c="dimmed" style={{ borderTop: '1px solid var(--kr-border)' }} pt="md">
              {t('app.footer')}
            </Text>
          </Container>
        </footer>
      </AppShell>
    </>
  );
}
