/**
 * The HTTP application: fastify with zod schemas at the boundary, the OpenAPI description at
 * `/api/openapi.json`, one error handler, security headers and the built web app.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import packageJson from '../package.json' with { type: 'json' };
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/auth-settings.ts';
import type { AppConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { isSecureRequest, registerAccessControl } from './http/access-control.ts';
import { handleError } from './http/error-handler.ts';
import { openApiRegistry } from './http/openapi-registry.ts';
import { registerWebApp } from './http/web-app.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { loadTemplates, type TemplateCatalog } from './services/template-service.ts';

/** Version of the server package, reported by the health check and the OpenAPI description. */
export const SERVER_VERSION: string = packageJson.version;

/** Largest JSON body accepted: 1 MiB. File uploads (importers) set their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** HSTS for requests that came over HTTPS: one year. Never sent over plain HTTP (localhost). */
export const HSTS_HEADER = 'max-age=31536000';

/** The configuration {@link createApp} reads; the access settings default to {@link DEFAULT_AUTH_SETTINGS}. */
export type CreateAppConfig = Pick<AppConfig, 'logLevel' | 'webDist'> &
  Partial<Pick<AppConfig, 'demoLogin' | 'trustProxy' | 'publicUrl' | 'sessionIdleSeconds' | 'sessionMaxSeconds'>>;

/** What {@link createApp} needs. */
export interface CreateAppOptions {
  readonly db: Database;
  readonly config: CreateAppConfig;
  /** A pino-compatible logger to use, `false` for none; by default JSON logs at `config.logLevel`. */
  readonly logger?: FastifyBaseLogger | boolean;
  /** Templates to offer; loaded from the shipped directory when absent. */
  readonly templates?: TemplateCatalog;
}

/** Builds the application without listening; `app.inject` drives it in tests. */
export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const { db, config } = options;
  const loggerOptions =
    options.logger === undefined || options.logger === true
      ? { logger: { level: config.logLevel } }
      : options.logger === false
        ? { logger: false }
        : { loggerInstance: options.logger };
  const auth: AuthSettings = {
    demoLogin: config.demoLogin ?? DEFAULT_AUTH_SETTINGS.demoLogin,
    sessionIdleSeconds: config.sessionIdleSeconds ?? DEFAULT_AUTH_SETTINGS.sessionIdleSeconds,
    sessionMaxSeconds: config.sessionMaxSeconds ?? DEFAULT_AUTH_SETTINGS.sessionMaxSeconds,
    publicUrl: config.publicUrl ?? DEFAULT_AUTH_SETTINGS.publicUrl,
  };
  const app = Fastify({
    ...loggerOptions,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: toFastifyTrustProxy(config.trustProxy ?? false),
    // Deeply nested JSON is refused by the parser's own limits; keys that could pollute prototypes too.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects <style> elements at run time, so inline styles must be allowed; inline
        // scripts stay forbidden, which is what protects against injected markup.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HSTS is added below only for requests that actually came over HTTPS.
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (isSecureRequest(request)) {
      void reply.header('strict-transport-security', HSTS_HEADER);
    }
  });

  // Before the OpenAPI plugin, so the access rule each route declares is in the description it collects.
  registerAccessControl(app, { db, settings: auth });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ketenregie API',
        description: 'Chain governance: chains, partners, the primary process and trajectory data.',
        version: SERVER_VERSION,
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'kr_session',
            description: 'Session cookie set by POST /api/v1/session',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'API token of a partner system (one chain, one purpose)',
          },
        },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry: openApiRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: openApiRegistry }),
  });

  const templates = options.templates ?? (await loadTemplates());
  registerRoutes(app, { db, templates, version: SERVER_VERSION, auth });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { scope: 'public' } } }, () =>
    app.swagger(),
  );

  await registerWebApp(app, config.webDist);
  await app.ready();
  return app;
}

/** Fastify's form of the proxy setting: a number of hops becomes a function of the hop index. */
function toFastifyTrustProxy(
  value: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}
