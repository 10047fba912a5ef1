import type { DataLink } from '$lib/engine/api';

/**
 * Paths or addresses of files to open (`?open=data/sales.parquet`), resolved against the page. Only this
 * site's own files are opened: the page's Content-Security-Policy lets it fetch nothing else, and a link
 * that loaded someone else's data into a dashboard would be a way to mislead.
 */
export function resolveLinks(
  paths: readonly string[],
  page: string,
): { links: DataLink[]; refused: string[] } {
  const links: DataLink[] = [];
  const refused: string[] = [];
  const origin = new URL(page).origin;
  for (const path of paths) {
    let url: URL | null = null;
    try {
      url = new URL(path, page);
    } catch {
      // refused below
    }
    if (url && url.origin === origin && (url.protocol === 'http:' || url.protocol === 'https:'))
      links.push({ url: url.href });
    else
      refused.push(
        `"${path}" was not opened: only files this site serves can be opened by a link (${origin}/…). ` +
          'Download the file and drop it on the page instead.',
      );
  }
  return { links, refused };
}

/** The files a page address asks to open: each `open` parameter, in order. */
export const linksAsked = (search: string): string[] => new URLSearchParams(search).getAll('open');
