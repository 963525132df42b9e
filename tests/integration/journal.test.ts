import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { baseEnv, bin, cleanup, lynx, repoRoot, tempDir, workspace, write } from '../helpers/cli.js';

afterAll(cleanup);

const NOW = '2026-05-22T19:14:02Z';

describe('lynx journal', () => {
  it('appends "HH:MM — TEXT" to today\'s file (UTC), created with a heading; --decision marks a decision', () => {
    const dir = workspace('ana');
    const r = lynx(['journal', 'just setup failed: uv was 0.3; upgraded'], { cwd: dir, env: { LYNX_NOW: NOW } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('learners/ana/journal/2026-05-22.md (new today)');
    const d = lynx(['journal', '--decision', 'keep', 'my', 'seed_everything'], {
      cwd: dir,
      env: { LYNX_NOW: '2026-05-22T21:05:59Z' },
    });
    expect(d.code).toBe(0);
    const text = readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8');
    expect(text.startsWith('# Journal — 2026-05-22\n')).toBe(true);
    expect(text).toContain('\n19:14 — just setup failed: uv was 0.3; upgraded\n');
    expect(text).toContain('\n21:05 — Decision: keep my seed_everything\n');
    expect(text).not.toContain('decisions:');
    expect(text.indexOf('19:14')).toBeLessThan(text.indexOf('21:05'));
    const next = JSON.parse(
      lynx(['journal', 'next day', '--json'], { cwd: dir, env: { LYNX_NOW: '2026-05-23T00:00:01Z' } }).stdout,
    ) as { path: string; created: boolean };
    expect(next).toMatchObject({ path: 'learners/ana/journal/2026-05-23.md', created: true });
  });

  it('reads the entry from piped stdin (echo x | lynx journal)', () => {
    const dir = workspace('ana');
    const r = lynx(['journal'], {
      cwd: dir,
      env: { LYNX_NOW: NOW },
      input: 'tried uv sync twice\nthe lockfile was stale\n',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8')).toContain(
      '\n19:14 — tried uv sync twice\nthe lockfile was stale\n',
    );
    const d = lynx(['journal', '--decision'], { cwd: dir, env: { LYNX_NOW: NOW }, input: 'pin uv\n' });
    expect(d.code, d.stderr).toBe(0);
    expect(readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8')).toContain(
      '\n19:14 — Decision: pin uv\n',
    );
  });

  it('without TEXT, with nothing on stdin and without a terminal: exit 2 saying what to pass instead', () => {
    const dir = workspace('ana');
    const r = lynx(['journal'], { cwd: dir, env: { EDITOR: 'true' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no TEXT, nothing on stdin, and no terminal to open $EDITOR in');
    expect(r.stderr).toContain('lynx journal "');
    expect(lynx(['journal', '   '], { cwd: dir }).code).toBe(2);
  });

  it('appends from two processes at once lose nothing', async () => {
    const dir = workspace('ana');
    const env = baseEnv({ LYNX_NOW: NOW });
    const writer = (w: string, n: number) =>
      new Promise<void>((res, rej) => {
        const script = `const { spawnSync } = require('node:child_process');
for (let i = 0; i < ${n}; i++) { const r = spawnSync(process.execPath, [${JSON.stringify(bin)}, 'journal', '${w}-' + i], { cwd: ${JSON.stringify(dir)}, encoding: 'utf8' }); if (r.status !== 0) { console.error(r.stderr); process.exit(1); } }`;
        const p = spawn(process.execPath, ['-e', script], { env, stdio: 'inherit' });
        p.on('exit', (c) => (c === 0 ? res() : rej(new Error(`writer ${w} exit ${c}`))));
      });
    await Promise.all([writer('a', 12), writer('b', 12)]);
    const text = readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8');
    expect(text.match(/^# Journal/gm)).toHaveLength(1);
    for (const w of ['a', 'b'])
      for (let i = 0; i < 12; i++) expect(text, `${w}-${i}`).toContain(`\n19:14 — ${w}-${i}\n`);
    expect(text.match(/^19:14 — /gm)).toHaveLength(24);
  });

  it('the day file is created whole and entries never interleave under heavy concurrency (io level)', async () => {
    const root = tempDir();
    const file = join(root, 'journal', '2026-05-22.md');
    const script = `import { appendEntry } from ${JSON.stringify(join(repoRoot, 'src/io/journal-file.ts'))};
const [file, w, tmp] = process.argv.slice(-3);
for (let i = 0; i < 300; i++) appendEntry(file, '# Journal — 2026-05-22\\n', '\\n19:14 — ' + w + '-' + i + ' first line\\n' + w + '-' + i + ' second line\\n', tmp);`;
    const run = (w: string) =>
      new Promise<void>((res, rej) => {
        const p = spawn(
          process.execPath,
          ['--import', 'tsx', '--input-type=module', '-e', script, '--', file, w, join(root, '.lynx', 'tmp')],
          { cwd: repoRoot, stdio: 'inherit' },
        );
        p.on('exit', (c) => (c === 0 ? res() : rej(new Error(`exit ${c}`))));
      });
    await Promise.all([run('a'), run('b'), run('c')]);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('# Journal — 2026-05-22\n')).toBe(true);
    expect(text.match(/^# Journal/gm)).toHaveLength(1);
    const entries = text.split('\n19:14 — ').slice(1);
    expect(entries).toHaveLength(900);
    expect(readdirSync(join(root, 'journal'))).toEqual(['2026-05-22.md']);
    expect(readdirSync(join(root, '.lynx', 'tmp'))).toEqual([]);
    for (const e of entries) expect(e).toMatch(/^([abc]-\d+) first line\n\1 second line\n$/);
  });
});

describe("lynx journal without TEXT, in a terminal: $EDITOR on the day's file", () => {
  // Called as a function with a TTY context: the editor is a real program (python3) run on the file.
  async function edit(dir: string, editorScript: string): Promise<{ code: number; out: string[]; err: string[] }> {
    const { journalCommand } = await import('../../src/cli/actions/journal.js');
    write(dir, 'editor.py', editorScript);
    const saved = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL, LYNX_NOW: process.env.LYNX_NOW };
    process.env.EDITOR = `python3 ${join(dir, 'editor.py')}`;
    delete process.env.VISUAL;
    process.env.LYNX_NOW = NOW;
    const out: string[] = [];
    const err: string[] = [];
    try {
      const { exitCode } = await import('../../src/core/exit-codes.js');
      const code = exitCode(
        await journalCommand(
          { cwd: dir, learner: 'ana', json: false, isTTY: true, out: (s) => out.push(s), err: (s) => err.push(s) },
          {},
          [],
        ),
      );
      return { code, out, err };
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
  }

  it("creates the day's file with its heading, opens the editor on it, keeps what was appended", async () => {
    const dir = workspace('ana');
    const r = await edit(dir, 'import sys\nopen(sys.argv[-1], "a").write("\\n19:20 — written in the editor\\n")\n');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['✓ learners/ana/journal/2026-05-22.md']);
    const text = readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8');
    expect(text.startsWith('# Journal — 2026-05-22\n')).toBe(true);
    expect(text).toContain('\n19:20 — written in the editor\n');
  });

  it('what the editor added without a stamp gets the "HH:MM — " of when it opened', async () => {
    const dir = workspace('ana');
    const r = await edit(dir, 'import sys\nopen(sys.argv[-1], "a").write("tried X first\\nit failed on Y\\n")\n');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8');
    expect(text).toContain('\n\n19:14 — tried X first\nit failed on Y\n');
    expect(text.startsWith('# Journal — 2026-05-22\n')).toBe(true);
  });

  it('an edit that changes earlier entries is kept, flagged, and the previous text saved', async () => {
    const dir = workspace('ana');
    lynx(['journal', 'first'], { cwd: dir, env: { LYNX_NOW: NOW } });
    const r = await edit(
      dir,
      'import sys\np = sys.argv[-1]\nt = open(p).read()\nopen(p, "w").write(t.replace("first", "rewritten"))\n',
    );
    expect(r.code).toBe(0);
    expect(r.err[0]).toMatch(
      /is append-only, but earlier lines changed; the previous text is saved at (\.lynx\/backups\/journal-2026-05-22\.\S+\.md)/,
    );
    const backup = /saved at (\S+)$/.exec(r.err[0] ?? '')?.[1] ?? '';
    expect(readFileSync(join(dir, backup), 'utf8')).toContain('19:14 — first');
    expect(readFileSync(join(dir, 'learners/ana/journal/2026-05-22.md'), 'utf8')).toContain('19:14 — rewritten');
  });
});
