import { execFileSync } from 'node:child_process';

/** Resident memory of a process and all its descendants (a browser and its tabs), in bytes. */
function treeRss(root: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of table) {
      if (inTree.has(ppid) && !inTree.has(pid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return table.filter(([pid]) => inTree.has(pid)).reduce((sum, [, , rss]) => sum + rss * 1024, 0);
}

/** Resident memory of each of a browser's renderer processes (its tabs, with their workers), by pid. */
function rendererRss(root: number): Map<number, number> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).trim().split('\n');
  const table = rows.map((line) => {
    const [pid, ppid, rss, ...args] = line.trim().split(/\s+/);
    return {
      pid: Number(pid),
      ppid: Number(ppid),
      rss: Number(rss) * 1024,
      renderer: args.includes('--type=renderer'),
    };
  });
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of table)
      if (inTree.has(row.ppid) && !inTree.has(row.pid)) {
        inTree.add(row.pid);
        grew = true;
      }
  }
  return new Map(table.filter((r) => r.renderer && inTree.has(r.pid)).map((r) => [r.pid, r.rss]));
}

/**
 * Samples the tree every 200 ms until stopped; reports the peak above the level at the start, and the
 * tab's own growth: the renderer process that grew most (the page and its workers run in it), from its
 * size at the start to its peak. The whole tree also counts Chromium's browser and GPU processes.
 */
export function sampleMemory(root: number): {
  stop(): { peakBytes: number; aboveStartBytes: number; tabGrowthBytes: number };
} {
  const start = treeRss(root);
  const rendererStart = rendererRss(root);
  const rendererPeak = new Map(rendererStart);
  let peak = start;
  const sample = () => {
    peak = Math.max(peak, treeRss(root));
    for (const [pid, rss] of rendererRss(root))
      rendererPeak.set(pid, Math.max(rendererPeak.get(pid) ?? 0, rss));
  };
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const growth = [...rendererPeak].map(([pid, rss]) => rss - (rendererStart.get(pid) ?? 0));
      return { peakBytes: peak, aboveStartBytes: peak - start, tabGrowthBytes: Math.max(0, ...growth) };
    },
  };
}

/** The browser this process launched: its child whose command is Chromium's. */
export function launchedBrowserPid(): number | null {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' }).trim().split('\n');
  for (const row of rows) {
    const [pid, ppid, command] = row.trim().split(/\s+/);
    if (Number(ppid) === process.pid && /chrom/i.test(command ?? '')) return Number(pid);
  }
  return null;
}
