import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { appendLine, writeAtomic } from '../../src/io/fsx.js';
import { cleanup, tempDir, repoRoot } from '../helpers/cli.js';

afterAll(cleanup);

describe('atomic writes and append-only logs', () => {
  it('writeAtomic replaces the whole file', async () => {
    const f = join(tempDir(), 'a', 'b.json');
    await writeAtomic(f, 'old\n');
    await writeAtomic(f, 'new\n');
    expect(readFileSync(f, 'utf8')).toBe('new\n');
  });

  it('appends from two processes at once lose nothing', async () => {
    const f = join(tempDir(), 'journal.jsonl');
    const script = `import { appendLine } from ${JSON.stringify(join(repoRoot, 'src/io/fsx.ts'))};
for (let i = 0; i < 200; i++) appendLine(process.argv[1], JSON.stringify({ w: process.argv[2], i }));`;
    const run = (w: string) =>
      new Promise<void>((res, rej) => {
        const p = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, f, w], {
          cwd: repoRoot,
          stdio: 'inherit',
        });
        p.on('exit', (c) => (c === 0 ? res() : rej(new Error(`exit ${c}`))));
      });
    await Promise.all([run('a'), run('b')]);
    // every line whole (JSON.parse throws on an interleaved one), none lost
    const records = readFileSync(f, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { w: string; i: number });
    expect(records.filter((x) => x.w === 'a')).toHaveLength(200);
    expect(records.filter((x) => x.w === 'b')).toHaveLength(200);
  });

  it('appendLine refuses embedded newlines', () => {
    expect(() => appendLine(join(tempDir(), 'x'), 'a\nb')).toThrow();
  });
});
