/**
 * The fuzz corpus (tests/fixtures/fuzz/<target>/*, plus hostile file types made here: a directory, a
 * FIFO, a symlink to /dev/zero, dangling and looping symlinks, a symlink out of the workspace, an
 * oversized file, 200k-deep JSON): every malformed input exits 2 — never 3, never a crash or a hang
 * (a timeout per run) — names the file, and writes nothing (tree hash before = after; .lynx/tmp empty).
 * The runs are batched into one node process (tests/helpers/batch.ts): each case has its own
 * workspace copy and its own timeout, and a hang kills the process as it killed a spawned lynx.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanup, lynx, repoRoot, workspace } from '../helpers/cli.js';
import { LynxBatch } from '../helpers/batch.js';

const batch = new LynxBatch();
afterAll(async () => {
  await batch.close();
  cleanup();
});

const FUZZ = join(repoRoot, 'tests', 'fixtures', 'fuzz');
const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;

interface Target {
  rel: (caseFile: string) => string;
  argv: (rel: string) => string[];
  generated: Record<string, string>;
}
const TARGETS: Record<string, Target> = {
  // a 50 MB YAML value took 6 s and 1.9 GB before the size cap
  'lynx.yaml': {
    rel: () => 'lynx.yaml',
    argv: () => ['status'],
    generated: { 'value-50mb.yaml': `schema_version: 1\nlearner: ana\ndocs: "${'x'.repeat(50 * 1024 * 1024)}"\n` },
  },
  'checkpoint.json': {
    rel: () => 'learners/ana/phase-00/checkpoint.json',
    argv: () => ['checkpoint', '00'],
    generated: { 'deep-200k.json': deep },
  },
  'quiz-attempts.jsonl': {
    rel: () => 'learners/ana/phase-00/quiz-attempts.jsonl',
    argv: () => ['checkpoint', '00'],
    generated: { 'deep-line.jsonl': `${deep}\n` },
  },
  'reviews.jsonl': {
    rel: () => 'learners/ana/reviews.jsonl',
    argv: () => ['status'],
    generated: { 'deep-line.jsonl': `${deep}\n` },
  },
  answers: {
    rel: (f) => `answers-${f}`,
    argv: (rel) => ['quiz', '00', '--answers', rel],
    generated: { 'deep.json': `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}` },
  },
  manifest: {
    rel: (f) => `experiments/fz/${f}`,
    argv: (rel) => ['manifest', 'diff', rel, rel],
    generated: { 'deep.json': deep },
  },
};
/** Hostile kinds of file, made at run time (they cannot live in git). */
const SPECIAL = [
  'a-directory',
  'a-fifo',
  'dev-zero-symlink',
  'dangling-symlink',
  'looping-symlink',
  'outside-symlink',
  'oversized',
] as const;

/** Content hash of the tree (types, modes, link targets, bytes), .git/index aside (git status refreshes it). */
function treeHash(root: string): string {
  const h = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel === '' ? name : `${rel}/${name}`;
      if (r === '.lynx/tmp' || r === '.git/index') continue;
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

function plant(dir: string, rel: string, kind: string, content: Buffer | string | undefined): void {
  const abs = join(dir, rel);
  mkdirSync(dirname(abs), { recursive: true });
  rmSync(abs, { recursive: true, force: true });
  if (content !== undefined) {
    writeFileSync(abs, content);
    return;
  }
  if (kind === 'a-directory') mkdirSync(abs);
  else if (kind === 'a-fifo') execFileSync('mkfifo', [abs]);
  else if (kind === 'dev-zero-symlink') symlinkSync('/dev/zero', abs);
  else if (kind === 'dangling-symlink') symlinkSync('does-not-exist', abs);
  else if (kind === 'looping-symlink') symlinkSync(abs, abs);
  else if (kind === 'outside-symlink') symlinkSync('/etc/passwd', abs);
  else if (kind === 'oversized') writeFileSync(abs, `# ${'x'.repeat(70 * 1024 * 1024)}\n`);
}

interface Outcome {
  target: string;
  name: string;
  code: number | null;
  named: boolean;
  wrote: boolean;
  tmpLeft: boolean;
  out: string;
}

describe('fuzz corpus: every malformed input exits 2, names the file, writes nothing', () => {
  const base = workspace('ana');
  expect(lynx(['status'], { cwd: base }).code).toBe(0); // the config cache exists before any case

  const outcomes: Outcome[] = [];
  for (const [target, t] of Object.entries(TARGETS)) {
    const files = readdirSync(join(FUZZ, target)).sort();
    const cases: [string, Buffer | string | undefined][] = [
      ...files.map((f): [string, Buffer] => [f, readFileSync(join(FUZZ, target, f))]),
      ...Object.entries(t.generated),
      ...SPECIAL.map((s): [string, undefined] => [s, undefined]),
    ];
    it(`${target}: ${cases.length} cases`, async () => {
      for (const [name, content] of cases) {
        const dir = `${base}-${target.replace(/\W/g, '')}-${name.replace(/\W/g, '')}`;
        cpSync(base, dir, { recursive: true, verbatimSymlinks: true });
        try {
          const rel = t.rel(name.replace(/^answers-/, ''));
          plant(dir, rel, name, content);
          const before = treeHash(dir);
          const r = await batch.run(t.argv(rel), dir, 20_000);
          const out = r.out;
          const tmp = join(dir, '.lynx', 'tmp');
          outcomes.push({
            target,
            name,
            code: r.code,
            named: out.includes(rel.split('/').pop() ?? rel),
            wrote: treeHash(dir) !== before,
            tmpLeft: existsSync(tmp) && readdirSync(tmp).length > 0,
            out: out.slice(0, 300),
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      const mine = outcomes.filter((o) => o.target === target);
      const bad = mine.filter((o) => o.code !== 2 || !o.named || o.wrote || o.tmpLeft);
      expect(
        bad.map(
          (o) =>
            `${o.name}: exit ${String(o.code)}${o.named ? '' : ', file not named'}${o.wrote ? ', WROTE' : ''}` +
            `${o.tmpLeft ? ', tmp left' : ''} — ${o.out.replace(/\s+/g, ' ')}`,
        ),
      ).toEqual([]);
    }, 300_000);
  }
});
