/**
 * tinyglobby, loaded on the first glob that needs it. Most checkpoints need none: the manifest listing
 * (./listing.ts) and one-directory globs (./dir-glob.ts) answer phase 00's patterns, and loading tinyglobby
 * with picomatch at every context cost ~12 ms (issue 20). A plain require (not `await import`) because
 * CheckContext.fs.glob is synchronous; it is a dependency loaded from node_modules, not bundled.
 */
import { createRequire } from 'node:module';
import type * as Tinyglobby from 'tinyglobby';

let mod: typeof Tinyglobby | undefined;

export function globSync(patterns: string | readonly string[], options: Tinyglobby.GlobOptions): string[] {
  mod ??= createRequire(import.meta.url)('tinyglobby') as typeof Tinyglobby;
  return mod.globSync(patterns, options);
}
