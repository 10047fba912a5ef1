import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSnapshotJson } from './snapshot-codec';
import {
  assertInlineSafe,
  reportCsp,
  reportFileName,
  reportHtml,
  scriptHashSource,
  scriptSafeJson,
  SNAPSHOT_ELEMENT_ID,
} from './snapshot-html';
import { readSnapshotFile } from './snapshot-file';
import { sampleSnapshot } from './snapshot-sample.test-data';

const HOSTILE = '</script><script>alert(1)</script><!--<img src=x onerror=alert(2)>&amp;\u2028';
const assets = {
  loader: 'console.log("loader")',
  viewer: btoa('console.log("viewer")'),
  style: '.a{color:red}',
  scriptHash: "'sha256-abc='",
};

describe('exported HTML', () => {
  it('embeds values as data: no "<" survives in the JSON, and it reads back unchanged', () => {
    const snapshot = sampleSnapshot(HOSTILE);
    const json = scriptSafeJson(snapshot);
    expect(json).not.toMatch(/[<>]/);
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual(snapshot);
  });

  it('has exactly one script that runs, and two data blocks, whatever the values hold', () => {
    const snapshot = sampleSnapshot(HOSTILE);
    const html = reportHtml({ ...snapshot, title: '<b>Orders</b> & co' }, assets);
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).toContain(
      '<title>&lt;b&gt;Orders&lt;/b&gt; &amp; co · Dropdash snapshot · 2026-12-01</title>',
    );
    const block = new RegExp(`<script type="application/json" id="${SNAPSHOT_ELEMENT_ID}">([^<]*)</script>`);
    const embedded = block.exec(html)?.[1] ?? '';
    expect(parseSnapshotJson(embedded).data.matrix[0]?.dish).toBe(HOSTILE);
    expect(html).toContain(`<script>${assets.loader}</script>`);
    expect(html).toContain(`<script type="application/gzip" id="dropdash-viewer">${assets.viewer}</script>`);
  });

  it('forbids every request: only its own script runs, styles inline, images from data and blobs', () => {
    const html = reportHtml(sampleSnapshot(), assets);
    const csp = reportCsp(assets.scriptHash);
    expect(csp).toBe(
      "default-src 'none'; script-src 'sha256-abc=' blob:; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'",
    );
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`,
    );
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('refuses a viewer script that would end its element early', () => {
    expect(() => assertInlineSafe('x = "</script>"')).toThrow();
    expect(() => assertInlineSafe('x = "<!--"')).toThrow();
    expect(() => reportHtml(sampleSnapshot(), { ...assets, style: '</style><script>' })).toThrow();
    expect(() => reportHtml(sampleSnapshot(), { ...assets, loader: 'a = "</script>"' })).toThrow();
    expect(() => reportHtml(sampleSnapshot(), { ...assets, viewer: '<script>' })).toThrow();
  });

  it('hashes the script as a browser does for its CSP', async () => {
    const script = 'document.title = "é"';
    const expected = createHash('sha256').update(script, 'utf8').digest('base64');
    expect(await scriptHashSource(script)).toBe(`'sha256-${expected}'`);
  });

  it('is read back from a dropped file as text, never run or parsed as a page', async () => {
    const snapshot = sampleSnapshot(HOSTILE);
    const file = new File([reportHtml(snapshot, assets)], 'report.html', { type: 'text/html' });
    expect(await readSnapshotFile(file)).toEqual(snapshot);
    const other = new File(['<!doctype html><p>hi</p>'], 'page.html');
    await expect(readSnapshotFile(other)).rejects.toThrow(
      'it is not a Dropdash report: it holds no snapshot.',
    );
    const answers = new File([JSON.stringify(snapshot.answers)], 'answers.json');
    await expect(readSnapshotFile(answers)).rejects.toThrow('it is not a Dropdash snapshot.');
  });

  it('names the file after the title and the day', () => {
    expect(reportFileName(sampleSnapshot())).toBe('dropdash-restaurant-orders-2026-12-01.html');
  });
});
