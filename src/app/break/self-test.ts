/**
 * The break self-test (`lynx validate --breaks` with no workspace): for every break with an exact
 * edit, a temporary git workspace holding each target as the labs shape it (the target's
 * `fixture`, else a minimal file made of the anchor itself, which carries the labs' names), then
 * the real steps a learner runs — `start` → observe → `restore` — requiring the mutant to differ
 * from the original, an observe command to run, and the restore to be byte-exact. Description-only
 * and diagnostic breaks have no edit to prove: the guided mode covers them (tested once, in tests/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { docsDir } from '../../core/curriculum.js';
import { expandPath, nn } from '../../core/ids.js';
import { predictionsRel, predictionsTemplate, isYamlEntry, type Break } from '../../core/break/predictions.js';
import { sha256Bytes } from '../../io/break-store.js';
import { loadPhase, phaseIndex } from '../../io/curriculum.js';
import { start } from './start.js';
import { restore } from './restore.js';
import { LynxError } from '../../core/errors.js';
import { selfTestProblems } from '../../core/break/self-test.js';

import type { SelfTestCase, SelfTestReport } from '../../core/break/validate-results.js';
export type { SelfTestCase, SelfTestReport };

const LEARNER = 'selftest';
const PREDICTION =
  'I predict the observe command shows the symptom the page describes, because the edit removes what the labs wrote.';

const isExact = (b: Break): boolean =>
  b.kind !== 'diagnostic' && b.targets.length > 0 && b.targets.every((t) => t.edit !== undefined);

/** The file for one target path: its fixture, else each anchor of that path, separated by a blank line. */
function fixtureFor(b: Break, path: string): string {
  const ts = b.targets.filter((t) => t.path === path);
  const given = ts.find((t) => t.fixture !== undefined)?.fixture;
  if (given !== undefined) return given.endsWith('\n') ? given : `${given}\n`;
  return `${ts.map((t) => t.edit?.find ?? '').join('\n\n')}\n`;
}

function sh(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: 'ignore' });
}

/** A git workspace with lynx.yaml, the fixture files and the committed predictions; a `test` recipe that byte-compiles
 * the Python targets. */
function workspaceFor(phaseId: number, b: Break, expand: (p: string) => string): { root: string; paths: string[] } {
  const root = mkdtempSync(join(tmpdir(), `lynx-break-selftest-${nn(phaseId)}-`));
  const paths = [...new Set(b.targets.map((t) => t.path))];
  for (const p of paths) {
    mkdirSync(dirname(join(root, expand(p))), { recursive: true });
    writeFileSync(join(root, expand(p)), fixtureFor(b, p));
  }
  writeFileSync(join(root, 'lynx.yaml'), `schema_version: 1\nlearner: ${LEARNER}\n`);
  writeFileSync(join(root, '.gitignore'), '.lynx/\n__pycache__/\n');
  const py = paths.map(expand).filter((p) => p.endsWith('.py'));
  writeFileSync(
    join(root, 'Justfile'),
    `# self-test stand-in for the learner's tests: the targets still compile\ntest:\n    ` +
      `${py.length > 0 ? `python3 -m py_compile ${py.join(' ')}` : 'git status --short'}\n`,
  );
  const pred = expand(predictionsRel(phaseId, b));
  mkdirSync(dirname(join(root, pred)), { recursive: true });
  const tpl = predictionsTemplate(phaseId, b);
  writeFileSync(
    join(root, pred),
    isYamlEntry(b) ? tpl.replace('  symptom: ""', `  symptom: ${JSON.stringify(PREDICTION)}`) : `${tpl}${PREDICTION}\n`,
  );
  sh(root, 'init', '-q', '-b', 'main');
  sh(root, 'add', '-A');
  sh(
    root,
    '-c',
    'user.name=lynx self-test',
    '-c',
    'user.email=selftest@lynx.invalid',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    'labs fixture',
  );
  return { root, paths: paths.map(expand) };
}

async function testBreak(phaseId: number, b: Break, expand: (p: string) => string): Promise<SelfTestCase> {
  const base = { phase: phaseId, id: b.id };
  const { root, paths } = workspaceFor(phaseId, b, expand);
  try {
    const originals = new Map(paths.map((p) => [p, sha256Bytes(readFileSync(join(root, p)))]));
    const opts = { cwd: root, learner: LEARNER };
    const s = await start(opts, phaseId, b.id, { confirm: () => Promise.resolve(true) });
    if (s.mode !== 'edit')
      return { ...base, status: 'fail', reason: `start did not apply the edit (${s.mode}: ${s.why ?? ''})` };
    const files = s.files.map((f) => ({
      path: f.path,
      mutant_differs: f.mutant_sha256 !== undefined && f.mutant_sha256 !== f.original_sha256,
      restored_byte_exact: false,
    }));
    const observe = s.observations.map((o) => ({
      text: o.text.split('\n')[0] ?? '',
      action: o.action,
      ...(o.exit_code !== undefined ? { exit_code: o.exit_code } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.fallback ? { fallback: true } : {}),
    }));
    const r = await restore(opts, phaseId, b.id, {});
    for (const f of files)
      f.restored_byte_exact = r.ok && sha256Bytes(readFileSync(join(root, f.path))) === originals.get(f.path);
    const ran = s.observations.some((o) => o.action === 'run' && o.exit_code !== null && o.exit_code !== undefined);
    const problems = selfTestProblems(files, ran);
    return {
      ...base,
      status: problems.length === 0 ? 'pass' : 'fail',
      reason: problems.join('; ') || `start → observe → restore on ${files.map((f) => f.path).join(', ')}`,
      files,
      observe,
    };
  } catch (err) {
    return { ...base, status: 'fail', reason: err instanceof LynxError ? err.message : String(err) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export async function selfTestBreaks(opts: { phases?: readonly number[] } = {}): Promise<SelfTestReport> {
  const cases: SelfTestCase[] = [];
  for (const p of await phaseIndex()) {
    if (p.breaks === 0 || (opts.phases && !opts.phases.includes(p.id))) continue;
    const phase = await loadPhase(undefined, p.id);
    const vars = { learner: LEARNER, docs: join('docs', docsDir(phase).replace(/^docs\//, '')), nn: nn(phase.id) };
    for (const b of phase.breaks) {
      if (!isExact(b)) {
        cases.push({
          phase: p.id,
          id: b.id,
          status: 'no-exact-edit',
          reason:
            b.kind === 'diagnostic' ? 'a diagnostic break: the guided mode' : 'described in prose: the guided mode',
        });
        continue;
      }
      cases.push(await testBreak(p.id, b, (x) => expandPath(x, vars)));
    }
  }
  const exact = cases.filter((c) => c.status !== 'no-exact-edit').length;
  const passed = cases.filter((c) => c.status === 'pass').length;
  return {
    schema_version: 1,
    mode: 'self-test',
    ok: passed === exact,
    exact,
    passed,
    guided: cases.length - exact,
    cases,
  };
}
