// npm's `prepare` hook: build dist/ after `npm ci`/`npm install` in a clone and for a git-URL install
// (npm clones the repository, installs its devDependencies and runs `prepare` before packing it).
// `npm pack` and `npm publish` run `prepack` (which builds) *and then* `prepare`: skip the second build.
import { spawnSync } from 'node:child_process';

const cmd = process.env.npm_command ?? '';
if (cmd === 'pack' || cmd === 'publish') process.exit(0);
const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
