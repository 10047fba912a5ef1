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

/** Samples the tree every 200 ms until stopped; reports the peak above the level at the start. */
export function sampleMemory(root: number): { stop(): { peakBytes: number; aboveStartBytes: number } } {
  const start = treeRss(root);
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(root));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, treeRss(root));
      return { peakBytes: peak, aboveStartBytes: peak - start };
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
