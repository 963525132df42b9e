/** Piped stdin as text (`echo x | lynx journal`), capped: a journal entry is not a file upload. */
import { UsageError } from '../core/errors.js';

export async function readStdinText(cap = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of process.stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > cap)
      throw new UsageError(`stdin holds more than ${cap / 1024} KiB; a journal entry is shorter`, {
        hint: 'Write long notes to a file in notes/ and journal a line about them.',
      });
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
