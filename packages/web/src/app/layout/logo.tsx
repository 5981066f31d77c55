/**
 * The Ketenregie mark: two interlocking chain links. Decorative; the product name is next to it.
 */
export function Logo() {
  return (
    <svg width="36" height="36" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#ffffff" />
      <g fill="none" stroke="#154273" strokeWidth="2.6" strokeLinecap="round">
        <rect x="4.5" y="11" width="12.5" height="10" rx="5" />
        <rect x="15" y="11" width="12.5" height="10" rx="5" />
      </g>
    </svg>
  );
}
