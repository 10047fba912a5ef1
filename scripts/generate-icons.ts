// Writes the PNG icons the web app manifest and iOS ask for, from the same drawing as static/favicon.svg,
// rendered by the test browser (no network, no image library). Run after changing the logo:
//   npx tsx scripts/generate-icons.ts
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../tests/chromium';

const LOGO =
  '<path d="M16 6c4 5 7 9 7 13a7 7 0 0 1-14 0c0-4 3-8 7-13z" fill="#60a5fa"/>' +
  '<rect x="12" y="18" width="2.4" height="6" fill="#1e3a8a"/>' +
  '<rect x="15.8" y="15" width="2.4" height="9" fill="#1e3a8a"/>';

// "any": the rounded tile of the favicon. "maskable": full bleed, the drawing inside the central 60%
// so that any mask shape (circle, squircle) keeps it whole.
const tile = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1e3a8a"/>${LOGO}</svg>`;
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#1e3a8a"/><g transform="translate(16 16) scale(0.7) translate(-16 -15)">${LOGO}</g></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: tile },
  { file: 'icon-512.png', size: 512, svg: tile },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable },
  { file: 'apple-touch-icon.png', size: 180, svg: maskable },
];

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
for (const { file, size, svg } of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  await page.setContent(
    `<body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}"></body>`,
  );
  await page.locator('img').screenshot({ path: `static/icons/${file}`, omitBackground: true });
  await page.close();
  console.log(`static/icons/${file} (${size}×${size})`);
}
await browser.close();
