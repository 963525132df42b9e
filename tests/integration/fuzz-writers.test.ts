/**
 * The fuzz corpus, command by command: every writing command (and the gate, and manifest check), for
 * every file it reads, refuses a hostile file in its place — a FIFO, a directory, a dangling or
 * looping symlink, a symlink to /dev/zero or out of the workspace, bad UTF-8, a NUL byte, a YAML
 * alias bomb, a 50 MB line — with exit 2 naming the file, within a timeout (no hang), and writes
 * nothing (tree hash before = after; lynx's own .lynx/tmp, cache and command logs aside).
 * Each case runs on its own copy of a workspace, in one of two node processes that run the cases in
 * process one after another (tests/helpers/batch.ts), each case with its own timeout: a hang kills
 * that process as it killed a spawned lynx.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanup, lynx, tempDir, workspace } from '../helpers/cli.js';
import { LynxBatch } from '../helpers/batch.js';
import { commitAll, passingWorkspace } from '../helpers/gate-fixture.js';

afterAll(cleanup);

const SKIP = new Set(['.lynx/tmp', '.lynx/cache', '.lynx/logs', '.git/index']);
function treeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (SKIP.has(r)) continue;
      const st = lstatSync(join(root, r));
      h.update(`${r}\0${st.mode}\0`);
      if (st.isSymbolicLink()) h.update(readlinkSync(join(root, r)));
      else if (st.isDirectory()) walk(r);
      else if (st.isFile()) h.update(readFileSync(join(root, r)));
    }
  };
  walk('');
  return h.digest('hex');
}

const BOMB =
  `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [${'*a,'.repeat(8)}*a]\nc: &c [${'*b,'.repeat(8)}*b]\nd: &d ` +
  `[${'*c,'.repeat(8)}*c]\ne: &e [${'*d,'.repeat(8)}*d]\nf: &f [${'*e,'.repeat(8)}*e]\ng: [${'*f,'.repeat(8)}*f]\n`;
type Kind =
  | 'fifo'
  | 'dir'
  | 'dangling'
  | 'loop'
  | 'zero'
  | 'outside'
  | 'outside-dir'
  | 'utf8'
  | 'nul'
  | 'bomb'
  | 'line50mb'
  | 'docs-utf8'
  | 'docs-nul';
/** The issue's list for every file: a FIFO, a /dev/zero symlink, a directory, a dangling and a looping symlink. */
const ALL_TYPES: Kind[] = ['fifo', 'dir', 'dangling', 'loop', 'zero'];
const SOME_TYPES: Kind[] = ['fifo', 'dir', 'dangling'];

let bigLine: string | undefined;
/** One 50 MB single-line file per run, copied where needed (writing it per case would dominate the run). */
function bigLineFile(): string {
  bigLine ??= (() => {
    const f = join(tempDir('lynx-big-'), 'line.md');
    writeFileSync(f, `${'x'.repeat(50 * 1024 * 1024)}\n`);
    return f;
  })();
  return bigLine;
}

let outside: string | undefined;
/** A directory out of the workspace with files a glob would match (plots/*.png through `plots -> …`). */
function outsideDir(): string {
  outside ??= (() => {
    const d = tempDir('lynx-outside-');
    for (const f of ['x.png', 'y.png']) writeFileSync(join(d, f), 'png');
    return d;
  })();
  return outside;
}

function plant(dir: string, rel: string, kind: Kind): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  rmSync(abs, { recursive: true, force: true });
  switch (kind) {
    case 'fifo':
      execFileSync('mkfifo', [abs]);
      break;
    case 'dir':
      mkdirSync(abs);
      break;
    case 'dangling':
      symlinkSync('does-not-exist', abs);
      break;
    case 'loop':
      symlinkSync(abs, abs);
      break;
    case 'zero':
      symlinkSync('/dev/zero', abs);
      break;
    case 'outside':
      symlinkSync('/etc/passwd', abs);
      break;
    case 'outside-dir':
      symlinkSync(outsideDir(), abs);
      break;
    case 'utf8':
      writeFileSync(abs, Buffer.from([0x61, 0xff, 0xfe, 0x0a]));
      break;
    case 'nul':
      writeFileSync(abs, 'a\0b\n');
      break;
    case 'bomb':
      writeFileSync(abs, BOMB);
      break;
    case 'line50mb':
      copyFileSync(bigLineFile(), abs);
      break;
    // the issue's case: `docs: "do\xff\xfecs"` made derive create `do��cs/`
    case 'docs-utf8':
      writeFileSync(
        abs,
        Buffer.concat([
          Buffer.from('schema_version: 1\nlearner: ana\ndocs: "do'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('cs"\n'),
        ]),
      );
      break;
    case 'docs-nul':
      writeFileSync(abs, 'schema_version: 1\nlearner: ana\ndocs: "do\0cs"\n');
      break;
  }
}

