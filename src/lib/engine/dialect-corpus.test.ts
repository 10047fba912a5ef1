import { describe, expect, it } from 'vitest';
import { dialectCorpus } from '../../../scripts/data/dialect-corpus';
import { ident } from '$lib/models/sql';
import { ingestPath, openTestDatabase } from '$lib/testing/node-duckdb';

describe('the dialect corpus', () => {
  it.each(dialectCorpus().map((file) => [file.name, file] as const))(
    '%s loads the table a person expects',
    async (name, file) => {
      const db = await openTestDatabase();
      try {
        const outcome = await ingestPath(db, `tests/fixtures/dialects/${name}`);
        expect(outcome).toMatchObject({ rows: file.rows, columns: file.columns, rejected: file.rejected });
        if (file.note) expect(outcome.notes.join('\n')).toMatch(file.note);
        const [{ table_name }] = (await db.rows('SELECT table_name FROM dd_datasets')) as [
          { table_name: string },
        ];
        const [{ column_name }] = (await db.rows(
          `SELECT column_name FROM dd_columns WHERE name = '${file.first.column.replaceAll("'", "''")}'`,
        )) as [{ column_name: string }];
        const [first] = await db.rows(
          `SELECT ${ident(column_name)} AS v FROM ${ident(table_name)} ORDER BY dd_row_id LIMIT 1`,
        );
        expect(first?.v).toBe(file.first.value);
      } finally {
        db.close();
      }
    },
  );
});

describe('read options', () => {
  it("read a file with the user's choices: a header, another encoding", async () => {
    const db = await openTestDatabase();
    try {
      const headerless = await ingestPath(
        db,
        'tests/fixtures/dialects/headerless.csv',
        undefined,
        {},
        {
          header: true,
        },
      );
      expect(headerless).toMatchObject({ rows: 39, columns: 4, read: { header: true, skip: 0 } });
      const { mkdtempSync, writeFileSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const path = `${mkdtempSync(`${tmpdir()}/dropdash-`)}/big5.csv`;
      // "city,sales" then 台北 (Taipei) in Big5: A578 A55F.
      writeFileSync(
        path,
        Uint8Array.from([...Buffer.from('city,sales\n'), 0xa5, 0x78, 0xa5, 0x5f, ...Buffer.from(',10\n')]),
      );
      const big5 = await ingestPath(db, path, undefined, {}, { encoding: 'big5' });
      expect(big5).toMatchObject({ rows: 1, encoding: 'big5' });
      // Comments turned off: the line that starts with # inside the data is a rejected record again.
      const comments = 'tests/fixtures/dialects/comments.csv';
      const off = await ingestPath(db, comments, undefined, {}, { comments: false });
      expect(off).toMatchObject({ rows: 30, rejected: 1, read: { comments: false, skip: 1 } });
      expect(await db.rows('SELECT city FROM big5')).toEqual([{ city: '台北' }]);
    } finally {
      db.close();
    }
  });
});
