import { describe, expect, it } from 'vitest';
import { readTextChunks } from '../../../main/import/text/read-text.js';
import { fileDir } from './helpers.js';

describe('reading text in chunks', () => {
  it('decodes UTF-8 exactly, whatever characters straddle the read boundaries', async () => {
    const write = fileDir();
    // 3 MB of text mixing 1-, 2-, 3- and 4-byte characters, so many fall across 1 MiB reads.
    const unit = 'aé€😀,b\n';
    const text = unit.repeat(Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(unit))) + 'ascii only tail '.repeat(70_000);
    const file = write('mixed.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    let out = '';
    let lastBytes = 0;
    for await (const c of readTextChunks(file, { encoding: 'utf-8', bomBytes: 3 })) {
      out += c.text;
      lastBytes = c.bytesRead;
    }
    expect(out.length).toBe(text.length);
    expect(out === text).toBe(true);
    expect(lastBytes).toBe(Buffer.byteLength(text) + 3);
  });
});
