/** The `_headers` file Netlify and Cloudflare Pages read: filled in after the build, applied by the e2e server. */

export interface HeaderRule {
  /** A path from the site's root; `*` matches anything, `:name` one path segment. */
  path: string;
  headers: [name: string, value: string][];
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** The Content-Security-Policy of the page's meta tag, as the browser reads it. */
export function cspFromHtml(html: string): string {
  const tag = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!tag?.[1]) throw new Error('the page has no Content-Security-Policy meta tag');
  return tag[1].replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

export function fillHeaders(template: string, csp: string): string {
  if (!template.includes('{{CSP}}')) throw new Error('_headers has no {{CSP}} to fill in');
  if (/[\r\n]/.test(csp)) throw new Error('a Content-Security-Policy cannot span lines');
  return template.replaceAll('{{CSP}}', csp);
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: trimmed, headers: [] });
      continue;
    }
    const colon = trimmed.indexOf(':');
    const rule = rules.at(-1);
    if (!rule || colon < 1)
      throw new Error(`_headers line ${index + 1}: expected "Name: value" under a path`);
    rule.headers.push([trimmed.slice(0, colon).trim(), trimmed.slice(colon + 1).trim()]);
  }
  return rules;
}

const pattern = (path: string) =>
  new RegExp(
    `^${path
      .split(/(\*|:[A-Za-z]\w*)/)
      .map((part) =>
        part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('')}$`,
  );

/** Every header the rules give a path (from the site's root); a later rule adds to an earlier one. */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!pattern(rule.path).test(path)) continue;
    for (const [name, value] of rule.headers) out.set(name.toLowerCase(), value);
  }
  return out;
}
