/**
 * GET /api/v1/templates — the chain templates, with title and description in both languages.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const localisedSchema = z.object({ nl: z.string(), en: z.string() });
/** The API names the partners and links of a template; a count or the list itself is accepted. */
const countSchema = z
  .union([z.number().int(), z.array(z.unknown())])
  .transform((value) => (typeof value === 'number' ? value : value.length));

/** One template as the list shows it. */
export const chainTemplateSchema = z.object({
  key: z.string(),
  title: localisedSchema,
  description: localisedSchema,
  partners: countSchema,
  links: countSchema,
});
/** A template with localised title and description and its partner and link counts. */
export type ChainTemplate = z.infer<typeof chainTemplateSchema>;

/** Fetches the templates. */
export function findTemplates(signal?: AbortSignal): Promise<ChainTemplate[]> {
  return apiRequest('GET', '/templates', { schema: z.array(chainTemplateSchema), signal });
}

/** The templates as a query; they change only with a new release. */
export function useTemplates() {
  return useQuery({
    queryKey: queryKeys.templates(),
    queryFn: ({ signal }) => findTemplates(signal),
    staleTime: Infinity,
  });
}
