/** The base URL of links the server hands out (invitations, the set-up link). */
import type { FastifyRequest } from 'fastify';
import type { AuthSettings } from '../auth/auth-settings.ts';

/** The configured public URL, else the scheme and host of the request. */
export function publicBaseUrl(request: FastifyRequest, settings: Pick<AuthSettings, 'publicUrl'>): string {
  return settings.publicUrl ?? `${request.protocol}://${request.host}`;
}
