// The offline report viewer: one IIFE script, gzipped, with its CSS and the small loader that unpacks it,
// written to static/report-viewer.json with the loader's CSP hash. The app fetches that file from its own
// origin when it exports an HTML report.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const outFile = 'static/report-viewer.json';

/**
 * The one inline script of a report: it unpacks the viewer (gzip, base64 in a data block) with the
 * browser's own DecompressionStream and runs it from a blob: URL, so the file is a third of the size and
 * its CSP still allows no request at all (`script-src 'sha256-…' blob:`).
 */
const loader = `(function () {
  var root = document.getElementById('dropdash-report');
  var data = document.getElementById('dropdash-viewer');
  function fail(message) {
    var note = document.createElement('p');
    note.className = 'viewer-failure';
    note.textContent = message;
    root.appendChild(note);
  }
  if (!data || typeof DecompressionStream === 'undefined')
    return fail('This report needs a current browser (2023 or later) to draw its dashboard.');
  var bytes = Uint8Array.from(atob(data.textContent.trim()), function (c) { return c.charCodeAt(0); });
  var code = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  new Response(code).arrayBuffer().then(function (viewer) {
    var script = document.createElement('script');
    script.src = URL.createObjectURL(new Blob([viewer], { type: 'text/javascript' }));
    document.body.appendChild(script);
  }, function () {
    fail('This report file is damaged: its viewer does not unpack.');
  });
})();`;

/** Collects the written bundle (script and CSS) into one JSON document. */
function viewerAssets(): Plugin {
  return {
    name: 'dropdash-viewer-assets',
    apply: 'build',
    writeBundle(_options, bundle) {
      let script = '';
      let style = '';
      for (const [name, item] of Object.entries(bundle)) {
        if (item.type === 'chunk') script += item.code;
        else if (name.endsWith('.css')) style += String(item.source);
      }
      if (/<\/style/i.test(style)) throw new Error('viewer: the styles cannot be inlined');
      const viewer = gzipSync(Buffer.from(script, 'utf8'), { level: 9 }).toString('base64');
      const scriptHash = `'sha256-${createHash('sha256').update(loader, 'utf8').digest('base64')}'`;
      writeFileSync(outFile, JSON.stringify({ loader, viewer, style, scriptHash }));
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
      console.log(
        `viewer: ${outFile} (script ${kb(Buffer.byteLength(script))}, ${kb(viewer.length)} gzipped in base64; style ${kb(style.length)})`,
      );
    },
  };
}

export default defineConfig({
  plugins: [
    svelte({ configFile: false, preprocess: vitePreprocess(), compilerOptions: { runes: true } }),
    viewerAssets(),
  ],
  // Library mode leaves process.env in place; the viewer runs in a page, where there is none.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  resolve: {
    alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) },
    conditions: ['browser'],
  },
  build: {
    target: 'es2022',
    outDir: '.cache/viewer',
    emptyOutDir: true,
    copyPublicDir: false,
    minify: true,
    cssCodeSplit: false,
    lib: {
      entry: 'src/lib/report/viewer/main.ts',
      formats: ['iife'],
      name: 'DropdashViewer',
      fileName: () => 'viewer.js',
    },
  },
});
