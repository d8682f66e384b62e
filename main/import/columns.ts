/**
 * Column names as a person reads them: trimmed; an empty header becomes "column_N" (its 1-based
 * position) and a repeated one gets a suffix ("name", "name_2", "name_3"), so every column can be
 * addressed by name. Renames are reported back so the preview can show them.
 */
export interface ColumnName {
  name: string;
  renamedFrom?: string;
}

export function uniqueColumnNames(raw: readonly (string | null | undefined)[]): ColumnName[] {
  const taken = new Set<string>();
  const trimmed = raw.map((r) => (r ?? '').toString().trim());
  // Names written in the file win over generated ones, so reserve them first.
  const counts = new Map<string, number>();
  for (const t of trimmed) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  const out: ColumnName[] = [];
  trimmed.forEach((t, i) => {
    let name = t || `column_${i + 1}`;
    if (taken.has(name) || (!t && counts.has(name))) {
      const base = name;
      let n = 2;
      while (taken.has(`${base}_${n}`) || counts.has(`${base}_${n}`)) n++;
      name = `${base}_${n}`;
    }
    taken.add(name);
    out.push(name === t ? { name } : { name, renamedFrom: raw[i] == null ? '' : String(raw[i]) });
  });
  return out;
}

/** Generated names for files without a header row. */
export function positionalNames(width: number): ColumnName[] {
  return Array.from({ length: width }, (_, i) => ({ name: `column_${i + 1}` }));
}
