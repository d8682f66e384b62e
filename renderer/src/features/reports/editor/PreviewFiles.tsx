import { useEffect, useState } from 'react';
import type { ReportPreview } from '../../../../../shared/contract/reports.js';
import { useApp, useClient } from '../../../app/context.js';
import { deliverDownload } from '../../../app/downloads.js';
import { errorMessage } from '../../../app/errors.js';
import { Button } from '../../../ui/Button.js';
import { FORMAT_LABELS, formatBytes } from '../model/format.js';

type PreviewFile = ReportPreview['files'][number];

/**
 * The files a run would produce, to download, and (where the browser can show them: PDF and the HTML
 * document, when the host serves downloads over HTTP) to look at in place. The PDF is shown from a
 * blob: URL (the host sends downloads as attachments) and the HTML in a sandboxed frame without scripts.
 */
export function PreviewFiles({ files }: { files: PreviewFile[] }) {
  const client = useClient();
  const { toast, reportError } = useApp((s) => ({ toast: s.toast, reportError: s.reportError }));
  const [shown, setShown] = useState<{ file: PreviewFile; url?: string; html?: string } | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const canShow = (f: PreviewFile) => (f.format === 'pdf' || f.format === 'html') && client.downloadUrl(f.downloadId) !== null;

  useEffect(() => () => void (shown?.url && URL.revokeObjectURL(shown.url)), [shown]);

  const show = async (f: PreviewFile) => {
    if (shown?.file.downloadId === f.downloadId) return setShown(null);
    setLoading(f.downloadId);
    try {
      const res = await fetch(client.downloadUrl(f.downloadId)!);
      if (!res.ok) throw new Error(`The file is no longer available (${res.status}); refresh the preview.`);
      if (f.format === 'pdf') setShown({ file: f, url: URL.createObjectURL(new Blob([await res.arrayBuffer()], { type: 'application/pdf' })) });
      else setShown({ file: f, html: await res.text() });
    } catch (e) {
      toast({ kind: 'error', message: errorMessage(e) });
    } finally {
      setLoading(null);
    }
  };

  return (
    <div className="stack">
      <ul className="preview-files" aria-label="Files">
        {files.map((f) => (
          <li key={f.downloadId} data-format={f.format}>
            <span className="file-format">{f.format.toUpperCase()}</span>
            <span className="file-name">{f.name}</span>
            <span className="muted small" data-testid="file-size">
              {formatBytes(f.bytes)}
            </span>
            {canShow(f) ? (
              <Button size="sm" variant="ghost" icon="eye" busy={loading === f.downloadId} aria-pressed={shown?.file.downloadId === f.downloadId} onClick={() => void show(f)}>
                {shown?.file.downloadId === f.downloadId ? 'Hide' : 'Show'}
              </Button>
            ) : null}
            <Button
              size="sm"
              icon="download"
              onClick={() =>
                void deliverDownload(client, { downloadId: f.downloadId, fileName: f.name }).then(
                  (m) => m && toast({ kind: 'success', message: m }),
                  (e) => reportError(e, 'Download failed'),
                )
              }
              aria-label={`Download ${FORMAT_LABELS[f.format]}`}
            >
              Download
            </Button>
          </li>
        ))}
      </ul>
      {shown?.url ? <iframe className="file-frame" title={`${shown.file.name} (preview)`} src={shown.url} /> : null}
      {shown?.html !== undefined ? <iframe className="file-frame" title={`${shown.file.name} (preview)`} sandbox="" srcDoc={shown.html} /> : null}
    </div>
  );
}
