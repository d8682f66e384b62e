/** A table's header row from its column names; numeric columns align right, a hidden label still names its column for screen readers. */
export function TableHead({ columns }: { columns: (string | { label: string; num?: boolean; hidden?: boolean })[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => {
          const col = typeof c === 'string' ? { label: c } : c;
          return (
            <th key={col.label} scope="col" className={col.num ? 'num' : undefined}>
              {col.hidden ? <span className="visually-hidden">{col.label}</span> : col.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
