import { DomainError } from '@ketenregie/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_DIST, loadConfig } from '../src/config.ts';

function configError(env: NodeJS.ProcessEnv): DomainError {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({}, '/srv/app')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/app/.ketenregie',
      databaseUrl: null,
      logLevel: 'info',
      seedDemo: true,
      webDist: DEFAULT_WEB_DIST,
      demoLogin: 'auto',
      trustProxy: false,
      publicUrl: null,
      masterKey: null,
      previousMasterKeys: [],
      sessionIdleSeconds: 7200,
      sessionMaxSeconds: 43_200,
    });
    expect(DEFAULT_WEB_DIST.endsWith('/packages/web/dist')).toBe(true);
  });

  it('reads every variable', () => {
    expect(
      loadConfig(
        {
          PORT: '8080',
          HOST: '0.0.0.0',
          KETENREGIE_DATA: 'data',
          DATABASE_URL: 'postgres://u:p@db:5432/k',
          LOG_LEVEL: 'WARN',
          KETENREGIE_DEMO: 'off',
          KETENREGIE_WEB_DIST: '/opt/web',
          KETENREGIE_DEMO_LOGIN: 'true',
          KETENREGIE_TRUST_PROXY: '10.0.0.1, 10.0.0.2',
          KETENREGIE_PUBLIC_URL: 'https://keten.example.nl/',
          KETENREGIE_MASTER_KEY: 'a'.repeat(64),
          KETENREGIE_MASTER_KEY_PREVIOUS: `${'b'.repeat(64)},${'c'.repeat(43)}=`,
          KETENREGIE_SESSION_IDLE_MINUTES: '30',
          KETENREGIE_SESSION_MAX_HOURS: '8',
        },
        '/srv/app',
      ),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/srv/app/data',
      databaseUrl: 'postgres://u:p@db:5432/k',
      logLevel: 'warn',
      seedDemo: false,
      webDist: '/opt/web',
      demoLogin: 'on',
      trustProxy: '10.0.0.1, 10.0.0.2',
      publicUrl: 'https://keten.example.nl',
      masterKey: 'a'.repeat(64),
      previousMasterKeys: ['b'.repeat(64), `${'c'.repeat(43)}=`],
      sessionIdleSeconds: 1800,
      sessionMaxSeconds: 28_800,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' }, '/srv/app')).toMatchObject({ port: 3000, databaseUrl: null });
  });

  it('names each wrong variable with the value it got', () => {
    const error = configError({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      KETENREGIE_DEMO: 'maybe',
      DATABASE_URL: 'mysql://root:secret@db/x',
    });
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([
      { path: 'PORT', message: 'PORT must be a whole number between 1 and 65535, got "abc"' },
      {
        path: 'DATABASE_URL',
        message: 'DATABASE_URL must be a postgres:// or postgresql:// connection string, got "mysql://root:***@db/x"',
      },
      {
        path: 'LOG_LEVEL',
        message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      },
      {
        path: 'KETENREGIE_DEMO',
        message: 'KETENREGIE_DEMO must be true or false (also 1/0, yes/no, on/off), got "maybe"',
      },
    ]);
    expect(error.message).toContain('PORT must be a whole number between 1 and 65535, got "abc"');
  });

  it('turns the demo sign-in off by default when the server listens beyond this machine', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }, '/srv/app').demoLogin).toBe('off');
    expect(loadConfig({ HOST: '0.0.0.0', KETENREGIE_DEMO_LOGIN: 'auto' }, '/srv/app').demoLogin).toBe('off');
    expect(loadConfig({ HOST: 'localhost', KETENREGIE_DEMO_LOGIN: 'no' }, '/srv/app').demoLogin).toBe('off');
  });

  it('names wrong account and key settings', () => {
    const error = configError({
      KETENREGIE_DEMO_LOGIN: 'sometimes',
      KETENREGIE_TRUST_PROXY: 'everyone',
      KETENREGIE_PUBLIC_URL: 'ftp://x',
      KETENREGIE_MASTER_KEY: 'short',
      KETENREGIE_SESSION_IDLE_MINUTES: '0',
    });
    expect(error.details.map((d) => d.path)).toEqual([
      'KETENREGIE_DEMO_LOGIN',
      'KETENREGIE_TRUST_PROXY',
      'KETENREGIE_PUBLIC_URL',
      'KETENREGIE_MASTER_KEY',
      'KETENREGIE_SESSION_IDLE_MINUTES',
    ]);
    expect(error.message).not.toContain('short');
  });

  it.each(['0', '65536', '80.5', '-1', '1e3'])('refuses PORT=%s', (port) => {
    expect(configError({ PORT: port }).details.map((d) => d.path)).toEqual(['PORT']);
  });
});
