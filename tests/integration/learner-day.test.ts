/** Issue 21's small things, each seen from the CLI as a learner would: what lynx shows is what it runs and what is
 * there. */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { baseEnv, cleanup, lynx, tempDir, workspace, write } from '../helpers/cli.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

describe('what lynx shows', () => {
  it(
    'status 41 says the phase has no quiz (no "pass ≥ 70%" for a quiz that does not exist); 00 shows its ' +
      'threshold',
    async () => {
      const dir = workspace('ana');
      const s41 = await lynxIn(['status', '41'], { cwd: dir });
      expect(s41.code).toBe(0);
      expect(s41.stdout).toContain('Quiz: none — this phase has no quiz');
      expect(s41.stdout).not.toMatch(/Quiz: none\s+pass/);
      expect((await lynxIn(['status', '00'], { cwd: dir })).stdout).toMatch(/Quiz: \S+\.yaml {2}pass ≥ 70%/);
    },
  );

  it(
    'the break predictions phase-start writes show each observe command whole, ' + 'not cut at its first quote',
    async () => {
      const dir = workspace('ana');
      expect((await lynxIn(['phase-start', '00'], { cwd: dir })).code).toBe(0);
      const text = readFileSync(join(dir, 'learners/ana/phase-00/notes/breaks.md'), 'utf8');
      expect(text).toContain('- Observe (2 commands):');
      expect(text).toContain(
        '  uv run python -c "\n  from src.utils.seeding import seed_everything\n  seed_everything(0)\n',
      );
      expect(text).toContain("  print(sorted({'work','play','walk','study','listen'}, key=hash))\n  \"\n");
      expect(text).not.toContain('`uv run python -c "`');
    },
  );

  it(
    "lab deliverables expand {topic} from the lab's own command and find a dated experiment; commands are the " +
      'argv lynx runs',
    async () => {
      const dir = workspace('ana');
      const before = await lynxIn(['lab', '00', '01'], { cwd: dir });
      expect(before.code).toBe(0);
      expect(before.stdout).toContain('· experiments/<date>-lab-01-check/manifest.json');
      expect(before.stdout).not.toContain('{topic}');
      expect(before.stdout).toContain(
        '2. uv run pytest tests/test_justfile.py  (the page: pytest tests/test_justfile.py)',
      );
      expect(before.stdout).toContain('1. just manifest lab-01-check  (the page: just manifest <some-topic>)');
      write(dir, 'experiments/2026-05-22-lab-01-check/manifest.json', '{}\n');
      write(dir, 'experiments/2026-05-22-other/manifest.json', '{}\n');
      expect((await lynxIn(['lab', '00', '01'], { cwd: dir })).stdout).toContain(
        '✓ experiments/<date>-lab-01-check/manifest.json',
      );
      const json = JSON.parse((await lynxIn(['lab', '00', '03', '--json'], { cwd: dir })).stdout) as {
        lab: { steps: { text: string; page?: string }[] };
      };
      expect(json.lab.steps[1]).toEqual(
        expect.objectContaining({
          text: 'uv run mypy --strict src/utils/seeding.py',
          page: 'mypy --strict src/utils/seeding.py',
        }),
      );
    },
  );
});

describe('one error style for the argument parser', () => {
  const err = (args: string[]) => lynx(args, { cwd: workspace('ana') });

  it(
    'unknown commands and options, missing arguments: lynx: ' + "error: … hint: with the command's own help, exit 2",
    () => {
      const opt = err(['status', '--bogus']);
      expect(opt).toMatchObject({ code: 2, stdout: '' });
      expect(opt.stderr).toBe("lynx: error: unknown option '--bogus'\nhint: See `lynx status --help` for its usage.\n");
      const miss = err(['phase-start']);
      expect(miss.code).toBe(2);
      expect(miss.stderr).toBe(
        "lynx: error: missing required argument 'NN'\nhint: See `lynx phase-start --help` for its usage.\n",
      );
      const near = err(['lab', '00', '01', '--runn']);
      expect(near.stderr).toContain('hint: Did you mean `--run`? See `lynx lab --help`.');
    },
  );

  it("near misses are suggested: the ritual's words (approve) and typos by edit distance", () => {
    const approve = err(['approve']);
    expect(approve.code).toBe(2);
    expect(approve.stderr).toBe(
      "lynx: error: unknown command 'approve'\nhint: Did you mean `lynx phase-start NN --approve`? See `lynx " +
        '--help`.\n',
    );
    expect(err(['stauts']).stderr).toContain('Did you mean `lynx status`?');
    expect(err(['frobnicate']).stderr).toBe(
      "lynx: error: unknown command 'frobnicate'\nhint: See `lynx --help` for its usage.\n",
    );
  });

  it('-C names a directory that is not there as such, not as "not a git repository"', () => {
    const r = lynx(['-C', '/nonexistent/lynx', 'status'], { cwd: workspace('ana') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lynx: error: -C /nonexistent/lynx: no such directory');
    expect(r.stderr).not.toContain('git');
  });
});

describe('commands work as printed', () => {
  it(
    'every "Try next" line of the demo runs as printed, in a shell, from the printed directory (no just or lynx ' +
      'on PATH)',
    () => {
      // the point of the test
      expect(spawnSync('sh', ['-c', 'command -v just || command -v lynx'], { env: baseEnv() }).status).not.toBe(0);
      const dir = join(tempDir(), 'demo');
      const r = lynx(['demo', '--dir', dir], { cwd: tempDir(), timeout: 180_000 });
      expect(r.code, r.stderr).toBe(0);
      const printed = r.stdout
        .slice(r.stdout.indexOf('Try next:'))
        .split('\n')
        .filter((l) => l.startsWith('  $ '))
        .map((l) => l.slice(4));
      expect(printed[0]).toBe(`cd ${dir}`);
      expect(printed.length).toBe(5);
      for (const line of printed.slice(1)) {
        const sh = spawnSync('sh', ['-c', `${printed[0] ?? ''} && ${line}`], {
          cwd: tempDir(),
          env: baseEnv(),
          encoding: 'utf8',
          timeout: 120_000,
        });
        expect(sh.status, `${line}\n${sh.stdout}\n${sh.stderr}`).toBe(0);
      }
    },
    400_000,
  );

  it('a recipe that calls just finds the just lynx uses (the bundled one is on no PATH of its own)', () => {
    const dir = passingWorkspace();
    write(
      dir,
      'Justfile',
      'test:\n    just inner\n\ninner:\n    python3 -m unittest discover -s tests -t . -q\n\nexp:\n    python3 ' +
        'scripts/exp.py\n',
    );
    commitAll(dir, 'a recipe calling just');
    const r = lynx(['checkpoint', '00', '--run', '--json'], { cwd: dir });
    const tests = (JSON.parse(r.stdout) as { checks: { id: string; status: string; log?: string }[] }).checks.find(
      (c) => c.id === 'tests',
    );
    expect(tests?.log ?? '').not.toContain('not found');
    expect(tests?.status).toBe('pass');
  });
});
