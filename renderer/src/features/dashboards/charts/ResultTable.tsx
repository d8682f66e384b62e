import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { QueryResult } from '../../../../../shared/model/query.js';
import { formatBucket, formatNumber, type NumberFormat } from '../../../lib/format.js';
import type { TimeBucket } from '../../../../../shared/model/query.js';

const ROW_H = 30;

/** A table widget: the query result with sortable columns, virtualised so long results stay fast. */
export function ResultTable({ result, bucket, format, onRendered }: { result: QueryResult; bucket: TimeBucket | undefined; format: NumberFormat; onRendered?: () => void }) {
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    if (!sort) return result.rows;
    const { col, dir } = sort;
    return [...result.rows].sort((a, b) => {
      const x = a[col];
      const y = b[col];
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }, [result, sort]);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 10 });
  useEffect(() => onRendered?.(), [result, onRendered]);
  const cell = (val: unknown, i: number) => {
    const c = result.columns[i]!;
    if (c.role === 'x' && (c.type === 'datetime' || bucket)) return formatBucket(val, bucket);
    if (typeof val === 'number') return formatNumber(val, c.role === 'y' ? format : 'number');
    return val === null || val === undefined ? '—' : String(val);
  };
  const template = result.columns.map((c) => (c.role === 'y' ? 'minmax(72px, 1fr)' : 'minmax(96px, 1.5fr)')).join(' ');
  return (
    <div className="result-table" role="table" aria-rowcount={rows.length + 1} data-rendered="true" data-points={rows.length}>
      <div className="rt-head" role="row" style={{ gridTemplateColumns: template }}>
        {result.columns.map((c, i) => (
          <div key={c.name + i} role="columnheader" className={`rt-th${c.role === 'y' ? ' num' : ''}`} aria-sort={sort?.col === i ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
            <button type="button" className="th-button" title={`Sort by ${c.name}`} onClick={() => setSort((s) => (s?.col === i ? (s.dir === 1 ? { col: i, dir: -1 } : null) : { col: i, dir: 1 }))}>
              {c.name}
              {sort?.col === i ? (sort.dir === 1 ? ' ↑' : ' ↓') : ''}
            </button>
          </div>
        ))}
      </div>
      <div className="rt-body" ref={scrollRef} tabIndex={0} aria-label="Table rows">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((vi) => {
            const row = rows[vi.index]!;
            return (
              <div key={vi.key} role="row" className="rt-row" style={{ transform: `translateY(${vi.start}px)`, height: ROW_H, gridTemplateColumns: template }}>
                {row.map((val, i) => (
                  <span key={i} role="cell" className={`rt-td${result.columns[i]?.role === 'y' ? ' num' : ''}`}>
                    {cell(val, i)}
                  </span>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
