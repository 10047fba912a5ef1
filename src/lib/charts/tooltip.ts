import { escapeHtml } from '$lib/format/escape-html';

/** A tooltip body: a bold title and label/value lines, every piece escaped. */
export function tooltipHtml(title: string, lines: ReadonlyArray<readonly [string, string]>): string {
  const body = lines
    .map(([label, value]) => `${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`)
    .join('<br/>');
  // No style attributes: the page's Content-Security-Policy allows no inline styles.
  return `<strong>${escapeHtml(title)}</strong><br/>${body}`;
}

/** ECharts passes one item or an array of items; formatters only need a few fields of them. */
export interface TooltipItem {
  name?: string;
  dataIndex?: number;
  seriesIndex?: number;
  value?: unknown;
}

export function firstItem(params: unknown): TooltipItem {
  const item = Array.isArray(params) ? params[0] : params;
  return (item ?? {}) as TooltipItem;
}
