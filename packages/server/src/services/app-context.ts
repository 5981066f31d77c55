/** What the HTTP routes hand to the services: the database and the loaded templates. */
import type { AuthSettings } from '../auth/auth-settings.ts';
import type { Database } from '../db/database.ts';
import type { TemplateCatalog } from './template-service.ts';

/** Shared, long-lived dependencies of the services, created once per app. */
export interface AppContext {
  readonly db: Database;
  readonly templates: TemplateCatalog;
  /** Version of the server package, reported by the health check. */
  readonly version: string;
  /** Sign-in and session settings. */
  readonly auth: AuthSettings;
}
