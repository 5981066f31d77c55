/**
 * Two small server-rendered pages that must work before anyone can sign in, so they do not depend
 * on the web app: the administrator set-up page behind the link printed at the first start, and
 * the page behind an invitation link. Plain HTML forms (no script, so the CSP needs no exception)
 * posting `application/x-www-form-urlencoded` to the same address.
 */

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** One input of a form. */
export interface FormField {
  readonly name: string;
  /** Label, Dutch first then English. */
  readonly label: string;
  readonly type: 'text' | 'email' | 'password';
  readonly value?: string;
  readonly autocomplete: string;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
label{display:block;margin-top:1rem;font-weight:600}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}.error{background:#fde8e8;border:1px solid #c53030;padding:.75rem}`;

/** A complete page. */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(title)} · Ketenregie</title><style>${STYLE}</style></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>
`;
}

/** A form page with an optional error message. */
export function renderFormPage(options: {
  readonly title: string;
  readonly intro: string;
  readonly fields: readonly FormField[];
  readonly submit: string;
  readonly error?: string | null;
}): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  const fields = options.fields
    .map(
      (f) =>
        `<label for="${f.name}">${escapeHtml(f.label)}</label><input id="${f.name}" name="${f.name}" type="${f.type}" autocomplete="${f.autocomplete}" required${
          f.value === undefined ? '' : ` value="${escapeHtml(f.value)}"`
        }>`,
    )
    .join('\n');
  return renderPage(
    options.title,
    `<p>${escapeHtml(options.intro)}</p>${error}<form method="post">${fields}<button type="submit">${escapeHtml(options.submit)}</button></form>`,
  );
}

/** Reads the fields of a urlencoded form body; anything else reads as empty. */
export function readFormFields(body: unknown, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  const params = body instanceof URLSearchParams ? body : new URLSearchParams();
  for (const name of names) {
    fields[name] = params.get(name) ?? '';
  }
  return fields;
}
