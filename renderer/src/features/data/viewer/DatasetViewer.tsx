/**
 * The table viewer: every row of a dataset in a virtualised grid. Only the visible rows exist in the
 * DOM; their data comes in blocks from datasets.rows (RowCache), so a million rows scroll like ten.
 * Sorting by a column asks main for rows in that order.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { DatasetMeta } from '../../../../../shared/model/dataset.js';
import { useClient } from '../../../app/context.js';
import { errorMessage } from '../../../app/errors.js';
import { formatCell } from '../../../lib/format.js';
import { Icon } from '../../../ui/Icon.js';
import { ErrorBanner } from '../../../ui/States.js';
import { RowCache } from './row-cache.js';

const ROW_H = 28;
type Sort = { column: string; dir: 'asc' | 'desc' } | null;

function columnWidth(type: string): number {
  return type === 'datetime' ? 190 : type === 'text' ? 200 : type === 'boolean' ? 90 : 130;
}

export function DatasetViewer({ workspaceId, dataset }: { workspaceId: string; dataset: DatasetMeta }) {
  const client = useClient();
  const [sort, setSort] = useState<Sort>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const cache = useMemo(
    () => new RowCache((offset, limit) => client.call('datasets.rows', { workspaceId, datasetId: dataset.id, offset, limit, ...(sort ? { sort } : {}) }), dataset.rowCount),
    // A new dataset version (rows changed) or sort order starts a fresh cache.
    [client, workspaceId, dataset.id, dataset.rowCount, dataset.updatedAt, sort],
  );
  useEffect(() => {
    const off = cache.onChange(rerender);
    return () => {
      off();
      cache.close();
    };
  }, [cache]);

  const rows = useVirtualizer({ count: cache.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_H, overscan: 24 });
  const items = rows.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    cache.want(first, last + 1);
  }, [cache, first, last]);

  const widths = dataset.columns.map((c) => columnWidth(c.type));
  const numW = Math.max(56, cache.total.toLocaleString().length * 8 + 24);
  // The last column takes what is left, so a narrow dataset still fills the viewer.
  const template = `${numW}px ${widths.map((w, i) => (i === widths.length - 1 ? `minmax(${w}px, 1fr)` : `${w}px`)).join(' ')}`;
  const totalWidth = `max(100%, ${numW + widths.reduce((a, b) => a + b, 0)}px)`;

  const toggleSort = (column: string) => {
    setSort((s) => (s?.column !== column ? { column, dir: 'asc' } : s.dir === 'asc' ? { column, dir: 'desc' } : null));
    scrollRef.current?.scrollTo({ top: 0 });
  };

  return (
    <div className="viewer">
      {cache.error ? <ErrorBanner title="Rows could not be loaded" message={errorMessage(cache.error)} /> : null}
      <div className="viewer-scroll" ref={scrollRef} tabIndex={0} role="table" aria-label={`${dataset.name}: ${cache.total.toLocaleString()} rows`} aria-rowcount={cache.total + 1} data-testid="dataset-viewer">
        <div className="viewer-head" role="row" style={{ gridTemplateColumns: template, width: totalWidth }}>
          <span role="columnheader" className="viewer-th num">
            #
          </span>
          {dataset.columns.map((c) => (
            <div key={c.key} role="columnheader" className={`viewer-th${c.type === 'integer' || c.type === 'number' ? ' num' : ''}`} aria-sort={sort?.column === c.name ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="th-button" title={`${c.name} (${c.type}) — sort`} onClick={() => toggleSort(c.name)}>
                <span className="viewer-th-name">{c.name}</span>
                <span className="viewer-th-type">{c.type}</span>
                {sort?.column === c.name ? <Icon name={sort.dir === 'asc' ? 'arrowUp' : 'arrowDown'} size={12} /> : null}
              </button>
            </div>
          ))}
        </div>
        <div style={{ height: rows.getTotalSize(), width: totalWidth, position: 'relative' }}>
          {items.map((vi) => {
            const row = cache.get(vi.index);
            return (
              <div key={vi.key} role="row" aria-rowindex={vi.index + 2} className={`viewer-row${vi.index % 2 ? ' odd' : ''}`} style={{ transform: `translateY(${vi.start}px)`, gridTemplateColumns: template, height: ROW_H }}>
                <span role="cell" className="viewer-td num muted">
                  {(vi.index + 1).toLocaleString()}
                </span>
                {row
                  ? row.map((v, i) => {
                      const t = dataset.columns[i]?.type;
                      return (
                        <span key={i} role="cell" className={`viewer-td${t === 'integer' || t === 'number' ? ' num' : ''}${v === null ? ' null' : ''}`}>
                          {formatCell(v, t)}
                        </span>
                      );
                    })
                  : dataset.columns.map((c) => (
                      <span key={c.key} role="cell" className="viewer-td">
                        <span className="cell-loading" />
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
