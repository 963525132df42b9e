/**
 * Appending to an append-only log whose last line may be torn (a crash mid-append). The log is
 * never rewritten — no complete line is touched, and every committed version stays a prefix of the
 * file (the gate checks that) — so the new line is written after a newline that closes the torn
 * one, in the same single write (fsx appendLine `afterTorn`). Readers then ignore the torn line with
 * a warning; in the attempt log the new record names the torn line's hash and chains to the last
 * good line, so the skip is itself on the record.
 */
import { splitTornTail, lastLine } from '../core/attempts.js';
import { appendLine, CAPS, readRegularText } from './fsx.js';
import type { Workspace } from './workspace.js';

export interface TornNote {
  file: string;
  line: number;
}

export const tornWarning = (t: TornNote): string =>
  `${t.file}:${t.line}: torn last line (a crash while appending) ignored`;

/** A log's complete text (a torn tail left out) and whether its tail is torn. Nothing is written. */
export function readLog(
  ws: Workspace,
  rel: string,
): { text: string; raw: string; torn: TornNote | undefined; tornText: string | undefined } {
  // a regular file inside the workspace, capped, strict UTF-8 (fsx-read.ts)
  const raw = readRegularText(ws.abs(rel), { display: rel, cap: CAPS.log, root: ws.root, optional: true }) ?? '';
  const split = splitTornTail(raw);
  return {
    text: split.good,
    raw,
    torn: split.torn === undefined ? undefined : { file: rel, line: split.tornLine ?? 1 },
    tornText: split.torn,
  };
}

/**
 * Append one line built from the log's last complete line and the torn tail it follows, if any
 * (hash chains need both). Call under the workspace lock. One write, then fsync: the line lands
 * whole or not at all.
 */
export function appendToLog(
  ws: Workspace,
  rel: string,
  make: (last: string | undefined, torn: string | undefined) => string,
): { line: string; torn: TornNote | undefined } {
  const { text, raw, torn, tornText } = readLog(ws, rel);
  const line = make(lastLine(text), tornText);
  appendLine(ws.abs(rel), line, { afterTorn: raw !== '' && !raw.endsWith('\n') });
  return { line, torn };
}
