import type { OracleAnswers } from '../../tests/support/restaurant-oracle';
import { arqueroAnswers } from './arquero-peer';
import { papaAnswers } from './papa-peer';

declare global {
  interface Window {
    runPeer(
      name: 'papaparse' | 'arquero',
    ): Promise<{ ms: number; answers: OracleAnswers | null; error?: string }>;
  }
}

const PEERS = { papaparse: papaAnswers, arquero: arqueroAnswers };

/** The benchmark picks a file with the input, then calls runPeer; the peer runs on this page's thread. */
window.runPeer = async (name) => {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('no file picked');
  const started = performance.now();
  try {
    const answers = await PEERS[name](file);
    return { ms: performance.now() - started, answers };
  } catch (error) {
    return {
      ms: performance.now() - started,
      answers: null,
      error: (error as Error).message ?? String(error),
    };
  }
};
