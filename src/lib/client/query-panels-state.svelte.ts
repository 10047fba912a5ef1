import {
  definitionOf,
  parseDefinitions,
  QUERY_PANELS_KEY,
  type QueryPanel,
  type QueryPanelDefinition,
} from '$lib/report/query-panel';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** SQL queries added to the dashboard, with their charts; kept in this browser by their definitions. */
export class QueryPanelsState {
  panels = $state<QueryPanel[]>([]);
  private request = 0;

  add(panel: QueryPanel): void {
    this.request++;
    this.panels = [...this.panels, panel];
    this.keep();
  }

  remove(id: string): void {
    this.request++;
    this.panels = this.panels.filter((p) => p.id !== id);
    this.keep();
  }

  clear(): void {
    this.request++;
    this.panels = [];
    this.keep();
  }

  /**
   * Runs the panels again over the data as it is now (after a load, or kept ones after a reload).
   * Returns why some could not run (those are dropped).
   */
  async refresh(): Promise<string[]> {
    let definitions: QueryPanelDefinition[] = this.panels.map(definitionOf);
    if (definitions.length === 0) {
      try {
        definitions = parseDefinitions(localStorage.getItem(QUERY_PANELS_KEY));
      } catch {
        definitions = [];
      }
    }
    if (definitions.length === 0) return [];
    const request = ++this.request;
    // Only pages with query panels fetch the code that runs them.
    const { computePanel } = await import('./query-panels');
    const outcomes = await Promise.allSettled(definitions.map((d) => computePanel(d)));
    if (request !== this.request) return [];
    const failed = outcomes.flatMap((o, i) =>
      o.status === 'rejected'
        ? [`The query panel “${definitions[i]?.title}” could not run: ${message(o.reason)}`]
        : [],
    );
    this.panels = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    if (failed.length > 0) this.keep();
    return failed;
  }

  private keep(): void {
    try {
      localStorage.setItem(QUERY_PANELS_KEY, JSON.stringify(this.panels.map(definitionOf)));
    } catch {
      // storage refused: the panels last as long as the tab
    }
  }
}
