/** Up to this many items are put on the page at once; a longer list grows a slice a frame. */
export const AT_ONCE = 200;
const PER_FRAME = 100;

/**
 * A long list (a wide file's 2,000 columns as the options of a picker) put on the page a slice per
 * animation frame, so no frame blocks the page for long: 10,000 options at once held the main thread
 * for 0.8 s. `shown` only grows at its end (an unkeyed each appends); `waiting` holds the chosen items
 * not shown yet, so a picker shows its value at once. Call it where a component is set up (it runs effects).
 */
export function progressive<T>(items: () => readonly T[], chosen: () => readonly T[] = () => []) {
  let count = $state(AT_ONCE);
  let growing: readonly T[] | null = null;
  $effect(() => {
    const all = items();
    // Another list (another dataset) starts again from its first slice.
    if (all !== growing) {
      growing = all;
      count = AT_ONCE;
    }
    if (count >= all.length) return;
    const frame = requestAnimationFrame(() => (count = Math.min(all.length, count + PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  });
  const shown = $derived(items().slice(0, count));
  const waiting = $derived.by(() => {
    const all = items();
    if (count >= all.length) return [];
    return chosen().filter((c) => all.includes(c) && !shown.includes(c));
  });
  return {
    get shown() {
      return shown;
    },
    get waiting() {
      return waiting;
    },
  };
}
