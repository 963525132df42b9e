/**
 * Every state or report write goes through here: temp file + fsync + rename (write-file-atomic),
 * so a Ctrl-C or a kill at any moment leaves each file either old or new.
 */
import { mkdirSync, openSync, writeSync, fsyncSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { EnvError } from '../core/errors.js';

export async function writeAtomic(file: string, content: string): Promise<void> {
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    mkdirSync(dirname(file), { recursive: true });
    await writeFileAtomic(file, content, { fsync: true });
  } catch (err) {
    throw new EnvError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}

export async function writeJsonAtomic(file: string, data: unknown): Promise<void> {
  await writeAtomic(file, `${JSON.stringify(data, null, 2)}\n`);
}

/**
 * Append one line (O_APPEND, then fsync). Appends of one small write are atomic with respect to
 * other appenders on a local filesystem, so concurrent writers interleave whole lines.
 */
export function appendLine(file: string, line: string): void {
  if (line.includes('\n')) throw new Error('appendLine: a line must not contain a newline');
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a');
    try {
      writeSync(fd, `${line}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new EnvError(`cannot append to ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}

export interface JsonlRead<T> { records: T[]; tornLine: number | undefined }

/**
 * Read an append-only JSON-lines log. A torn last line (a crash mid-append) is ignored and
 * reported, never "repaired" by truncating good lines; a bad line elsewhere is real corruption.
 */
export function readJsonl<T>(file: string): JsonlRead<T> & { badLines: number[] } {
  if (!existsSync(file)) return { records: [], tornLine: undefined, badLines: [] };
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const endsClean = text.endsWith('\n') || text === '';
  if (endsClean) lines.pop();
  const records: T[] = [];
  const badLines: number[] = [];
  let tornLine: number | undefined;
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    if (l.trim() === '') return;
    try {
      records.push(JSON.parse(l) as T);
      if (last && !endsClean) tornLine = i + 1; // parsed but unterminated: still complete JSON, keep it
    } catch {
      if (last && !endsClean) tornLine = i + 1;
      else badLines.push(i + 1);
    }
  });
  if (tornLine !== undefined && records.length > 0 && !endsClean) {
    // A complete JSON object without its newline is kept; only an unparseable tail is dropped.
    const lastText = lines[lines.length - 1] ?? '';
    try { JSON.parse(lastText); tornLine = undefined; } catch { /* truly torn */ }
  }
  return { records, tornLine, badLines };
}
