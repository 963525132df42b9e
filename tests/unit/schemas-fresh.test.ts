import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/cli.js';

describe('generated schema artefacts', () => {
  it('types.ts and the standalone validators match src/schemas (run `npm run gen` when this fails)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schemas.ts', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
