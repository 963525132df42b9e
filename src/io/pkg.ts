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

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}
let manifest: PackageJson | undefined;
const packageJson = (): PackageJson =>
  (manifest ??= JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson);

export function lynxVersion(): string {
  return packageJson().version;
}

/**
 * The npm install spec of this very lynx for a learner's CI: the git tag `v<version>` of lynx's
 * repository (the package is not on the registry yet; npm builds a git dependency through `prepare`).
 */
export function lynxInstallSpec(): string {
  const repo = packageJson().repository;
  const url = (typeof repo === 'string' ? repo : repo?.url) ?? 'git+https://github.com/lynx-cortex/lynx.git';
  return `${url.startsWith('git+') ? url : `git+${url}`}#v${lynxVersion()}`;
}

/**
 * How a person runs this lynx, for commands lynx prints: `lynx` when an executable of that name is on
 * PATH, else the resolved path of this checkout's bin/lynx.js through node (pasteable as printed).
 */
export function lynxInvocation(env: NodeJS.ProcessEnv = process.env): string {
  for (const dir of (env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'lynx'))) return 'lynx';
  return `node ${join(packageRoot(), 'bin', 'lynx.js')}`;
}
