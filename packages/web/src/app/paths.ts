/**
 * Web addresses of the app's pages, in one place so links and routes agree.
 */
export const paths = {
  home: '/',
  newChain: '/chains/new',
  fromTemplate: '/chains/from-template',
  chain: (chainRef: string) => `/chains/${encodeURIComponent(chainRef)}`,
  editChain: (chainRef: string) => `/chains/${encodeURIComponent(chainRef)}/edit`,
  partners: (chainRef: string) => `/chains/${encodeURIComponent(chainRef)}/partners`,
  links: (chainRef: string) => `/chains/${encodeURIComponent(chainRef)}/links`,
};
