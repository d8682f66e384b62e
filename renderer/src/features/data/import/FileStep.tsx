import { useId, useState } from 'react';
import { Icon } from '../../../ui/Icon.js';

const ACCEPT = '.csv,.tsv,.txt,.json,.ndjson,.jsonl,.xlsx,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Pick a file with the file dialog or by dropping it here. */
export function FileStep({ onFile }: { onFile: (f: File) => void }) {
  const id = useId();
  const [over, setOver] = useState(false);
  return (
    <div
      className={`dropzone${over ? ' dropzone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f) onFile(f);
      }}
    >
      <Icon name="upload" size={32} />
      <p className="dropzone-title">Drop a file here, or</p>
      <input
        id={id}
        type="file"
        accept={ACCEPT}
        className="visually-hidden file-input"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
      <label htmlFor={id} className="btn btn-primary">
        Choose a file…
      </label>
      <p className="muted small">CSV or TSV (any delimiter and encoding), JSON (an array of objects, or one object per line) and Excel .xlsx.</p>
    </div>
  );
}