interface Row {
  ws: 'pass' | 'fresh';
  rel: string;
  argv: string[];
  kinds: Kind[];
}
const day = new Date().toISOString().slice(0, 10);
const CP = 'learners/ana/phase-00/checkpoint.json';
const ROWS: Row[] = [
  // the gate and manifest check: a manifest of any hostile type is refused, never skipped with exit 0
  { ws: 'pass', rel: 'experiments/00-run/manifest.json', argv: ['checkpoint', '00'], kinds: ALL_TYPES },
  {
    ws: 'pass',
    rel: 'experiments/00-run/manifest.json',
    argv: ['manifest', 'check'],
    kinds: [...ALL_TYPES, 'outside'],
  },
  {
    ws: 'pass',
    rel: 'experiments/00-run/manifest.json',
    argv: ['manifest', 'check', 'experiments/00-run/manifest.json'],
    kinds: ['fifo', 'dangling', 'zero'],
  },
  // a glob through a symlinked dir out
  { ws: 'pass', rel: 'plots', argv: ['checkpoint', '00'], kinds: ['outside-dir'] },
  {
    ws: 'pass',
    rel: 'learners/ana/phase-00/reflections.md',
    argv: ['checkpoint', '00'],
    kinds: [...SOME_TYPES, 'zero', 'utf8'],
  },
  { ws: 'pass', rel: 'results/summary.json', argv: ['checkpoint', '00'], kinds: SOME_TYPES },
  { ws: 'pass', rel: 'src/calc.py', argv: ['checkpoint', '00'], kinds: ['fifo', 'zero'] },
  { ws: 'pass', rel: 'docs/phase-00-mini/lab/00-check.md', argv: ['checkpoint', '00'], kinds: [...SOME_TYPES, 'nul'] },
  {
    ws: 'pass',
    rel: 'data/curriculum/phase-00-mini/phase.yaml',
    argv: ['checkpoint', '00'],
    kinds: ['fifo', 'bomb', 'utf8'],
  },
  // report: validated before the gate's commands run, so nothing (not even a command's output) is written
  { ws: 'pass', rel: 'PHASE_00_PLAN.md', argv: ['report', '00'], kinds: [...ALL_TYPES, 'outside'] },
  { ws: 'pass', rel: 'PHASE_00_REPORT.md', argv: ['report', '00'], kinds: ['fifo', 'dir', 'dangling', 'zero'] },
  { ws: 'pass', rel: 'Justfile', argv: ['report', '00'], kinds: ALL_TYPES },
  { ws: 'pass', rel: CP, argv: ['report', '00'], kinds: ['fifo', 'dangling'] },
  // attest, waive: the checkpoint and the curriculum they check the item against
  { ws: 'pass', rel: CP, argv: ['attest', '00', 'explain'], kinds: [...SOME_TYPES, 'zero', 'utf8'] },
  { ws: 'pass', rel: CP, argv: ['waive', '00', 'plots', '--reason', 'no plots'], kinds: SOME_TYPES },
  {
    ws: 'pass',
    rel: 'data/curriculum/phase-00-mini/phase.yaml',
    argv: ['attest', '00', 'explain'],
    kinds: [...SOME_TYPES, 'bomb'],
  },
  {
    ws: 'pass',
    rel: 'lynx.yaml',
    argv: ['waive', '00', 'plots', '--reason', 'no plots'],
    kinds: ['fifo', 'bomb', 'nul'],
  },
  // quiz --answers: the bank, the answers file, the logs and the checkpoint, all before the append
  {
    ws: 'pass',
    rel: 'data/quizzes/phase-00-mini.yaml',
    argv: ['quiz', '00', '--answers', 'a.yaml'],
    kinds: ['fifo', 'dangling', 'bomb', 'utf8'],
  },
  { ws: 'pass', rel: 'a.yaml', argv: ['quiz', '00', '--answers', 'a.yaml'], kinds: [...SOME_TYPES, 'zero', 'bomb'] },
  {
    ws: 'pass',
    rel: 'learners/ana/reviews.jsonl',
    argv: ['quiz', '00', '--answers', 'a.yaml'],
    kinds: [...SOME_TYPES, 'utf8'],
  },
  {
    ws: 'pass',
    rel: 'learners/ana/phase-00/quiz-attempts.jsonl',
    argv: ['quiz', '00', '--answers', 'a.yaml'],
    kinds: SOME_TYPES,
  },
  { ws: 'pass', rel: CP, argv: ['quiz', '00', '--answers', 'a.yaml'], kinds: SOME_TYPES },
  // break start: the predictions (notes/breaks.md) and the target
  {
    ws: 'pass',
    rel: 'learners/ana/phase-00/notes/breaks.md',
    argv: ['break', '00', 'start'],
    kinds: [...ALL_TYPES, 'utf8', 'line50mb'],
  },
  { ws: 'pass', rel: 'src/calc.py', argv: ['break', '00', 'start'], kinds: ['fifo', 'dir', 'zero'] },
  // review: the deck's log and the attempt logs it syncs from
  { ws: 'pass', rel: 'learners/ana/reviews.jsonl', argv: ['review', '--json'], kinds: [...SOME_TYPES, 'loop'] },
  {
    ws: 'pass',
    rel: 'learners/ana/phase-00/quiz-attempts.jsonl',
    argv: ['review', '--json'],
    kinds: [...SOME_TYPES, 'loop'],
  },
  // journal, phase-start, derive, init in a fresh workspace
  { ws: 'fresh', rel: `learners/ana/journal/${day}.md`, argv: ['journal', 'a note'], kinds: ALL_TYPES },
  { ws: 'fresh', rel: 'lynx.yaml', argv: ['journal', 'a note'], kinds: ['fifo', 'zero', 'bomb'] },
  { ws: 'fresh', rel: 'PHASE_00_PLAN.md', argv: ['phase-start', '00'], kinds: ALL_TYPES },
  { ws: 'fresh', rel: CP, argv: ['phase-start', '00'], kinds: [...SOME_TYPES, 'utf8'] },
  {
    ws: 'fresh',
    rel: 'lynx.yaml',
    argv: ['derive', '00', 'a topic'],
    kinds: ['docs-utf8', 'docs-nul', 'fifo', 'bomb'],
  },
  {
    ws: 'fresh',
    rel: 'lynx.yaml',
    argv: ['init', '--learner', 'bo'],
    kinds: ['fifo', 'dangling', 'zero', 'bomb', 'utf8'],
  },
];

