/** Where lynx's own files are (bundled data, templates), found from this module's location. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The package root: the nearest ancestor holding lynx's package.json (works from src/ and dist/). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'lynx.js'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('lynx package root not found');
    dir = up;
  }
}

let version: string | undefined;
export function lynxVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
