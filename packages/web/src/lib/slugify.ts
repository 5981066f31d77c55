/**
 * Suggests a slug or key from a name: "Acute zorg – regio Utrecht" → "acute-zorg-regio-utrecht".
 * The result satisfies core's SLUG_PATTERN whenever the name holds a letter or digit.
 */
export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}
