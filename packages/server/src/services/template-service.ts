/**
 * The chain templates shipped in `packages/server/templates/*.json`: read and checked once, at
 * start-up, so a broken file stops the server with a message naming the file and the field.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, parseChainTemplate, type ChainDetail, type ChainTemplate } from '@ketenregie/core';
import type { Database } from '../db/database.ts';
import { importChainModel, type ChainModelOverrides } from './chain-model-service.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/actor.ts';

/** Directory of the templates shipped with the server. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The loaded templates, by key. */
export interface TemplateCatalog {
  /** Every template, ordered by key. */
  readonly templates: readonly ChainTemplate[];
  /** The template with this key; `not_found` when there is none. */
  get(key: string): ChainTemplate;
}

/** What the template picker shows of a template. */
export interface TemplateSummary {
  readonly key: string;
  readonly title: { readonly nl: string; readonly en: string };
  readonly description: { readonly nl: string; readonly en: string };
  /** Number of partners in the template's chain. */
  readonly partners: number;
  /** Number of links in the template's primary process. */
  readonly links: number;
  /** Whether the template comes with demo trajectory data. */
  readonly hasTrajectories: boolean;
}

/** Builds a catalog from already parsed templates; `validation_failed` when two share a key. */
export function createTemplateCatalog(templates: readonly ChainTemplate[]): TemplateCatalog {
  const byKey = new Map<string, ChainTemplate>();
  for (const template of templates) {
    if (byKey.has(template.key)) {
      throw new DomainError('validation_failed', `Two templates use the key "${template.key}"`, [
        { path: 'key', message: `template key "${template.key}" is used twice` },
      ]);
    }
    byKey.set(template.key, template);
  }
  const sorted = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    templates: sorted,
    get(key) {
      const template = byKey.get(key);
      if (template === undefined) {
        throw new DomainError('not_found', `Template "${key}" not found`);
      }
      return template;
    },
  };
}

/** Reads and checks every `*.json` file in `dir`; errors name the file (and the field inside it). */
export async function loadTemplates(dir: string = TEMPLATES_DIR): Promise<TemplateCatalog> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new DomainError('unavailable', `The templates directory ${dir} cannot be read: ${String(error)}`);
  }
  const templates: ChainTemplate[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const text = await readFile(file, 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DomainError('validation_failed', `${name} is not valid JSON`, [
        { path: '', message: error instanceof Error ? error.message : String(error), file: name },
      ]);
    }
    const template = parseChainTemplate(json, name);
    const expectedName = `${template.key}.json`;
    if (name !== expectedName) {
      throw new DomainError('validation_failed', `${name} holds template "${template.key}"; name it ${expectedName}`, [
        { path: 'key', message: `must match the file name`, file: name },
      ]);
    }
    templates.push(template);
  }
  return createTemplateCatalog(templates);
}

/** The picker's view of a template. */
export function summariseTemplate(template: ChainTemplate): TemplateSummary {
  return {
    key: template.key,
    title: template.title,
    description: template.description,
    partners: template.model.partners.length,
    links: template.model.links.length,
    hasTrajectories: template.trajectoryProfile !== undefined,
  };
}

/** Creates a new chain from a template, optionally under another slug and name; `conflict` when the slug is taken. */
export async function createChainFromTemplate(
  db: Database,
  catalog: TemplateCatalog,
  key: string,
  overrides: ChainModelOverrides,
  actor: Actor = SYSTEM_ACTOR,
): Promise<ChainDetail> {
  return importChainModel(db, catalog.get(key).model, overrides, actor);
}
