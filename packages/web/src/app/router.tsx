/**
 * The routes of the app. Chain pages share one layout that loads the chain once and hands it to
 * the page through the outlet context.
 */
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout/app-layout.tsx';
import { ChainCreateRoute } from './routes/chain-create-route.tsx';
import { ChainEditRoute } from './routes/chain-edit-route.tsx';
import { ChainLayoutRoute } from './routes/chain-layout-route.tsx';
import { ChainLinksRoute } from './routes/chain-links-route.tsx';
import { ChainListRoute } from './routes/chain-list-route.tsx';
import { ChainOverviewRoute } from './routes/chain-overview-route.tsx';
import { ChainPartnersRoute } from './routes/chain-partners-route.tsx';
import { NotFoundRoute } from './routes/not-found-route.tsx';
import { TemplateRoute } from './routes/template-route.tsx';

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <ChainListRoute /> },
      { path: 'chains', element: <ChainListRoute /> },
      { path: 'chains/new', element: <ChainCreateRoute /> },
      { path: 'chains/from-template', element: <TemplateRoute /> },
      {
        path: 'chains/:chainRef',
        element: <ChainLayoutRoute />,
        children: [
          { index: true, element: <ChainOverviewRoute /> },
          { path: 'edit', element: <ChainEditRoute /> },
          { path: 'partners', element: <ChainPartnersRoute /> },
          { path: 'links', element: <ChainLinksRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

/** Renders the page that matches the address. */
export function AppRouter() {
  return <RouterProvider router={router} />;
}
