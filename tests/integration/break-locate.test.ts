/**
 * Breaks on the learner's real code: a file that differs from the anchor only in indentation and
 * quote style, a file at another tracked path, the guided mode when nothing matches, and the
 * three-try diagnosis loop. Real workspaces, real just and python3; the steps run in process through
 * the real command registry (lynxIn), the refusal without a terminal and `--yes` through the built CLI.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import {
  breakWorkspace,
  CHECKPOINT,
  commitPredictions,
  openJournals,
  read,
  TARGET,
  treeHashes,
} from '../helpers/break-fixture.js';

afterAll(cleanup);

const json = <T>(s: string): T => JSON.parse(s) as T;
interface Attempt {
  text: string;
  names_cause: boolean;
  hints_used: number;
}
interface Cp {
  break?: {
    state?: string;
    hints_used?: number;
    diagnoses?: Attempt[];
    diagnosis_names_cause?: boolean;
    revealed_by?: string;
  };
}

describe("lynx break start finds the learner's equivalent", () => {
  it(
    'a file that differs only in indentation and quote style: refused without a terminal, applied with --yes, ' +
      'restored byte-exact',
    async () => {
      const dir = breakWorkspace();
      const mine = read(dir, TARGET).replace(
        '    os.environ["PYTHONHASHSEED"] = str(seed)\n    random.seed(seed)\n',
        "  os.environ['PYTHONHASHSEED'] = str(seed)   \n\n  random.seed(seed)\n",
      );
      writeFileSync(join(dir, TARGET), mine);
      git(dir, 'commit', '-q', '-am', 'my own indentation');
      await commitPredictions(dir);
      const before = treeHashes(dir);

      const asked = lynx(['break', '00', 'start'], { cwd: dir });
      expect(asked.code).toBe(2);
      expect(asked.stderr).toContain(
        `found the break's anchor in ${TARGET} (tolerant match), lines 13 — lynx applies it only after you confirm`,
      );
      expect(asked.stderr).toContain(`-  os.environ['PYTHONHASHSEED'] = str(seed)   `);
      expect(asked.stderr).toContain('+  # os.environ["PYTHONHASHSEED"] = str(seed)  # /break: removed');
      expect(asked.stderr).toContain('--yes');
      expect(treeHashes(dir, [CHECKPOINT])).toEqual(before);
      expect(openJournals(dir)).toEqual([]);

      const yes = lynx(['break', '00', 'start', '--yes', '--json'], { cwd: dir });
      expect(yes.code, yes.stderr).toBe(0);
      const s = json<{ mode: string; located: { path: string; where: string; how: string; lines: number[] }[] }>(
        yes.stdout,
      );
      expect(s.mode).toBe('edit');
      expect(s.located).toEqual([
        expect.objectContaining({ path: TARGET, where: 'listed', how: 'tolerant', lines: [13] }),
      ]);
      expect(read(dir, TARGET)).toBe(
        mine.replace(
          "  os.environ['PYTHONHASHSEED'] = str(seed)   \n",
          '  # os.environ["PYTHONHASHSEED"] = str(seed)  # /break: removed\n',
        ),
      );

      expect((await lynxIn(['break', '00', 'reveal'], { cwd: dir })).code).toBe(0);
      const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(read(dir, TARGET)).toBe(mine);
      expect(git(dir, 'status', '--porcelain')).not.toContain(TARGET);
    },
  );

  it(
    "the anchor in another tracked file (the labs' path): found, " + 'confirmed with --yes, restored byte-exact',
    async () => {
      const dir = breakWorkspace();
      git(dir, 'mv', TARGET, 'src/utils/seed_all.py');
      git(dir, 'commit', '-q', '-m', 'my lab names the file seed_all.py');
      await commitPredictions(dir);
      const original = readFileSync(join(dir, 'src/utils/seed_all.py'));
      const refused = await lynxIn(['break', '00', 'start'], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `found the break's anchor in src/utils/seed_all.py, the file in your tree that holds the anchor of ` +
          `${TARGET} (exact match)`,
      );
      const yes = await lynxIn(['break', '00', 'start', '--yes'], { cwd: dir });
      expect(yes.code, yes.stderr).toBe(0);
      expect(yes.stdout).toContain(
        `found src/utils/seed_all.py (for ${TARGET}, found in your tree), line 13 (exact match)`,
      );
      expect(read(dir, 'src/utils/seed_all.py')).toContain(
        '# os.environ["PYTHONHASHSEED"] = str(seed)  # /break: removed',
      );
      expect((await lynxIn(['break', '00', 'reveal'], { cwd: dir })).code).toBe(0);
      expect((await lynxIn(['break', '00', 'restore'], { cwd: dir })).code).toBe(0);
      expect(readFileSync(join(dir, 'src/utils/seed_all.py')).equals(original)).toBe(true);
    },
  );

  it(
    "phase 08 at the page's path (an alternative of the labs' src/minitorch/tensor.py), the lab's code indented " +
      'as the lab writes it: confirmed with --yes, restored byte-exact',
    async () => {
      const dir = breakWorkspace();
      const tensor =
        'import numpy as np\n\n\ndef _unbroadcast(grad, target_shape):\n    return grad\n\n\nclass Tensor:\n    ' +
        'def __add__(self, other):\n        out = Tensor(self.data + other.data)\n\n        def _backward():\n     ' +
        '       self.grad += _unbroadcast(out.grad, self.shape)\n            other.grad += _unbroadcast(out.grad, ' +
        'other.shape)\n\n        out._backward = _backward\n        return out\n';
      const rel = 'src/minigrad/tensor.py';
      const abs = join(dir, rel);
      mkdirSync(join(dir, 'src/minigrad'), { recursive: true });
      writeFileSync(abs, tensor);
      const pred = 'learners/borja/phase-08/notes/breaks.md';
      expect((await lynxIn(['break', '08'], { cwd: dir })).code).toBe(0);
      writeFileSync(
        join(dir, pred),
        `${read(dir, pred)}Regime 1 crashes on the shape mismatch and regime 2 silently gives gradients five ` +
          `times too large.\n`,
      );
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', 'phase 08 tensor at the page path, predictions');
      const refused = await lynxIn(['break', '08', 'start'], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `found the break's anchor in ${rel}, the alternative path that holds the anchor of ` +
          `src/minitorch/tensor.py (exact match), lines 13`,
      );
      const yes = await lynxIn(['break', '08', 'start', '--yes', '--json'], { cwd: dir });
      expect(yes.code, yes.stderr).toBe(0);
      expect(json<{ located: { path: string; where: string }[] }>(yes.stdout).located).toEqual([
        expect.objectContaining({ path: rel, where: 'alternative' }),
      ]);
      expect(read(dir, rel)).toContain('            self.grad += out.grad\n            other.grad += out.grad\n');
      expect((await lynxIn(['break', '08', 'reveal'], { cwd: dir })).code).toBe(0);
      expect((await lynxIn(['break', '08', 'restore'], { cwd: dir })).code).toBe(0);
      expect(read(dir, rel)).toBe(tensor);
    },
  );

  it('two tracked files holding the anchor: a refusal naming both, nothing written', async () => {
    const dir = breakWorkspace();
    renameSync(join(dir, TARGET), join(dir, 'src/utils/a.py'));
    writeFileSync(join(dir, 'src/utils/b.py'), read(dir, 'src/utils/a.py'));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'two copies');
    await commitPredictions(dir);
    const r = await lynxIn(['break', '00', 'start', '--yes'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matches 2 places');
    expect(r.stderr).toContain('candidate at src/utils/a.py:13');
    expect(r.stderr).toContain('candidate at src/utils/b.py:13');
    expect(openJournals(dir)).toEqual([]);
  });
});

describe('the guided manual mode', () => {
  it(
    "start shows the edit; confirm journals HEAD's bytes and " + 'runs observe; restore puts the committed bytes back',
    async () => {
      const dir = breakWorkspace();
      const mine = read(dir, TARGET).replace(
        '    os.environ["PYTHONHASHSEED"] = str(seed)\n',
        '    os.environ.setdefault("PYTHONHASHSEED", str(seed))\n',
      );
      writeFileSync(join(dir, TARGET), mine);
      git(dir, 'commit', '-q', '-am', 'my own way of setting the seed');
      await commitPredictions(dir);
      const start = await lynxIn(['break', '00', 'start'], { cwd: dir });
      expect(start.code, start.stderr).toBe(0);
      expect(start.stdout).toContain('guided — you make the edit');
      expect(openJournals(dir)).toEqual([]);

      const early = await lynxIn(['break', '00', 'confirm'], { cwd: dir });
      expect(early.code).toBe(2);
      expect(early.stderr).toContain('you have not made the edit yet');

      const broken = mine.replace(
        '    os.environ.setdefault("PYTHONHASHSEED", str(seed))\n',
        '    pass  # seed line removed for the break\n',
      );
      writeFileSync(join(dir, TARGET), broken);
      const c = await lynxIn(['break', '00', 'confirm', '--json'], { cwd: dir });
      expect(c.code, c.stderr).toBe(0);
      const cr = json<{
        files: { path: string }[];
        symptom: string;
        observations: { fallback?: boolean; exit_code?: number }[];
      }>(c.stdout);
      expect(cr.files.map((f) => f.path)).toEqual([TARGET]);
      expect(cr.symptom).toBe('seen');
      expect(openJournals(dir)).toEqual(['00-pythonhashseed.journal.json']);
      expect(json<Cp>(read(dir, CHECKPOINT)).break?.state).toBe('active');

      expect(
        lynx(
          [
            'break',
            '00',
            'diagnose',
            'PYTHONHASHSEED set inside the process is too late: the hash randomizer is initialized when the ' +
              'interpreter starts',
          ],
          { cwd: dir },
        ).stdout,
      ).toContain('names the hidden cause (try 1/3)');
      const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(read(dir, TARGET)).toBe(mine);
      expect(git(dir, 'status', '--porcelain')).not.toContain(TARGET);
      expect(json<Cp>(read(dir, CHECKPOINT)).break?.state).toBe('restored');
    },
  );
});

describe('diagnosis is a learning loop', () => {
  it(
    'three tries with a hint after each miss; the cause stays hidden until the last try; every attempt is ' +
      'recorded',
    async () => {
      const dir = breakWorkspace();
      await commitPredictions(dir);
      expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
      const d1 = await lynxIn(['break', '00', 'diagnose', 'the random module is broken'], { cwd: dir });
      expect(d1.code, d1.stderr).toBe(0);
      expect(d1.stdout).toContain('does not name the hidden cause (try 1/3)');
      expect(d1.stdout).toContain('Hint 1/3');
      expect(d1.stdout).not.toContain('Hidden cause');
      expect(d1.stdout).not.toContain('C-level hash randomizer');
      expect(d1.stdout).toContain('2 tries left');
      const d2 = await lynxIn(['break', '00', 'diagnose', 'numpy is not seeded'], { cwd: dir });
      expect(d2.stdout).toContain('(try 2/3)');
      expect(d2.stdout).toContain('Hint 2/3');
      expect(d2.stdout).not.toContain('Hidden cause');
      expect(d2.stdout).toContain('1 try left');
      const d3 = await lynxIn(['break', '00', 'diagnose', 'the tests are flaky'], { cwd: dir });
      expect(d3.stdout).toContain('(try 3/3)');
      expect(d3.stdout).toContain('Hidden cause');
      expect(d3.stdout).toContain('C-level hash randomizer');
      const d4 = await lynxIn(['break', '00', 'diagnose', 'one more'], { cwd: dir });
      expect(d4.code).toBe(2);
      expect(d4.stderr).toContain('already diagnosed (all 3 tries are used');
      const b = json<Cp>(read(dir, CHECKPOINT)).break;
      expect(b?.diagnoses?.map((a) => [a.text, a.names_cause, a.hints_used])).toEqual([
        ['the random module is broken', false, 0],
        ['numpy is not seeded', false, 1],
        ['the tests are flaky', false, 2],
      ]);
      expect(b).toMatchObject({
        state: 'diagnosed',
        hints_used: 2,
        diagnosis_names_cause: false,
        revealed_by: 'last-try',
      });
    },
  );

  it('a miss then a hit: the second diagnosis is accepted (not "already diagnosed")', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    expect((await lynxIn(['break', '00', 'diagnose', 'no idea'], { cwd: dir })).stdout).toContain('Hint 1/3');
    const hit = lynx(
      [
        'break',
        '00',
        'diagnose',
        'PYTHONHASHSEED set inside the process is too late: the hash randomizer is initialized when the ' +
          'interpreter starts',
      ],
      { cwd: dir },
    );
    expect(hit.code, hit.stderr).toBe(0);
    expect(hit.stdout).toContain('✓ your diagnosis names the hidden cause (try 2/3)');
    expect(hit.stdout).toContain('Hidden cause');
    expect(json<Cp>(read(dir, CHECKPOINT)).break).toMatchObject({
      state: 'diagnosed',
      diagnosis_names_cause: true,
      revealed_by: 'named',
    });
  });

  it('reveal on request shows the cause before any diagnosis', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    const r = await lynxIn(['break', '00', 'reveal'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('revealed before any diagnosis');
    expect(r.stdout).toContain('C-level hash randomizer');
    expect(json<Cp>(read(dir, CHECKPOINT)).break).toMatchObject({
      state: 'diagnosed',
      revealed_by: 'request',
      diagnosis_names_cause: false,
    });
  });
});
