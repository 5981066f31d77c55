/**
 * Configuration from the environment, validated once at start-up. Every wrong variable gets its own
 * message naming the variable and the value that was given, so an operator can fix all of them in
 * one go.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { z } from 'zod';
import { DomainError, type ErrorDetail } from '@ketenregie/core';
import type { DemoLoginMode } from './auth/auth-settings.ts';

/** Log levels that fastify's logger (pino) understands. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the server needs to know about its surroundings. */
export interface AppConfig {
  /** TCP port to listen on (PORT, 1–65535); code may pass 0 to pick a free port, as the tests do. */
  readonly port: number;
  /** Interface to bind; loopback by default, so a fresh installation is reachable only from this machine. */
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
  /**
   * Automatic sign-in of loopback requests as the demo user (KETENREGIE_DEMO_LOGIN): `auto` when the
   * variable is not set and the server listens on a loopback address (then only until an
   * administrator has set a password), `on` or `off` when set.
   */
  readonly demoLogin: DemoLoginMode;
  /**
   * Which proxies to believe about the client address and scheme (KETENREGIE_TRUST_PROXY): `false`
   * (default), `true` (any), a number of hops, or a comma-separated list of addresses/CIDRs.
   */
  readonly trustProxy: boolean | number | string;
  /** Base URL people use to reach the app (KETENREGIE_PUBLIC_URL), for links and the origin check; null: from each request. */
  readonly publicUrl: string | null;
  /** Master key for the pseudonymisation keys (KETENREGIE_MASTER_KEY); null: generated into the data directory. */
  readonly masterKey: string | null;
  /** Earlier master keys whose wrapped keys are re-wrapped at start-up (KETENREGIE_MASTER_KEY_PREVIOUS, comma-separated). */
  readonly previousMasterKeys: readonly string[];
  /** Sessions end after this many seconds without requests (KETENREGIE_SESSION_IDLE_MINUTES, default 120). */
  readonly sessionIdleSeconds: number;
  /** Sessions end this many seconds after sign-in (KETENREGIE_SESSION_MAX_HOURS, default 12). */
  readonly sessionMaxSeconds: number;
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

  const rawDemoLogin = read(env, 'KETENREGIE_DEMO_LOGIN');
  let demoLogin: DemoLoginMode = isLoopbackHostName(host) ? 'auto' : 'off';
  if (rawDemoLogin !== undefined) {
    const word = rawDemoLogin.toLowerCase();
    if (TRUE_WORDS.includes(word)) {
      demoLogin = 'on';
    } else if (FALSE_WORDS.includes(word)) {
      demoLogin = 'off';
    } else if (word === 'auto') {
      demoLogin = isLoopbackHostName(host) ? 'auto' : 'off';
    } else {
      fail('KETENREGIE_DEMO_LOGIN', `must be true, false or auto, got "${rawDemoLogin}"`);
    }
  }

  let trustProxy: boolean | number | string = false;
  const rawTrustProxy = read(env, 'KETENREGIE_TRUST_PROXY');
  if (rawTrustProxy !== undefined) {
    const word = rawTrustProxy.toLowerCase();
    if (TRUE_WORDS.includes(word)) {
      trustProxy = true;
    } else if (FALSE_WORDS.includes(word)) {
      trustProxy = false;
    } else if (/^[1-9]\d?$/.test(word)) {
      trustProxy = Number(word);
    } else if (/^[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*$/i.test(word)) {
      trustProxy = rawTrustProxy;
    } else {
      fail(
        'KETENREGIE_TRUST_PROXY',
        `must be true, false, a number of proxy hops or a comma-separated list of addresses, got "${rawTrustProxy}"`,
      );
    }
  }

  let publicUrl: string | null = read(env, 'KETENREGIE_PUBLIC_URL') ?? null;
  if (publicUrl !== null) {
    const parsed = URL.canParse(publicUrl) ? new URL(publicUrl) : null;
    if (parsed === null || !['http:', 'https:'].includes(parsed.protocol)) {
      fail('KETENREGIE_PUBLIC_URL', `must be an http:// or https:// URL, got "${publicUrl}"`);
      publicUrl = null;
    } else {
      publicUrl = publicUrl.replace(/\/+$/, '');
    }
  }

  const masterKey = read(env, 'KETENREGIE_MASTER_KEY') ?? null;
  if (masterKey !== null && !MASTER_KEY_PATTERN.test(masterKey)) {
    fail('KETENREGIE_MASTER_KEY', 'must be 32 random bytes, base64 (44 characters) or hex (64 characters)');
  }
  const previousMasterKeys = (read(env, 'KETENREGIE_MASTER_KEY_PREVIOUS') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (previousMasterKeys.some((k) => !MASTER_KEY_PATTERN.test(k))) {
    fail('KETENREGIE_MASTER_KEY_PREVIOUS', 'must be a comma-separated list of 32-byte keys, base64 or hex');
  }

  const readWhole = (name: string, fallback: number, max: number): number => {
    const raw = read(env, name);
    if (raw === undefined) {
      return fallback;
    }
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < 1 || value > max) {
      fail(name, `must be a whole number between 1 and ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const sessionIdleSeconds = readWhole('KETENREGIE_SESSION_IDLE_MINUTES', 120, 7 * 24 * 60) * 60;
  const sessionMaxSeconds = readWhole('KETENREGIE_SESSION_MAX_HOURS', 12, 90 * 24) * 3600;

  if (problems.length > 0) {
    throw new DomainError(
      'validation_failed',
      `Invalid configuration: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  }
  return {
    port,
    host,
    dataDir,
    databaseUrl,
    logLevel,
    seedDemo,
    webDist,
    demoLogin,
    trustProxy,
    publicUrl,
    masterKey,
    previousMasterKeys,
    sessionIdleSeconds,
    sessionMaxSeconds,
  };
}

/** A 32-byte key, hex or base64. */
const MASTER_KEY_PATTERN = /^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=?)$/;

/** Whether the listen address is this machine only. */
export function isLoopbackHostName(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Hides a password in a connection string before it is shown in an error message. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
