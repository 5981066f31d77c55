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
import type { AppConfig } from './config.ts';
import type { Database } from './db/database.ts';
import { handleError } from './http/error-handler.ts';
import { openApiRegistry } from './http/openapi-registry.ts';
import { registerWebApp } from './http/web-app.ts';
import { registerRoutes } from './routes/register-routes.ts';
import { loadTemplates, type TemplateCatalog } from './services/template-service.ts';

/** Version of the server package, reported by the health check and the OpenAPI description. */
export const SERVER_VERSION: string = packageJson.version;

/** Largest JSON body accepted: 1 MiB. File uploads (importers) set their own limits. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** What {@link createApp} needs. */
export interface CreateAppOptions {
  readonly db: Database;
  readonly config: Pick<AppConfig, 'logLevel' | 'webDist'>;
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
  const app = Fastify({ ...loggerOptions, bodyLimit: BODY_LIMIT_BYTES }).withTypeProvider<ZodTypeProvider>();
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
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ketenregie API',
        description: 'Chain governance: chains, partners, the primary process and trajectory data.',
        version: SERVER_VERSION,
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry: openApiRegistry }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry: openApiRegistry }),
  });

  const templates = options.templates ?? (await loadTemplates());
  registerRoutes(app, { db, templates, version: SERVER_VERSION });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await registerWebApp(app, config.webDist);
  await app.ready();
  return app;
}
