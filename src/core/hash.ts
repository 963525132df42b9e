/**
 * sha256 and random suffixes without importing node:crypto at module load: crypto's ~20 internal
 * modules cost ~4 ms of every start-up (measured, issue 20), and most runs (status, --help) never
 * hash. process.getBuiltinModule (Node ≥ 20.16) loads it synchronously on first use.
 */
import type * as Crypto from 'node:crypto';

let mod: typeof Crypto | undefined;
const crypto = (): typeof Crypto => (mod ??= process.getBuiltinModule('node:crypto'));

/** One-shot `crypto.hash` (Node ≥ 20.12): a third of createHash's cost on a short line (10k log lines, issue 20). */
export const sha256Hex = (data: string | Uint8Array): string => crypto().hash('sha256', data, 'hex');

/** An incremental hash (git's blob ids, sha256 over parts), node:crypto loaded on first use. */
export const createHash = (algorithm: 'sha1' | 'sha256'): Crypto.Hash => crypto().createHash(algorithm);

/** sha256 of several parts in turn, without joining them first (a listing's paths and its stamps' bytes). */
export function sha256Parts(parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

export const randomHex = (bytes: number): string => crypto().randomBytes(bytes).toString('hex');

/** FNV-1a (32 bits) of the text's UTF-8 bytes, in hex: a short stable file name for a cache entry, not a defence. */
export function fnv1aHex(text: string): string {
  let h = 0x811c9dc5;
  for (const c of Buffer.from(text, 'utf8')) h = Math.imul(h ^ c, 0x01000193) >>> 0;
  return h.toString(16);
}
