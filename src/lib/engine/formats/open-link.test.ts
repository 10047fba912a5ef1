import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkName, openLink } from './open-link';

const URL_ = 'https://team.example/data/Sales%202024.parquet';
const serve = (respond: (init: RequestInit | undefined) => Response) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => respond(init)),
  );
const range = (init: RequestInit | undefined) => new Headers(init?.headers).get('range');
const noProgress = async () => undefined;

describe('opening a link to a file this site serves', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the file from its address', () => {
    expect(linkName(URL_)).toBe('Sales 2024.parquet');
    expect(linkName('https://team.example/')).toBe('download');
  });

  it('reads Parquet in place when the server answers ranges, known by address, version and size', async () => {
    serve(
      (init) =>
        new Response(new Uint8Array([0x50, 0x41, 0x52, 0x31]), {
          status: range(init) === 'bytes=0-3' ? 206 : 200,
          headers: { 'content-range': 'bytes 0-3/20000', etag: '"v1"' },
        }),
    );
    const opened = await openLink(URL_, noProgress);
    expect(opened).toMatchObject({ kind: 'parquet-ranges', name: 'Sales 2024.parquet', bytes: 20000 });
    const again = await openLink(URL_, noProgress);
    expect(again.kind === 'parquet-ranges' && opened.kind === 'parquet-ranges' && again.identity).toBe(
      opened.kind === 'parquet-ranges' && opened.identity,
    );
    expect(opened.kind === 'parquet-ranges' && opened.identity).toMatch(/^urlsha256:[0-9a-f]{64}$/);
  });

  it('takes the whole file when the server ignores ranges, with progress', async () => {
    serve(() => new Response('city,amount\nLyon,4\n', { status: 200, headers: { 'content-length': '19' } }));
    const seen: number[] = [];
    const opened = await openLink('https://team.example/a.csv', async (read) => void seen.push(read));
    expect(opened.kind).toBe('file');
    expect(opened.kind === 'file' && (await opened.file.text())).toBe('city,amount\nLyon,4\n');
    expect(seen.at(-1)).toBe(19);
  });

  it('says which file could not be fetched, and why', async () => {
    serve(() => new Response('', { status: 404, statusText: 'Not Found' }));
    await expect(openLink('https://team.example/none.csv', noProgress)).rejects.toThrow(
      /"none.csv" could not be fetched from https:\/\/team.example\/none.csv: HTTP 404 Not Found/,
    );
  });
});
