import { z } from 'zod';

export const COLUMN_TYPES = ['integer', 'number', 'boolean', 'datetime', 'text'] as const;
export const ColumnType = z.enum(COLUMN_TYPES);
export type ColumnType = z.infer<typeof ColumnType>;

/**
 * A dataset column. `name` is what the user sees and queries by; `key` is the SQL column that stores it
 * (c0, c1, …), so user-supplied names never reach SQL text.
 */
export const DatasetColumn = z.object({
  name: z.string().min(1),
  key: z.string().regex(/^c\d+$/),
  type: ColumnType,
});
export type DatasetColumn = z.infer<typeof DatasetColumn>;

export const DatasetSource = z.object({
  kind: z.enum(['csv', 'json', 'xlsx', 'sample', 'connector', 'snapshot']),
  file: z.string().optional(),
  sheet: z.string().optional(),
});
export type DatasetSource = z.infer<typeof DatasetSource>;

export const DatasetMeta = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string().min(1),
  source: DatasetSource,
  columns: z.array(DatasetColumn),
  rowCount: z.number().int().nonnegative(),
  timeColumn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DatasetMeta = z.infer<typeof DatasetMeta>;

/** Dataset names are user-facing labels: trimmed, 1–120 characters, unique per workspace (checked by the store). */
export const DatasetName = z.string().trim().min(1, 'A dataset needs a name').max(120);
