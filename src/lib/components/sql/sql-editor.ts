import {
  autocompletion,
  closeBrackets,
  closeCompletion,
  closeBracketsKeymap,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  placeholder,
} from '@codemirror/view';
import type { SqlPosition } from '$lib/sql-console/error-position';
import type { SchemaTable } from '$lib/sql-console/schema';

export interface SqlEditor {
  setSchema(tables: readonly SchemaTable[]): void;
  setError(error: { message: string; position: SqlPosition | null } | null): void;
  setText(text: string): void;
  focus(): void;
  destroy(): void;
}

const theme = EditorView.theme({
  '&': {
    fontSize: '13.5px',
    backgroundColor: '#ffffff',
    color: '#0f172a',
    border: '1px solid #cbd5e1',
    borderRadius: '8px',
    minHeight: '140px',
    maxHeight: '360px',
  },
  '&.cm-focused': { outline: '3px solid #93c5fd', outlineOffset: '1px' },
  '.cm-scroller': {
    fontFamily: "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
    lineHeight: '1.55',
  },
  '.cm-content': { padding: '8px 0' },
  '.cm-gutters': {
    backgroundColor: '#f6f8fb',
    color: '#64748b',
    border: 'none',
    borderRight: '1px solid #e2e8f0',
    borderRadius: '8px 0 0 8px',
  },
  '.cm-activeLine': { backgroundColor: '#f1f5ff' },
  '.cm-activeLineGutter': { backgroundColor: '#e0e9ff' },
  '.cm-placeholder': { color: '#64748b' },
  '.cm-tooltip': { border: '1px solid #cbd5e1', borderRadius: '6px', backgroundColor: '#ffffff' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#2563eb', color: '#ffffff' },
  '.cm-diagnostic-error': { borderLeft: '4px solid #b91c1c', color: '#0f172a', whiteSpace: 'pre-wrap' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy #b91c1c',
    textUnderlineOffset: '3px',
    backgroundColor: '#fee2e2',
  },
});

function namespace(tables: readonly SchemaTable[]): SQLNamespace {
  return Object.fromEntries(tables.map((t) => [t.name, t.columns]));
}

/** Column names complete anywhere, not only after "table.": a query names its columns before its table. */
function columnSource(tables: () => readonly SchemaTable[]) {
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    if (context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
    const seen = new Map<string, string[]>();
    for (const table of tables()) {
      for (const column of table.columns) seen.set(column, [...(seen.get(column) ?? []), table.name]);
    }
    return {
      from: word.from,
      options: [...seen].map(([label, owners]) => ({
        label: /^[a-z_][a-z0-9_]*$/.test(label) ? label : `"${label.replaceAll('"', '""')}"`,
        displayLabel: label,
        type: 'property',
        detail: owners.length > 2 ? `${owners.length} tables` : owners.join(', '),
        boost: -1,
      })),
      validFor: /^[\w$]*$/,
    };
  };
}

/**
 * CodeMirror 6 inside a shadow root. The page's Content-Security-Policy allows no inline <style>, and
 * CodeMirror's styles (style-mod) go into a <style> element in a document but into a constructed
 * stylesheet (adoptedStyleSheets, which style-src does not govern) in a shadow root.
 */
export function createSqlEditor(
  host: HTMLElement,
  options: { text: string; label: string; onChange: (text: string) => void; onRun: () => void },
): SqlEditor {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.append(parent);
  let tables: readonly SchemaTable[] = [];
  const language = new Compartment();
  // One source for the editor's life: completion tells sources apart by identity.
  const columns = columnSource(() => tables);
  const sqlLanguage = () => sql({ dialect: PostgreSQL, schema: namespace(tables), upperCaseKeywords: true });
  const view = new EditorView({
    root,
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        Prec.highest(
          keymap.of([
            {
              key: 'Mod-Enter',
              run: (view) => {
                closeCompletion(view);
                options.onRun();
                return true;
              },
            },
          ]),
        ),
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ activateOnTyping: true, icons: false }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        language.of(sqlLanguage()),
        EditorState.languageData.of(() => [{ autocomplete: columns }]),
        // Tab is left to the browser, so the keyboard can leave the editor.
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        placeholder('SELECT … (Ctrl+Enter runs)'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
        theme,
      ],
    }),
  });

  return {
    setSchema(next) {
      tables = next;
      view.dispatch({ effects: language.reconfigure(sqlLanguage()) });
    },
    setError(error) {
      const length = view.state.doc.length;
      const diagnostics: Diagnostic[] = [];
      if (error?.position) {
        const from = Math.min(error.position.offset, length);
        const word = /^[\w"$]+/.exec(view.state.sliceDoc(from, Math.min(length, from + 80)));
        const to = Math.min(length, from + Math.max(1, word?.[0].length ?? 1));
        diagnostics.push({
          from: from === length && from > 0 ? from - 1 : from,
          to: Math.max(to, from),
          severity: 'error',
          message: error.message,
        });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
