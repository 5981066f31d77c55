/** Every route of the HTTP API, registered in one place. */
import type { AppContext } from '../services/app-context.ts';
import type { ApiInstance } from './api-instance.ts';
import { registerCreateChain } from './chains/create-chain.ts';
import { registerDeleteChain } from './chains/delete-chain.ts';
import { registerGetChainModel } from './chains/get-chain-model.ts';
import { registerGetChain } from './chains/get-chain.ts';
import { registerImportChainModel } from './chains/import-chain-model.ts';
import { registerListChains } from './chains/list-chains.ts';
import { registerUpdateChain } from './chains/update-chain.ts';
import { registerGetHealth } from './health/get-health.ts';
import { registerCreateLink } from './links/create-link.ts';
import { registerDeleteLink } from './links/delete-link.ts';
import { registerReorderLinks } from './links/reorder-links.ts';
import { registerUpdateLink } from './links/update-link.ts';
import { registerCreatePartner } from './partners/create-partner.ts';
import { registerDeletePartner } from './partners/delete-partner.ts';
import { registerUpdatePartner } from './partners/update-partner.ts';
import { registerCreateChainFromTemplate } from './templates/create-chain-from-template.ts';
import { registerListTemplates } from './templates/list-templates.ts';

/** Registers the health check and the `/api/v1` routes. */
export function registerRoutes(app: ApiInstance, ctx: AppContext): void {
  registerGetHealth(app, ctx);
  registerListChains(app, ctx);
  registerCreateChain(app, ctx);
  registerGetChain(app, ctx);
  registerUpdateChain(app, ctx);
  registerDeleteChain(app, ctx);
  registerGetChainModel(app, ctx);
  registerImportChainModel(app, ctx);
  registerCreatePartner(app, ctx);
  registerUpdatePartner(app, ctx);
  registerDeletePartner(app, ctx);
  registerCreateLink(app, ctx);
  registerUpdateLink(app, ctx);
  registerDeleteLink(app, ctx);
  registerReorderLinks(app, ctx);
  registerListTemplates(app, ctx);
  registerCreateChainFromTemplate(app, ctx);
}
