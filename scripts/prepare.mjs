// npm's `prepare` hook: build dist/ after `npm ci`/`npm install` in a clone and for a git-URL install
// (npm clones the repository, installs its devDependencies and runs `prepare` before packing it).
// `npm pack` and `npm publish` run `prepack` (which builds) *and then* `prepare`: skip the second build.
import { spawnSync } from 'node:child_process';

const cmd = process.env.npm_command ?? '';
if (cmd === 'pack' || cmd === 'publish') process.exit(0);
// the npm that runs this hook (npm_execpath), under the same node: PATH may hold neither in a git install
const npm = process.env.npm_execpath;
const r = npm
  ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' })
  : spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
