/**
 * `lynx checkpoint` only, like the append-only memo beside it: "the first `size` bytes of this attempt log, whose
 * blob id is `oid`, are `lines` lines whose hash chain verified". The chain is a function of those bytes, so once
 * the log still starts with that blob the links need not be hashed again (10k sha256, ~16 ms, issue 20); the lines
 * are still parsed, as the checks read every record. Derived state, never a source of truth: the gate and
 * `report` never read it, and a memo that does not parse, names another file or no longer matches the bytes
 * proves nothing (0 lines).
 */
import { fnv1aHex } from '../core/hash.js';
import type { PrefixIds } from './prefix-ids.js';
import { readCacheJson, writeCacheJson } from './workspace.js';

interface ChainMemo {
  v: 1;
  rel: string;
  size: number;
  oid: string;
  lines: number;
}

const nameOf = (rel: string): string => `chain-${fnv1aHex(rel)}.json`;

/** How many leading lines of the log a memo proves chain-verified (0 when none). */
export function trustedLines(root: string, rel: string, ids: PrefixIds): number {
  const m = readCacheJson(root, nameOf(rel)) as Partial<ChainMemo> | undefined;
  const ok =
    m?.v === 1 &&
    m.rel === rel &&
    Number.isSafeInteger(m.size) &&
    Number.isSafeInteger(m.lines) &&
    (m.lines ?? -1) >= 0 &&
    (m.size ?? -1) > 0 &&
    (m.size ?? Infinity) <= ids.bytes.length &&
    ids.bytes[(m.size ?? 0) - 1] === 0x0a && // a memo ends at a line's end
    typeof m.oid === 'string';
  if (!ok || newlines(ids.bytes, m.size ?? 0) !== m.lines || ids.id(m.size ?? 0) !== m.oid) return 0;
  return m.lines ?? 0;
}

/** Line ends in the first `size` bytes: a memo's count must be the lines its bytes hold, never more. */
function newlines(bytes: Buffer, size: number): number {
  let n = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < size; at = bytes.indexOf(0x0a, at + 1)) n++;
  return n;
}

/** Remember that the whole log (complete lines only) verified; rewritten only when it grew. */
export function rememberChain(root: string, rel: string, ids: PrefixIds, lines: number, trusted: number): void {
  const size = ids.bytes.length;
  if (lines === trusted || size === 0 || ids.bytes[size - 1] !== 0x0a) return;
  writeCacheJson(root, nameOf(rel), { v: 1, rel, size, oid: ids.id(size), lines } satisfies ChainMemo);
}