interface Outcome {
  what: string;
  code: number | null;
  ms: number;
  named: boolean;
  wrote: boolean;
  out: string;
}

/** At most `n` cases at once. */
async function pool<T>(items: T[], n: number, task: (t: T, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async (_, lane) => {
      while (next < items.length) await task(items[next++] as T, lane);
    }),
  );
}

describe('fuzz corpus by command: exit 2, the file named, no hang, no write', () => {
  it(`${ROWS.reduce((n, r) => n + r.kinds.length, 0)} cases over ${ROWS.length} (command, file) pairs`, async () => {
    const bases = { pass: passingWorkspace(), fresh: workspace('ana') };
    // every question of the fixture's bank answered: a refusal must come from the planted file, not from omitted items
    writeFileSync(
      join(bases.pass, 'a.yaml'),
      Array.from({ length: 10 }, (_, i) => `q-00-${String(i + 1).padStart(2, '0')}: 0\n`).join(''),
    );
    // committed predictions, so break start gets as far as reading its target
    expect(lynx(['break', '00'], { cwd: bases.pass }).code).toBe(0);
    const predictions = join(bases.pass, 'learners/ana/phase-00/notes/breaks.md');
    writeFileSync(
      predictions,
      `${readFileSync(predictions, 'utf8')}The sum will be off by one and the add test will fail.\n`,
    );
    commitAll(bases.pass, 'predictions');
    // the config cache exists before any case
    for (const b of Object.values(bases)) expect(lynx(['status'], { cwd: b }).code).toBe(0);
    const cases = ROWS.flatMap((row) => row.kinds.map((kind) => ({ row, kind })));
    const outcomes: Outcome[] = [];
    const batches = [0, 1, 2].map(() => new LynxBatch({ PYTHONDONTWRITEBYTECODE: '1' }));
    await pool(cases, batches.length, async ({ row, kind }, lane) => {
      const dir = tempDir('lynx-fuzzw-');
      cpSync(bases[row.ws], dir, { recursive: true, verbatimSymlinks: true });
      try {
        plant(dir, row.rel, kind);
        const before = treeHash(dir);
        const r = await batches[lane]!.run(row.argv, dir, 20_000);
        const name = row.rel.split('/').pop() ?? row.rel;
        outcomes.push({
          what: `${row.argv.join(' ')} | ${row.rel} | ${kind}`,
          code: r.code,
          ms: r.ms,
          named: r.out.includes(name),
          wrote: treeHash(dir) !== before,
          out: r.out.slice(0, 300),
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    for (const b of batches) await b.close();
    const bad = outcomes.filter((o) => o.code !== 2 || !o.named || o.wrote);
    expect(
      bad.map(
        (o) =>
          `${o.what}: exit ${String(o.code)} in ${o.ms} ms${o.named ? '' : ', file not named'}` +
          `${o.wrote ? ', WROTE' : ''} — ${o.out.replace(/\s+/g, ' ')}`,
      ),
    ).toEqual([]);
    expect(outcomes).toHaveLength(cases.length);
  }, 400_000);
});
