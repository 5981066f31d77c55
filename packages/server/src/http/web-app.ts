/**
 * Serves the built web app from `webDist`: files as they are (hashed assets cached for a year,
 * everything else revalidated), and `index.html` for any other GET that is not an API path, so
 * that the single-page app's own routes survive a reload. Without a build, such GETs get a 503
 * page telling how to build it. Unknown API paths and other methods get the JSON 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-response.ts';

const MISSING_BUILD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ketenregie: web app not built</title></head>
<body><h1>The web app has not been built yet</h1>
<p>Run <code>npm run build:web</code> in the repository and restart the server. The API is available under <code>/api</code>.</p>
</body></html>
`;

/** True for paths that belong to the API rather than to the web app. */
export function isApiPath(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  return pathname === '/api' || pathname.startsWith('/api/');
}

/** Registers static serving (when the build exists) and the not-found handler with the SPA fallback. */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const built = existsSync(path.join(webDist, 'index.html'));
  if (built) {
    // The files of the web app are public; the access layer requires every route to say so.
    await app.register(async (files) => {
      files.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: { scope: 'public' } };
      });
      await files.register(fastifyStatic, {
        root: webDist,
        prefix: '/',
        cacheControl: false,
        setHeaders(reply, filePath) {
          const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
          reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    });
  }

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?', 1)[0] ?? '';
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.url);
    const looksLikeFile = /\.[a-z0-9]+$/i.test(pathname);
    if (!isPageRequest || looksLikeFile) {
      return reply.code(404).send(errorBody('not_found', `No route ${request.method} ${pathname}`));
    }
    if (!built) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-store')
        .send(MISSING_BUILD_PAGE);
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
}
