/** Labels and choices for the import wizard's parse options (pure). */
import type { ImportOptions } from '../../../../../shared/contract/data.js';

export const DELIMITERS: { value: string; label: string }[] = [
  { value: ',', label: 'Comma ( , )' },
  { value: ';', label: 'Semicolon ( ; )' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe ( | )' },
];

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1', 'shift_jis', 'gb18030'];

export function delimiterLabel(d: string | undefined): string {
  if (d === undefined) return '—';
  return DELIMITERS.find((x) => x.value === d)?.label ?? JSON.stringify(d);
}

/** A dataset name from a file name: "Sales 2024.csv" → "Sales 2024". */
export function datasetNameFromFile(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  const stem = base.replace(/\.(csv|tsv|txt|json|ndjson|jsonl|xlsx)$/i, '');
  return (stem.replace(/[_]+/g, ' ').trim() || 'Imported data').slice(0, 120);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** Options for the next preview or commit: only what the user set, so main keeps detecting the rest. */
export function effectiveOptions(o: ImportOptions): ImportOptions {
  const out: ImportOptions = { hasHeader: o.hasHeader ?? true, types: o.types ?? {}, dateFormats: o.dateFormats ?? {} };
  if (o.format) out.format = o.format;
  if (o.delimiter) out.delimiter = o.delimiter;
  if (o.encoding) out.encoding = o.encoding;
  if (o.sheet) out.sheet = o.sheet;
  if (o.timeColumn) out.timeColumn = o.timeColumn;
  return out;
}
