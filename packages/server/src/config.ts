/**
 * Configuration from the environment, validated once at start-up. Every wrong variable gets its own
 * message naming the variable and the value that was given, so an operator can fix all of them in
 * one go.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { DomainError, type ErrorDetail } from '@ketenregie/core';

/** Log levels that fastify's logger (pino) understands. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the server needs to know about its surroundings. */
export interface AppConfig {
  /** TCP port to listen on (PORT, 1–65535); code may pass 0 to pick a free port, as the tests do. */
  readonly port: number;
  /** Interface to bind; loopback by default until accounts and access control exist. */
  readonly host: string;
  /** Absolute directory for local state: the embedded database lives in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** PostgreSQL connection string; when set the embedded database is not used. */
  readonly databaseUrl: string | null;
  readonly logLevel: LogLevel;
  /** Create the demo chains on the very first start. */
  readonly seedDemo: boolean;
  /** Absolute directory of the built web app (`index.html` and assets). */
  readonly webDist: string;
}

/** The web app's build output, next to this package in the repository. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TRUE_WORDS = ['1', 'true', 'yes', 'on'];
const FALSE_WORDS = ['0', 'false', 'no', 'off'];

/** Reads one variable, treating an empty or blank value as not set. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

const portSchema = z.coerce.number().int().min(1).max(65535);

/**
 * Validates the environment and returns the configuration. Throws `DomainError('validation_failed')`
 * with one detail per wrong variable, e.g. `PORT must be a whole number between 1 and 65535, got "abc"`.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): AppConfig {
  const problems: ErrorDetail[] = [];
  const fail = (name: string, message: string): void => {
    problems.push({ path: name, message: `${name} ${message}` });
  };

  let port = 3000;
  const rawPort = read(env, 'PORT');
  if (rawPort !== undefined) {
    const parsed = /^\d+$/.test(rawPort) ? portSchema.safeParse(rawPort) : null;
    if (parsed?.success === true) {
      port = parsed.data;
    } else {
      fail('PORT', `must be a whole number between 1 and 65535, got "${rawPort}"`);
    }
  }

  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (/\s/.test(host)) {
    fail('HOST', `must be a host name or IP address without spaces, got "${host}"`);
  }

  const dataDir = path.resolve(cwd, read(env, 'KETENREGIE_DATA') ?? './.ketenregie');

  let databaseUrl: string | null = read(env, 'DATABASE_URL') ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
    fail('DATABASE_URL', `must be a postgres:// or postgresql:// connection string, got "${redact(databaseUrl)}"`);
    databaseUrl = null;
  }

  let logLevel: LogLevel = 'info';
  const rawLevel = read(env, 'LOG_LEVEL');
  if (rawLevel !== undefined) {
    const level = LOG_LEVELS.find((l) => l === rawLevel.toLowerCase());
    if (level === undefined) {
      fail('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"`);
    } else {
      logLevel = level;
    }
  }

  let seedDemo = true;
  const rawDemo = read(env, 'KETENREGIE_DEMO');
  if (rawDemo !== undefined) {
    const word = rawDemo.toLowerCase();
    if (TRUE_WORDS.includes(word)) {
      seedDemo = true;
    } else if (FALSE_WORDS.includes(word)) {
      seedDemo = false;
    } else {
      fail('KETENREGIE_DEMO', `must be true or false (also 1/0, yes/no, on/off), got "${rawDemo}"`);
    }
  }

  const rawWebDist = read(env, 'KETENREGIE_WEB_DIST');
  const webDist = rawWebDist === undefined ? DEFAULT_WEB_DIST : path.resolve(cwd, rawWebDist);

  if (problems.length > 0) {
    throw new DomainError(
      'validation_failed',
      `Invalid configuration: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return { port, host, dataDir, databaseUrl, logLevel, seedDemo, webDist };
}

/** Hides a password in a connection string before it is shown in an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
