/** A queue of work that runs one piece at a time, in the order it was asked for; a failure ends only its own. */
export function turns(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = last.then(work, work);
    last = result.catch(() => undefined);
    return result;
  };
}

export const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The dashboard's own queries come first: a profile or a range cube (background work that reads every
 * row) steps aside while the dashboard is asking. A step cannot be cut short (~100 ms at 10M rows: DuckDB
 * runs 100k rows a poll), so it waits for a second of quiet, not for the gap between two clicks.
 */
export class DashboardQuiet {
  #last = 0;

  constructor(private readonly quietMs = 1000) {}

  /** A dashboard query or narrowing just came in. */
  asked(): void {
    this.#last = performance.now();
  }

  /** A background step: resolves once the dashboard has asked nothing for a while. */
  readonly whenQuiet = async (): Promise<'continue'> => {
    await yieldToMessages();
    while (performance.now() - this.#last < this.quietMs)
      await new Promise((resolve) => setTimeout(resolve, this.quietMs / 4));
    return 'continue';
  };
}
