import readExcelFile from 'read-excel-file/web-worker';
import { cellText, findSheetTable, type Cell } from '$lib/models/file-formats/sheet-table';
import { toCsv } from '$lib/report/csv';
import { IngestError, KEEP } from '../ingest-errors';
import type { FilePart } from './expand';

/**
 * An Excel workbook's sheets, each a table of its own: the table found in the sheet (title rows skipped,
 * group headers joined), its typed cells written as the text a CSV would hold (dates as ISO dates), then
 * read by the CSV reader, so read options, rejects and lineage are the same as for any CSV.
 */
export async function excelParts(file: File): Promise<FilePart[]> {
  let sheets: { sheet: string; data: Cell[][] }[];
  try {
    sheets = (await readExcelFile(file)) as { sheet: string; data: Cell[][] }[];
  } catch (error) {
    throw new IngestError(
      file.name,
      `"${file.name}" could not be read as an Excel workbook (${error instanceof Error ? error.message : error}). ` +
        `It may be damaged, protected with a password, or an old .xls file: open it in Excel and save it ` +
        `as .xlsx or CSV, then drop that file. ${KEEP}`,
    );
  }
  const used = sheets.filter((s) => s.data.some((row) => row.some((cell) => cellText(cell) !== null)));
  if (used.length === 0)
    throw new IngestError(
      file.name,
      `"${file.name}" has no filled cells in any sheet: nothing to load. ${KEEP}`,
    );
  return used.map(({ sheet, data }) => {
    const table = findSheetTable(data);
    const rows = data
      .slice(table.firstRow)
      .map((row) => Array.from({ length: table.width }, (_, i) => cellText(row[i])));
    const name = used.length === 1 ? file.name : `${file.name} › ${sheet}`;
    const csv = new File([toCsv(table.columns, rows)], name, { type: 'text/csv' });
    const notes = [
      `Sheet "${sheet}" of the Excel workbook "${file.name}"${sheets.length > 1 ? ` (${sheets.length} sheets, each a dataset of its own)` : ''}.`,
    ];
    const titles = data.slice(0, table.skip - (table.grouped ? 1 : 0));
    const above = titles.map((row) => row.map(cellText).filter(Boolean).join(' ')).filter(Boolean);
    if (titles.length > 0) {
      const rows = `${titles.length} row${titles.length === 1 ? '' : 's'}`;
      notes.push(`"${name}": ${rows} above the table skipped${above[0] ? ` (“${above[0]}”)` : ''}.`);
    }
    if (table.grouped)
      notes.push(
        `"${name}": the names under merged cells are joined with them ("${table.columns.find((c) => c.includes(' ')) ?? ''}").`,
      );
    return { file: csv, format: 'csv', notes, readAs: `Excel, sheet "${sheet}"` };
  });
}
