import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { isUdashError, type UdashError } from '../../../shared/errors.js';
import { allRows, importEnv } from './helpers.js';

async function failure(p: Promise<unknown>): Promise<UdashError> {
  try {
    await p;
  } catch (e) {
    if (isUdashError(e)) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

describe('CSV import', () => {
  it('detects the delimiter among , ; TAB | and infers column types', async () => {
    const { svc, workspaceId, write } = await importEnv();
    for (const [i, d] of [',', ';', '\t', '|'].entries()) {
      const rows = ['when,city,count,ratio,ok', '2024-01-05T10:00:00Z,"Paris, FR",3,0.5,yes', '2024-01-06T11:30:00+01:00,Lyon,4,1.25,no'].map((l) =>
        d === ',' ? l : l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, d).replace('"Paris, FR"', 'Paris, FR'),
      );
      const file = write(`d${i}.csv`, rows.join('\n') + '\n');
      const preview = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
      expect(preview.delimiter).toBe(d);
      expect(preview.columns.map((c) => c.type)).toEqual(['datetime', 'text', 'integer', 'number', 'boolean']);
      const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: `D${i}` });
      expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
        ['2024-01-05T10:00:00.000Z', 'Paris, FR', 3, 0.5, true],
        ['2024-01-06T10:30:00.000Z', 'Lyon', 4, 1.25, false],
      ]);
      expect(r.dataset.timeColumn).toBe('when');
    }
  });

  it('handles quotes, escaped quotes, line breaks inside fields, CRLF and single-quote files', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('q.csv', 'id,note\r\n1,"He said ""hi"""\r\n2,"two\r\nlines"\r\n3,plain\r\n');
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Q' });
    expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
      [1, 'He said "hi"'],
      [2, 'two\r\nlines'],
      [3, 'plain'],
    ]);
    const single = write('s.csv', "id,name\n1,'Smith, J'\n2,'Doe'\n");
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: single } });
    expect(p.quote).toBe("'");
    expect(p.rows).toEqual([
      ['1', 'Smith, J'],
      ['2', 'Doe'],
    ]);
  });

  it('detects encodings: UTF-8 with BOM, UTF-16 LE/BE with BOM, and windows-1252 without', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const text = 'name,city\nJosé,Zürich\nRenée,Kraków\n';
    const cases: [string, Buffer, string][] = [
      ['utf8bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
      ['utf16le.csv', iconv.encode(text, 'utf-16le', { addBOM: true }), 'utf-16le'],
      ['utf16be.csv', iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be'],
      ['utf16le-nobom.csv', iconv.encode(text, 'utf-16le'), 'utf-16le'],
    ];
    for (const [name, bytes, enc] of cases) {
      const file = write(name, bytes);
      const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
      expect(p.encoding, name).toBe(enc);
      expect(p.columns.map((c) => c.name), name).toEqual(['name', 'city']);
      expect(p.rows, name).toEqual([
        ['José', 'Zürich'],
        ['Renée', 'Kraków'],
      ]);
    }
    // Latin text in a legacy single-byte encoding: not valid UTF-8, so chardet decides.
    const latin = 'name,city\n' + Array.from({ length: 40 }, (_, i) => `Müller ${i},Genève à côté\n`).join('');
    const file = write('latin.csv', iconv.encode(latin, 'windows-1252'));
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.encoding).toMatch(/^(windows-1252|iso-8859-\d+)$/);
    expect(p.rows[0]).toEqual(['Müller 0', 'Genève à côté']);
    // An explicit encoding wins.
    const forced = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file }, options: { encoding: 'latin1' } });
    expect(forced.rows[1]).toEqual(['Müller 1', 'Genève à côté']);
  });

  it('reads common date formats, disambiguating day and month by the values, with an explicit override', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('dates.csv', 'eu,us,stamp\n05/01/2024,01/05/2024,2024-01-05 10:30\n13/01/2024,01/13/2024,2024-01-13 23:59\n');
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.columns.map((c) => [c.type, c.dateFormat])).toEqual([
      ['datetime', 'DD/MM/YYYY'],
      ['datetime', 'MM/DD/YYYY'],
      ['datetime', 'ISO 8601'],
    ]);
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'D' });
    expect(allRows(svc, workspaceId, r.dataset.id)[1]).toEqual(['2024-01-13T00:00:00.000Z', '2024-01-13T00:00:00.000Z', '2024-01-13T23:59:00.000Z']);

    // All values ambiguous: the default is day-first; an override reads them month-first.
    const amb = write('amb.csv', 'd\n01/02/2024\n03/04/2024\n');
    const r2 = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: amb }, name: 'Amb', options: { dateFormats: { d: 'MM/DD/YYYY' } } });
    expect(allRows(svc, workspaceId, r2.dataset.id)).toEqual([['2024-01-02T00:00:00.000Z'], ['2024-03-04T00:00:00.000Z']]);
  });

  it('applies type overrides and the chosen time column', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('t.csv', 'zip,created,updated,flag\n02134,2024-01-01,2024-02-01,1\n10001,2024-01-02,2024-02-02,0\n');
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'T', options: { types: { zip: 'text', flag: 'boolean' }, timeColumn: 'updated' } });
    expect(r.dataset.columns.map((c) => c.type)).toEqual(['text', 'datetime', 'datetime', 'boolean']);
    expect(r.dataset.timeColumn).toBe('updated');
    expect(allRows(svc, workspaceId, r.dataset.id)[0]).toEqual(['02134', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', true]);
    const rec = svc.core().datasets.get(workspaceId, r.dataset.id);
    const indexes = svc.core().store.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(rec.tableName) as string[];
    expect(indexes.join()).toContain('"c2"');
    // Without a choice, the first datetime column is the time column.
    const r2 = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'T2' });
    expect(r2.dataset.timeColumn).toBe('created');
    const bad = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'T3', options: { timeColumn: 'zip' } }));
    expect(bad.code).toBe('BAD_INPUT');
    expect(bad.message).toMatch(/time column "zip"/);
    const noCol = await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { path: file }, options: { types: { nope: 'integer' } } }));
    expect(noCol.message).toMatch(/no column "nope"/);
  });

  it('renames duplicate and empty headers and reports the renames in the preview', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('h.csv', 'name,,name,price\na,1,b,2\n');
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.columns.map((c) => [c.name, c.renamedFrom])).toEqual([
      ['name', undefined],
      ['column_2', ''],
      ['name_2', 'name'],
      ['price', undefined],
    ]);
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'H' });
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['name', 'column_2', 'name_2', 'price']);
  });

  it('files without a header get positional names', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('nh.csv', '1,a\n2,b\n');
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'NH', options: { hasHeader: false } });
    expect(r.dataset.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(r.dataset.rowCount).toBe(2);
  });

  it('reports rows that do not fit, with the row as a spreadsheet shows it; skip leaves them out, abort imports nothing', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const lines = ['id,amount,day'];
    for (let i = 1; i <= 30; i++) lines.push(`${i},${i === 7 ? 'twelve' : i * 1.5},${i === 20 ? '2024-02-30' : `2024-01-${String(i).padStart(2, '0')}`}`);
    lines.push('31,3,2024-01-31,EXTRA', '32,3', '', '33,1.5,2024-01-02,');
    const file = write('bad.csv', lines.join('\n') + '\n');

    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.columns.map((c) => c.type)).toEqual(['integer', 'number', 'datetime']);
    expect(p.issues.map((i) => [i.row, i.column])).toEqual([
      [8, 'amount'],
      [21, 'day'],
      [32, 'column_4'],
      [33, 'day'],
    ]);

    const skip = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Skip', onError: 'skip' });
    expect(skip.inserted).toBe(29);
    expect(skip.skipped).toBe(4);
    expect(skip.issueCount).toBe(4);
    expect(skip.issues[0]).toEqual({ row: 8, column: 'amount', value: 'twelve', reason: 'Value is not a number' });
    expect(skip.issues[1]).toMatchObject({ row: 21, column: 'day', value: '2024-02-30' });
    expect(skip.issues[2]).toMatchObject({ row: 32, value: 'EXTRA', reason: 'Row has 4 fields; the header has 3' });
    expect(skip.issues[3]).toMatchObject({ row: 33, column: 'day', reason: 'Row has 2 fields; the header has 3' });
    expect(skip.dataset.rowCount).toBe(29);

    const err = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Abort', onError: 'abort' }));
    expect(err.code).toBe('BAD_DATA');
    expect(err.details).toMatchObject({ file: 'bad.csv', row: 8, column: 'amount' });
    expect(err.message).toMatch(/bad\.csv, row 8, column "amount"/);
    expect(svc.core().datasets.findByName(workspaceId, 'Abort')).toBeUndefined();
  });

  it('a date column with mixed formats: ISO plus the detected format import, other formats are issues', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const days = Array.from({ length: 18 }, (_, i) => `${String(i + 1).padStart(2, '0')}/03/2024`);
    const file = write('mixed.csv', ['when', ...days, '2024-03-19', 'March 20 2024', '21.03.2024'].join('\n') + '\n');
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect(p.columns[0]).toMatchObject({ type: 'datetime', dateFormat: 'DD/MM/YYYY' });
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Mixed', onError: 'skip' });
    expect(r.inserted).toBe(19);
    expect(r.issues.map((i) => [i.row, i.value])).toEqual([
      [21, 'March 20 2024'],
      [22, '21.03.2024'],
    ]);
    expect(r.issues[0]!.reason).toMatch(/DD\/MM\/YYYY/);
  });

  it('imports a 10 MB field', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const big = 'x'.repeat(10 * 1024 * 1024);
    const file = write('big.csv', `id,blob,after\n1,"${big}",ok\n2,small,ok\n`);
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'Big' });
    expect(r.inserted).toBe(2);
    const rows = allRows(svc, workspaceId, r.dataset.id);
    expect((rows[0]![1] as string).length).toBe(big.length);
    expect(rows[0]![2]).toBe('ok');
    const p = await svc.dispatcher.call('import.preview', { workspaceId, source: { path: file } });
    expect((p.rows[0]![1] as string).length).toBeLessThanOrEqual(2001);
  });

  it('refuses bad files with a clear message: empty, binary, unclosed quote, missing', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const empty = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('empty.csv', '') }, name: 'E' }));
    expect([empty.code, empty.message]).toEqual(['BAD_DATA', 'empty.csv is empty (0 bytes): there is nothing to import']);

    const bin = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const binary = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('photo.csv', bin) }, name: 'B' }));
    expect(binary.code).toBe('BAD_DATA');
    expect(binary.message).toMatch(/photo\.csv is not a text file/);

    const unclosed = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: write('q.csv', 'a,b\n1,2\n3,"oops\n4,5\n6,7\n') }, name: 'Q' }));
    expect(unclosed.code).toBe('BAD_DATA');
    expect(unclosed.details.row).toBe(3);
    expect(unclosed.message).toMatch(/starting on row 3 is never closed/);

    const missing = await failure(svc.dispatcher.call('import.commit', { workspaceId, source: { path: '/nonexistent/dir/sales.csv' }, name: 'M' }));
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', 'sales.csv does not exist']);
    const old = await failure(svc.dispatcher.call('import.preview', { workspaceId, source: { path: write('old.xls', 'x') } }));
    expect(old.message).toMatch(/\.xls.*save it as \.xlsx/);
    // Nothing of the failed imports remains.
    expect(await svc.dispatcher.call('datasets.list', { workspaceId })).toEqual([]);
  });

  it('keeps null markers as nulls in typed columns and as text in text columns', async () => {
    const { svc, workspaceId, write } = await importEnv();
    const file = write('n.csv', 'n,label\n1,NA\nNA,x\n,\n3,y\n');
    const r = await svc.dispatcher.call('import.commit', { workspaceId, source: { path: file }, name: 'N' });
    expect(r.dataset.columns.map((c) => c.type)).toEqual(['integer', 'text']);
    expect(allRows(svc, workspaceId, r.dataset.id)).toEqual([
      [1, 'NA'],
      [null, 'x'],
      [null, null],
      [3, 'y'],
    ]);
  });
});
