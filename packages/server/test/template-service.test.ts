import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPLATES_DIR, loadTemplates, summariseTemplate } from '../src/services/template-service.ts';
import { domainError } from './support/domain-error.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) {
    await rm(dir, { recursive: true, force: true });
  }
});

async function templatesDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ketenregie-templates-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

async function shippedTemplateText(key: string): Promise<string> {
  return readFile(path.join(TEMPLATES_DIR, `${key}.json`), 'utf8');
}

describe('template loader', () => {
  it('loads the shipped templates, ordered by key', async () => {
    const catalog = await loadTemplates();
    expect(catalog.templates.map((t) => t.key)).toEqual(['emergency-care', 'youth-protection']);
    const summary = summariseTemplate(catalog.get('emergency-care'));
    expect(summary).toMatchObject({ key: 'emergency-care', hasTrajectories: true });
    expect(summary.title.nl.length).toBeGreaterThan(0);
  });

  it('names the file that is not valid JSON', async () => {
    const dir = await templatesDir({ 'broken.json': '{ "key": ' });
    const error = await domainError(() => loadTemplates(dir));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('broken.json is not valid JSON');
    expect(error.details[0]?.file).toBe('broken.json');
  });

  it('names the file and the field that breaks the template schema', async () => {
    const template = JSON.parse(await shippedTemplateText('youth-protection')) as { model: { partners: object[] } };
    template.model.partners[0] = { ...template.model.partners[0], influence: 9 };
    const dir = await templatesDir({ 'youth-protection.json': JSON.stringify(template) });
    const error = await domainError(() => loadTemplates(dir));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toContainEqual(
      expect.objectContaining({ path: 'model.partners.0.influence', file: 'youth-protection.json' }),
    );
  });

  it('requires the file name to match the template key', async () => {
    const dir = await templatesDir({ 'other-name.json': await shippedTemplateText('youth-protection') });
    const error = await domainError(() => loadTemplates(dir));
    expect(error.message).toBe('other-name.json holds template "youth-protection"; name it youth-protection.json');
  });

  it('answers not_found for an unknown key and unavailable for a missing directory', async () => {
    const catalog = await loadTemplates(await templatesDir({}));
    expect(catalog.templates).toEqual([]);
    expect(() => catalog.get('nope')).toThrow('Template "nope" not found');
    expect((await domainError(() => loadTemplates(path.join(tmpdir(), 'ketenregie-no-such-dir')))).code).toBe(
      'unavailable',
    );
  });
});
