import { base } from '$app/paths';
import type { ViewerAssets } from './snapshot-html';

/** Written by `npm run viewer` into static/, so the build serves it from the app's own origin. */
export const VIEWER_ASSETS_FILE = 'report-viewer.json';

let assets: Promise<ViewerAssets> | null = null;

export function loadViewerAssets(): Promise<ViewerAssets> {
  assets ??= fetch(`${base}/${VIEWER_ASSETS_FILE}`).then(async (response) => {
    if (!response.ok)
      throw new Error(`The report viewer is missing from this build (HTTP ${response.status}).`);
    const value = (await response.json()) as Partial<ViewerAssets>;
    const fields = [value.loader, value.viewer, value.style, value.scriptHash];
    if (fields.some((field) => typeof field !== 'string'))
      throw new Error('The report viewer in this build is damaged.');
    return value as ViewerAssets;
  });
  assets.catch(() => (assets = null));
  return assets;
}
