/**
 * Page "Overzicht" of a chain.
 */
import { ChainOverview } from '../../features/chains/components/chain-overview.tsx';
import { paths } from '../paths.ts';
import { useChainContext } from './chain-context.ts';

/** The chain overview page. */
export function ChainOverviewRoute() {
  const { detail, chainRef } = useChainContext();
  return <ChainOverview detail={detail} partnersPath={paths.partners(chainRef)} linksPath={paths.links(chainRef)} />;
}
