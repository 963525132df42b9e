import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import {
  breakWorkspace,
  CHECKPOINT,
  commitPredictions,
  JOURNAL,
  MUTANT_LINE,
  openJournals,
  PREDICTIONS,
  PREDICTION_TEXT,
  read,
  TARGET,
  treeHashes,
} from '../helpers/break-fixture.js';

afterAll(cleanup);

const json = <T>(s: string): T => JSON.parse(s) as T;
interface Cp {
  break?: {
    id?: string;
    state?: string;
    hints_used?: number;
    diagnosis?: string;
    diagnosis_names_cause?: boolean;
    predicted_at?: string;
    started_at?: string;
    diagnosed_at?: string;
    restored_at?: string;
    forced?: boolean;
  };
}

describe('lynx break: the full cycle on a real workspace', () => {
  it('predictions committed → start → hints → diagnose → restore → tests green', async () => {
    const dir = breakWorkspace();
    const original = readFileSync(join(dir, TARGET));

    // show: creates the predictions template, says where predictions go and that start will refuse
    const show = await lynxIn(['break', '00'], { cwd: dir });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Break 00 · pythonhashseed');
    expect(show.stdout).toContain(`${PREDICTIONS} (created from the template now)`);
    expect(show.stdout).toContain('✗ the file is still the untouched template');
    expect(show.stdout).not.toContain('C-level hash randomizer'); // the hidden cause stays hidden

    // refusals before the predictions are written and committed
    const untouched = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(untouched.code).toBe(2);
    expect(untouched.stderr).toContain('the file is still the untouched template');
    write(dir, PREDICTIONS, read(dir, PREDICTIONS) + PREDICTION_TEXT);
    const uncommitted = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(uncommitted.code).toBe(2);
    expect(uncommitted.stderr).toContain(`${PREDICTIONS} is not committed`);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
    expect(openJournals(dir)).toEqual([]);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'phase-00: break predictions');
    const predictionsSha = git(dir, 'rev-parse', 'HEAD').trim();

    // start: journal, mutant, observe (uv is not here: the test recipe runs instead, and says so)
    const start = lynx(['break', '00', 'start', '--json'], { cwd: dir, env: { PATH: `${process.env.PATH ?? ''}` } });
    expect(start.code, start.stderr).toBe(0);
    const s = json<{
      mode: string;
      files: { path: string; matches: { line: number; how: string }[] }[];
      observations: { action: string; fallback?: boolean; reason?: string; exit_code?: number; tail?: string }[];
      predictions: { commit: string };
    }>(start.stdout);
    expect(s.mode).toBe('edit');
    expect(s.files[0]?.matches[0]).toEqual({ line: 13, how: 'exact' });
    expect(s.predictions.commit).toBe(predictionsSha);
    expect(read(dir, TARGET)).toContain(MUTANT_LINE);
    const fallback = s.observations.find((o) => o.fallback);
    expect(fallback?.reason).toContain("observing with `just test`, the workspace's test recipe, instead");
    expect(fallback?.exit_code).toBe(1);
    expect(fallback?.tail).toContain('test_seed_sets_pythonhashseed_for_children');

    // the journal holds everything needed to put the bytes back
    const j = json<{
      head: string;
      created_at: string;
      files: {
        path: string;
        original_b64: string;
        mutant_b64: string;
        original_sha256: string;
        mutant_sha256: string;
      }[];
    }>(read(dir, JOURNAL));
    expect(j.head).toBe(predictionsSha);
    expect(Buffer.from(j.files[0]?.original_b64 ?? '', 'base64').equals(original)).toBe(true);
    expect(Buffer.from(j.files[0]?.mutant_b64 ?? '', 'base64').toString()).toContain(MUTANT_LINE);
    expect(j.files[0]?.original_sha256).toMatch(/^[0-9a-f]{64}$/);

    // any other command says so at the top, with how to restore
    const other = lynx(['validate'], { cwd: dir });
    expect(other.stderr.split('\n')[0]).toBe(
      `! a break is active (phase 00, pythonhashseed): journal ${JOURNAL} — restore it with \`lynx break 00 restore\``,
    );
    expect(lynx(['status'], { cwd: dir }).stdout.split('\n')[0]).toContain('a break is active');

    // two hints, counted
    const h1 = await lynxIn(['break', '00', 'hint'], { cwd: dir });
    expect(h1.code).toBe(0);
    expect(h1.stdout).toContain('Hint 1/3');
    expect((await lynxIn(['break', '00', 'hint'], { cwd: dir })).stdout).toContain('Hint 2/3');
    expect(json<Cp>(read(dir, CHECKPOINT)).break?.hints_used).toBe(2);

    // diagnose: compared by key terms, then the hidden cause and the fix are revealed
    const d = lynx(
      [
        'break',
        '00',
        'diagnose',
        'PYTHONHASHSEED set inside the process is too late: the hash randomizer is initialized when the ' +
          'interpreter starts',
      ],
      { cwd: dir },
    );
    expect(d.code).toBe(0);
    expect(d.stdout).toContain('✓ your diagnosis names the hidden cause');
    expect(d.stdout).toContain('the C-level hash randomizer is initialized before any Python code runs');
    expect(d.stdout).toContain('Fix\n  Restore the os.environ["PYTHONHASHSEED"] = str(seed) line');

    // restore: original bytes back, journal closed (a closed copy kept), tests run green
    const r = await lynxIn(['break', '00', 'restore', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const rr = json<{
      state: string;
      closed: string;
      tests: { exit_code: number }[];
      files: { found: string; action: string }[];
    }>(r.stdout);
    expect(rr.files).toEqual([{ path: TARGET, found: 'mutant', action: 'restored' }]);
    expect(rr.tests.map((t) => t.exit_code)).toEqual([0]);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
    expect(openJournals(dir)).toEqual([]);
    expect(existsSync(join(dir, rr.closed))).toBe(true);
    expect(rr.closed).toMatch(/^\.lynx\/breaks\/closed\/00-pythonhashseed\..*\.journal\.closed\.json$/);
    const cp = json<Cp>(read(dir, CHECKPOINT)).break;
    expect(cp).toMatchObject({ id: 'pythonhashseed', state: 'restored', hints_used: 2, diagnosis_names_cause: true });
    for (const k of ['predicted_at', 'started_at', 'diagnosed_at', 'restored_at'] as const)
      expect(cp?.[k], k).toMatch(/^\d{4}-\d\d-\d\dT/);
    // only lynx's state changed in the tree; no notice any more
    expect(git(dir, 'status', '--porcelain').trim()).toBe(`?? ${CHECKPOINT}`);
    expect(lynx(['validate'], { cwd: dir }).stderr).toBe('');
    expect((await lynxIn(['break', '00'], { cwd: dir })).stdout).toContain('State: restored');
  });
});

describe('lynx break start: refusals leave every byte alone', () => {
  it('a dirty target', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    writeFileSync(join(dir, TARGET), `${read(dir, TARGET)}# my work in progress\n`);
    const before = read(dir, TARGET);
    const r = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`lynx: error: ${TARGET} has uncommitted changes`);
    expect(r.stderr).toContain('lynx never stashes or checks out your files');
    expect(read(dir, TARGET)).toBe(before);
    expect(openJournals(dir)).toEqual([]);
  });

  it('an untracked target', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    git(dir, 'rm', '-q', '--cached', TARGET);
    git(dir, 'commit', '-q', '-m', 'untrack');
    const r = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${TARGET} is not tracked by git`);
  });

  it('an ambiguous edit: the candidates are shown', async () => {
    const dir = breakWorkspace();
    const text = read(dir, TARGET).replace(
      '    random.seed(seed)\n',
      '    random.seed(seed)\n\n\ndef reseed(seed: int) -> None:\n    os.environ["PYTHONHASHSEED"] = str(seed)\n',
    );
    writeFileSync(join(dir, TARGET), text);
    git(dir, 'commit', '-q', '-am', 'a second place that sets the seed');
    await commitPredictions(dir);
    const r = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the break's edit for ${TARGET} matches 2 places — it must match exactly one`);
    expect(r.stderr).toContain(`candidate at ${TARGET}:13 (exact match)`);
    expect(r.stderr).toContain(`candidate at ${TARGET}:18 (exact match)`);
    expect(r.stderr).toContain('--manual');
    expect(read(dir, TARGET)).toBe(text);
    expect(openJournals(dir)).toEqual([]);
  });

  it(
    'an edit that matches nowhere is the guided mode: the edit ' + 'is shown, nothing is written or journaled',
    async () => {
      const dir = breakWorkspace();
      writeFileSync(join(dir, TARGET), read(dir, TARGET).replace('    os.environ["PYTHONHASHSEED"] = str(seed)\n', ''));
      git(dir, 'commit', '-q', '-am', 'no seed line');
      await commitPredictions(dir);
      const before = treeHashes(dir);
      const r = await lynxIn(['break', '00', 'start'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('guided — you make the edit');
      expect(r.stdout).toContain("lynx found the break's anchor nowhere in your tracked files");
      expect(r.stdout).toContain(`${TARGET}, or your equivalent: replace`);
      expect(r.stdout).toContain('lynx break 00 confirm');
      expect(openJournals(dir)).toEqual([]);
      expect(treeHashes(dir, [CHECKPOINT])).toEqual(before);
    },
  );

  it('hint, diagnose and restore need an active break; diagnose needs text without a terminal', async () => {
    const dir = breakWorkspace();
    await commitPredictions(dir);
    for (const step of ['hint', 'restore']) {
      const r = await lynxIn(['break', '00', step], { cwd: dir });
      expect(r.code, step).toBe(2);
      expect(r.stderr, step).toContain('not active');
    }
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    const again = await lynxIn(['break', '00', 'start'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('break pythonhashseed is already active');
    const noText = await lynxIn(['break', '00', 'diagnose'], { cwd: dir });
    expect(noText.code).toBe(2);
    expect(noText.stderr).toContain('no diagnosis given, and without a terminal lynx does not ask');
    const bad = await lynxIn(['break', '00', 'frobnicate'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown step or break "frobnicate"');
    expect((await lynxIn(['break', '41'], { cwd: dir })).stderr).toContain('phase 41 has no break exercise');
  });
});

describe('lynx break restore', () => {
  it('refuses over an edited mutant: shows both diffs, keeps the journal; --force saves the bytes first', async () => {
    const dir = breakWorkspace();
    const original = readFileSync(join(dir, TARGET));
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    const mine = read(dir, TARGET).replace('    random.seed(seed)', '    random.seed(seed + 1)  # my experiment');
    writeFileSync(join(dir, TARGET), mine);
    const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('restore refused: the target changed since the break was applied — the journal is kept');
    expect(r.stderr).toContain(`--- ${TARGET} (recorded mutant)\n    +++ ${TARGET} (now)`);
    expect(r.stderr).toContain('-    random.seed(seed)\n    +    random.seed(seed + 1)  # my experiment');
    expect(r.stderr).toContain(`--- ${TARGET} (original)`);
    expect(r.stderr).toContain('-    os.environ["PYTHONHASHSEED"] = str(seed)');
    expect(r.stderr).toContain('--force');
    expect(read(dir, TARGET)).toBe(mine);
    expect(openJournals(dir)).toEqual(['00-pythonhashseed.journal.json']);

    const f = await lynxIn(['break', '00', 'restore', '--force', '--json'], { cwd: dir });
    expect(f.code, f.stderr).toBe(0);
    const out = json<{ forced: boolean; files: { saved: string; found: string }[] }>(f.stdout);
    expect(out.forced).toBe(true);
    expect(out.files[0]?.found).toBe('changed');
    expect(read(dir, out.files[0]?.saved ?? '')).toBe(mine);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
    expect(openJournals(dir)).toEqual([]);
    // restored without a diagnosis: the exercise is not done, it goes back to predicted
    expect(json<Cp>(read(dir, CHECKPOINT)).break).toMatchObject({ state: 'predicted', forced: true });
  });

  it("a manual start journals the original; observe records the learner's edit; restore puts it back", async () => {
    const dir = breakWorkspace();
    const original = readFileSync(join(dir, TARGET));
    await commitPredictions(dir);
    const s = await lynxIn(['break', '00', 'start', '--manual'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('--manual: you make the edit by hand');
    expect(read(dir, TARGET)).toBe(original.toString()); // lynx did not touch it
    writeFileSync(join(dir, TARGET), read(dir, TARGET).replace('    os.environ["PYTHONHASHSEED"] = str(seed)\n', ''));
    const o = await lynxIn(['break', '00', 'observe', '--json'], { cwd: dir });
    expect(o.code, o.stderr).toBe(0);
    expect(
      json<{ files: { recorded: boolean }[]; observations: { fallback?: boolean; exit_code?: number }[] }>(o.stdout),
    ).toMatchObject({ files: [{ path: TARGET, state: 'mutant', recorded: true }] });
    const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
  });

  it('keeps an executable script executable', async () => {
    const dir = breakWorkspace();
    chmodSync(join(dir, TARGET), 0o755);
    git(dir, 'commit', '-q', '-am', 'executable');
    await commitPredictions(dir);
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, TARGET)).mode & 0o777).toBe(0o755);
    expect((await lynxIn(['break', '00', 'diagnose', 'no idea'], { cwd: dir })).stdout).toContain(
      'does not name the hidden cause',
    );
    expect((await lynxIn(['break', '00', 'reveal'], { cwd: dir })).code).toBe(0);
    expect((await lynxIn(['break', '00', 'restore'], { cwd: dir })).code).toBe(0);
    expect(statSync(join(dir, TARGET)).mode & 0o777).toBe(0o755);
    expect(git(dir, 'status', '--porcelain')).not.toContain(TARGET);
    expect(json<Cp>(read(dir, CHECKPOINT)).break).toMatchObject({ state: 'restored', diagnosis_names_cause: false });
    expect(readdirSync(join(dir, '.lynx', 'breaks', 'closed')).length).toBe(1);
  });
});
