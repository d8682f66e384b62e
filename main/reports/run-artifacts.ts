/**
 * What a run produced, kept on disk (<home>/reports/<run id>/) so a retry re-sends exactly the same
 * email and files without generating again, and the history can offer the files for download.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { OutputFormat } from '../../shared/model/report.js';
import { CONTENT_TYPES, type GeneratedFile } from './generate.js';
import type { EmailContent } from './render/email-html.js';

export interface RunArtifacts {
  files: GeneratedFile[];
  email: EmailContent | null;
  subject: string;
}

interface Manifest {
  subject: string;
  files: { format: OutputFormat; name: string }[];
  email: { html: string; text: string; images: { cid: string; filename: string }[] } | null;
}

export function saveArtifacts(dir: string, a: RunArtifacts): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of a.files) fs.writeFileSync(path.join(dir, f.name), f.content);
  const images = path.join(dir, 'email-images');
  if (a.email?.images.length) {
    fs.mkdirSync(images, { recursive: true });
    for (const img of a.email.images) fs.writeFileSync(path.join(images, img.filename), img.content);
  }
  const manifest: Manifest = {
    subject: a.subject,
    files: a.files.map((f) => ({ format: f.format, name: f.name })),
    email: a.email ? { html: a.email.html, text: a.email.text, images: a.email.images.map(({ cid, filename }) => ({ cid, filename })) } : null,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

export function loadArtifacts(dir: string): RunArtifacts | null {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) return null;
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    return {
      subject: m.subject,
      files: m.files.map((f) => ({ format: f.format, name: f.name, contentType: CONTENT_TYPES[f.format], content: fs.readFileSync(path.join(dir, f.name)) })),
      email: m.email ? { html: m.email.html, text: m.email.text, images: m.email.images.map((i) => ({ ...i, content: fs.readFileSync(path.join(dir, 'email-images', i.filename)) })) } : null,
    };
  } catch {
    return null;
  }
}

/** Deletes run folders older than `maxAgeMs` (the history rows stay). */
export function pruneArtifacts(root: string, maxAgeMs: number, now = Date.now()): number {
  if (!fs.existsSync(root)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name);
    try {
      if (now - fs.statSync(dir).mtimeMs > maxAgeMs) {
        fs.rmSync(dir, { recursive: true, force: true });
        removed++;
      }
    } catch {
      // Raced with another process; fine.
    }
  }
  return removed;
}
