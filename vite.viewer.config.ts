// The offline report viewer: one IIFE script and its CSS, written to static/report-viewer.json with the
// script's CSP hash. The app fetches that file from its own origin when it exports an HTML report.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const outFile = 'static/report-viewer.json';

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
      // Inside an inline <script>, "</script" would end it early; in JS it only occurs in strings.
      script = script.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
      if (/<\/script|<!--/i.test(script)) throw new Error('viewer: the script cannot be inlined');
      if (/<\/style/i.test(style)) throw new Error('viewer: the styles cannot be inlined');
      const scriptHash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
      writeFileSync(outFile, JSON.stringify({ script, style, scriptHash }));
      const kb = (text: string) => `${(new TextEncoder().encode(text).length / 1024).toFixed(0)} KB`;
      console.log(`viewer: ${outFile} (script ${kb(script)}, style ${kb(style)})`);
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
