import type { OracleAnswers } from '../../tests/support/restaurant-oracle';
import { arqueroAnswers } from './arquero-peer';
import { bareDuckDBAnswers } from './duckdb-peer';
import { papaAnswers } from './papa-peer';

export type PeerName = 'papaparse' | 'arquero' | 'duckdb-wasm';

declare global {
  interface Window {
    runPeer(name: PeerName): Promise<{ ms: number; answers: OracleAnswers | null; error?: string }>;
  }
}

/** `warm`: what runs before the clock starts (as Dropdash's engine start and warm-up come before a drop). */
const PEERS: Record<
  PeerName,
  { warm?: (file: File) => Promise<unknown>; run: (file: File) => Promise<OracleAnswers> }
> = {
  papaparse: { run: papaAnswers },
  arquero: { run: arqueroAnswers },
  // Warmed as Dropdash's engine is before a drop: a small load compiles the wasm code the real one runs.
  'duckdb-wasm': { warm: async (file) => bareDuckDBAnswers(await firstLines(file)), run: bareDuckDBAnswers },
};

/** The file's first ~512 KB, cut at a line end. */
async function firstLines(file: File): Promise<File> {
  const text = await file.slice(0, 512 * 1024).text();
  return new File([text.slice(0, text.lastIndexOf('\n') + 1)], 'warm.csv');
}

/** The benchmark picks a file with the input, then calls runPeer (Papa Parse and Arquero run on this thread). */
window.runPeer = async (name) => {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('no file picked');
  const peer = PEERS[name];
  let started = performance.now();
  try {
    await peer.warm?.(file);
    started = performance.now();
    const answers = await peer.run(file);
    return { ms: performance.now() - started, answers };
  } catch (error) {
    return {
      ms: performance.now() - started,
      answers: null,
      error: (error as Error).message ?? String(error),
    };
  }
};
