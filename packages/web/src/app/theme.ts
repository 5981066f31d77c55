/**
 * The Mantine theme of Ketenregie: a calm public-sector look around a dark "lint" blue, with
 * text colours chosen for a contrast of at least 4.5:1 on white and on the light grey page
 * background (Mantine's default dimmed and placeholder greys do not reach that).
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Dark blue of the header and primary actions; shade 8 is the brand colour #154273. */
const ketenblauw: MantineColorsTuple = [
  '#eef3f9',
  '#dae4f0',
  '#b3c7df',
  '#89a8cc',
  '#6690bd',
  '#4c7eb3',
  '#3a6ba1',
  '#2a5687',
  '#154273',
  '#0d2e52',
];

/** Text grey for secondary text: #4b5563 is 7.6:1 on white, 7.0:1 on the page background. */
const TEXT_SECONDARY = '#4b5563';
/** Placeholder grey: #646d79 is 5.3:1 on white. */
const TEXT_PLACEHOLDER = '#646d79';

/** Source Sans 3 ships with the app (self-hosted), so the product looks the same on every machine. */
const FONT_FAMILY =
  '"Source Sans 3 Variable", "Source Sans 3", "Segoe UI", system-ui, -apple-system, Roboto, Arial, sans-serif';

/** The Mantine theme: brand colours, type scale and component defaults. */
export const theme = createTheme({
  primaryColor: 'ketenblauw',
  primaryShade: { light: 8, dark: 4 },
  colors: { ketenblauw },
  fontFamily: FONT_FAMILY,
  headings: {
    fontFamily: FONT_FAMILY,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '2.125rem', lineHeight: '1.2' },
      h2: { fontSize: '1.5rem', lineHeight: '1.3' },
      h3: { fontSize: '1.1875rem', lineHeight: '1.35' },
    },
  },
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1.0625rem', lg: '1.1875rem', xl: '1.3125rem' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Modal: {
      defaultProps: { radius: 'md', centered: false, size: 'lg' },
      styles: { title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-xl)' } },
    },
  },
});

/** Overrides of Mantine's CSS variables for contrast and the error colour. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': TEXT_SECONDARY,
    '--mantine-color-placeholder': TEXT_PLACEHOLDER,
    '--mantine-color-error': '#b3261e',
    '--mantine-color-body': '#ffffff',
    '--mantine-color-anchor': ketenblauw[7],
  },
  dark: {},
});
