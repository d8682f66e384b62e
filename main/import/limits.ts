/** Sizes the import pipeline works with, in one place so tests and docs can refer to them. */

/** Data rows read before types are inferred; later rows are checked against those types. */
export const SAMPLE_ROWS = 1000;
/** Row issues kept with their details; beyond this only the count grows. */
export const MAX_ISSUES = 100;
/** SQLite allows 2000 columns per table; keep head-room for the row id and derived columns. */
export const MAX_COLUMNS = 1000;
/** A single CSV record (or quoted field) longer than this is refused: it is almost always an unclosed quote. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;
/** Characters of a value shown in an issue. */
export const ISSUE_VALUE_CHARS = 120;
/** Characters of a cell shown in a preview (the import itself keeps everything). */
export const PREVIEW_CELL_CHARS = 2000;
/** Bytes read per step: 64 KiB measured fastest for papaparse here (bigger chunks cost more in string splitting). */
export const READ_CHUNK_BYTES = 64 * 1024;
/** Rows per columnar batch handed from the parser to the writer. */
export const BATCH_ROWS = 16384;
/** Files at least this big are parsed in a worker thread, pipelined with the inserts. */
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;
/** At most this many progress events per second. */
export const PROGRESS_INTERVAL_MS = 100;
