/**
 * Page "Primair proces" of a chain: add, edit, reorder and delete links.
 */
import { LinkEditor } from '../../features/links/components/link-editor.tsx';
import { paths } from '../paths.ts';
import { useChainContext } from './chain-context.ts';

/** The link management page. */
export function ChainLinksRoute() {
  const { detail, chainRef, reload } = useChainContext();
  return <LinkEditor detail={detail} onReload={reload} partnersPath={paths.partners(chainRef)} />;
}
