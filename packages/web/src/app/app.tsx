/**
 * The root component: providers around the router.
 */
import { AppProvider } from './provider.tsx';
import { AppRouter } from './router.tsx';

/** The whole app. */
export function App() {
  return (
    <AppProvider>
      <AppRouter />
    </AppProvider>
  );
}
