/**
 * git's blob id of a text cut to a size, each size hashed once per run: the append-only memo and the chain memo
 * both prove "the file still starts with the bytes it had" by one such id, usually of the same size (the whole
 * file), and a 10k-line attempt log is 3.5 MB of SHA-1 per hash (issue 20).
 */
import { createHash } from '../core/hash.js';

export interface PrefixIds {
  readonly bytes: Buffer;
  /** The blob id of the first `size` bytes: sha1, or sha256 for a sha256 repository. */
  id(size: number, sha256?: boolean): string;
}

export function prefixIds(text: string): PrefixIds {
  const bytes = Buffer.from(text, 'utf8');
  const known = new Map<string, string>();
  return {
    bytes,
    id(size, sha256 = false) {
      const key = `${sha256 ? 's' : ''}${size}`;
      let id = known.get(key);
      if (id === undefined) known.set(key, (id = blobId(bytes, size, sha256)));
      return id;
    },
  };
}

export function blobId(bytes: Uint8Array, size: number, sha256: boolean): string {
  return createHash(sha256 ? 'sha256' : 'sha1')
    .update(`blob ${size}\0`)
    .update(bytes.subarray(0, size))
    .digest('hex');
}
