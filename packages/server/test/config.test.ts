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

  it.each(['0', '65536', '80.5', '-1', '1e3'])('refuses PORT=%s', (port) => {
    expect(configError({ PORT: port }).details.map((d) => d.path)).toEqual(['PORT']);
  });
});
