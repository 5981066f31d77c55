/**
 * Page "Ketenpartners" of a chain: add, edit and delete partners.
 */
import { PartnerEditor } from '../../features/partners/components/partner-editor.tsx';
import { useChainContext } from './chain-context.ts';

/** The partner management page. */
export function ChainPartnersRoute() {
  const { detail, reload } = useChainContext();
  return <PartnerEditor detail={detail} onReload={reload} />;
}
