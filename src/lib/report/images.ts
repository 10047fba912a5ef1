import { loadCharts } from '$lib/charts/echarts';
import { fontFamily, palette } from '$lib/charts/theme';
import { downloadBlob } from './answers';

/** Light, and sharp enough to read when pasted into a slide. */
export const IMAGE_BACKGROUND = '#ffffff';
const PIXEL_RATIO = 2;

/**
 * One chart as a PNG under its title: ECharts draws it again at twice the pixels on white, and the
 * title is written above it, so the image still says what it shows once it is pasted elsewhere.
 */
export async function chartPng(id: string, title: string, subtitle?: string): Promise<Blob> {
  const node = document.querySelector<HTMLElement>(`[data-chart="${CSS.escape(id)}"]`);
  const { getInstanceByDom } = await loadCharts();
  const chart = node ? getInstanceByDom(node) : undefined;
  if (!chart) throw new Error('This chart is not drawn yet.');
  const url = chart.getDataURL({ type: 'png', pixelRatio: PIXEL_RATIO, backgroundColor: IMAGE_BACKGROUND });
  const image = new Image();
  image.src = url;
  await image.decode();
  const pad = 16 * PIXEL_RATIO;
  const head = (subtitle ? 52 : 34) * PIXEL_RATIO;
  const canvas = Object.assign(document.createElement('canvas'), {
    width: image.width + 2 * pad,
    height: image.height + head + pad,
  });
  const context = canvas.getContext('2d');
  if (!context) return decodeDataUrl(url);
  context.fillStyle = IMAGE_BACKGROUND;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = 'top';
  context.fillStyle = palette.text;
  context.font = `600 ${15 * PIXEL_RATIO}px ${fontFamily}`;
  context.fillText(title, pad, pad);
  if (subtitle) {
    context.fillStyle = palette.subtle;
    context.font = `${12 * PIXEL_RATIO}px ${fontFamily}`;
    context.fillText(subtitle, pad, pad + 22 * PIXEL_RATIO);
  }
  context.drawImage(image, pad, head);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))),
      'image/png',
    ),
  );
}

/** data: URLs are decoded in the page, never fetched (a strict CSP may not allow fetching them). */
function decodeDataUrl(url: string): Blob {
  const [head, body = ''] = url.split(',', 2);
  const type = /^data:([^;,]+)/.exec(head ?? '')?.[1] ?? 'application/octet-stream';
  const binary = atob(body);
  return new Blob([Uint8Array.from(binary, (c) => c.charCodeAt(0))], { type });
}

/** A part of the page as a PNG, charts included: modern-screenshot draws the DOM through an SVG image. */
export async function elementPng(node: HTMLElement, background: string): Promise<Blob> {
  const { domToBlob } = await import('modern-screenshot');
  // A clone keeps attributes, not a <select>'s current choice: mark the chosen option so it is drawn.
  for (const option of node.querySelectorAll('option')) option.toggleAttribute('selected', option.selected);
  return domToBlob(node, {
    scale: PIXEL_RATIO,
    backgroundColor: background,
    type: 'image/png',
    // The page has no web fonts; embedding them would build a <style> element, which the CSP refuses.
    font: false,
    // Controls that only act (export, remove) stay out of the picture; choices that say what is shown stay.
    filter: (element) =>
      !(
        element instanceof HTMLElement &&
        (element.dataset.exportIgnore !== undefined ||
          (element.tagName === 'BUTTON' && element.closest('.controls')))
      ),
    // The clone copies computed grid rows; with controls left out, the rows must be laid out again.
    onCloneNode: (clone) => {
      if (clone instanceof HTMLElement) clone.style.setProperty('grid-template-rows', 'none');
    },
  });
}

export async function downloadChartPng(id: string, title: string, subtitle?: string): Promise<void> {
  downloadBlob(`${id}.png`, await chartPng(id, title, subtitle));
}
