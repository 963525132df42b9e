/**
 * appendOnlyProblems on real histories (issue 20): every committed version must be a prefix of the text now.
 * A pure append passes, and any edit, deletion or insertion in any commit fails naming the commit and line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, gitRepo, tempDir } from '../helpers/cli.js';
import { appendOnlyProblems, memoName, prefixBlobIds } from '../../src/io/append-only.js';

afterAll(cleanup);

const F = 'log.jsonl';
const commit = (dir: string, msg: string): string => {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', msg);
  return git(dir, 'rev-parse', 'HEAD').trim();
};
const line = (i: number): string => `${JSON.stringify({ i, pad: 'x'.repeat(40) })}\n`;
/** A repository whose log got `n` lines over `commits` commits; returns the shas, oldest first. */
function history(n: number, commits: number): { dir: string; shas: string[] } {
  const dir = gitRepo();
  const shas: string[] = [];
  const per = Math.ceil(n / commits);
  for (let i = 0; i < n; i++) {
    appendFileSync(join(dir, F), line(i));
    if ((i + 1) % per === 0 || i === n - 1) shas.push(commit(dir, `to ${i + 1}`));
  }
  return { dir, shas };
}
const now = (dir: string): string => readFileSync(join(dir, F), 'utf8');
/** Line `index` (0-based) of the log replaced by an edited record, then committed. */
const rewrite = (dir: string, index: number): void => {
  const lines = now(dir).split('\n');
  lines[index] = JSON.stringify({ i: index, pad: 'edited' });
  writeFileSync(join(dir, F), lines.join('\n'));
  commit(dir, `rewrite line ${index + 1}`);
};
const judge = (dir: string, text = now(dir)): Promise<string[]> => appendOnlyProblems(dir, F, text);

describe('appendOnlyProblems', () => {
  it('a pure append over many commits passes, with lines still being appended in the work tree', async () => {
    const { dir } = history(60, 12);
    expect(await judge(dir)).toEqual([]);
    appendFileSync(join(dir, F), line(60));
    expect(await judge(dir)).toEqual([]);
    expect(await appendOnlyProblems(gitRepo(), F, 'never committed\n')).toEqual([]);
  });

  it('a committed line edited in a later commit fails, naming where it was committed and the line', async () => {
    const { dir, shas } = history(30, 6); // 5 lines a commit
    rewrite(dir, 7);
    appendFileSync(join(dir, F), line(30));
    commit(dir, 'and go on');
    // newest first, the first version that is not a prefix: the last one before the rewrite
    expect(await judge(dir)).toEqual([
      `${F}:8: this line was changed after it was committed in ${shas[5]!.slice(0, 8)} — the attempt log is append-only`,
    ]);
  });

  it('a deleted or an inserted line in the middle fails at that line; so does an edit not yet committed', async () => {
    const deleted = history(20, 4);
    const d = now(deleted.dir).split('\n');
    d.splice(12, 1);
    writeFileSync(join(deleted.dir, F), d.join('\n'));
    commit(deleted.dir, 'drop line 13');
    expect(await judge(deleted.dir)).toEqual([
      expect.stringMatching(new RegExp(`^${F}:13: .*${deleted.shas[3]!.slice(0, 8)}`)),
    ]);

    const inserted = history(20, 4);
    const n = now(inserted.dir).split('\n');
    n.splice(3, 0, JSON.stringify({ i: 'extra' }));
    writeFileSync(join(inserted.dir, F), n.join('\n'));
    commit(inserted.dir, 'insert at line 4');
    expect(await judge(inserted.dir)).toEqual([
      expect.stringMatching(new RegExp(`^${F}:4: .*${inserted.shas[3]!.slice(0, 8)}`)),
    ]);

    const dirty = history(20, 4);
    writeFileSync(join(dirty.dir, F), now(dirty.dir).replace('"i":19', '"i":91'));
    expect(await judge(dirty.dir)).toEqual([
      expect.stringMatching(new RegExp(`^${F}:20: .*${dirty.shas[3]!.slice(0, 8)}`)),
    ]);
    writeFileSync(join(dirty.dir, F), now(dirty.dir).split('\n').slice(0, 10).join('\n'));
    expect(await judge(dirty.dir)).not.toEqual([]); // truncated below what was committed
  });

  it('a CRLF checkout (core.autocrlf) of an append-only log passes; an edited line under CRLF fails', async () => {
    const { dir, shas } = history(10, 5);
    git(dir, 'config', 'core.autocrlf', 'true');
    rmSync(join(dir, F));
    git(dir, 'checkout', '--', F);
    expect(now(dir)).toContain('\r\n');
    expect(await judge(dir)).toEqual([]);
    writeFileSync(join(dir, F), now(dir).replace('"i":2', '"i":9'));
    expect(await judge(dir)).toEqual([expect.stringMatching(new RegExp(`^${F}:3: .*${shas[4]!.slice(0, 8)}`))]);
  });

  it('a file deleted and re-added passes when the new text continues the old one, and fails when not', async () => {
    const { dir, shas } = history(10, 2);
    const kept = now(dir);
    rmSync(join(dir, F));
    commit(dir, 'delete the log');
    writeFileSync(join(dir, F), kept + line(10));
    commit(dir, 're-add it, grown');
    expect(await judge(dir)).toEqual([]);
    writeFileSync(join(dir, F), line(99));
    commit(dir, 'start it over');
    expect(await judge(dir)).toEqual([
      `${F}:1: this line was changed after it was committed in ${git(dir, 'rev-parse', 'HEAD~1').trim().slice(0, 8)} — ` +
        'the attempt log is append-only',
    ]);
    expect(shas).toHaveLength(2);
  });

  it('merges: a branch that appended merges cleanly; two branches that both appended do not', async () => {
    const { dir } = history(6, 2);
    git(dir, 'checkout', '-q', '-b', 'side');
    appendFileSync(join(dir, F), line(6));
    commit(dir, 'side appends');
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(join(dir, 'other.txt'), 'main moves on\n');
    commit(dir, 'main, not the log');
    git(dir, 'merge', '-q', '--no-edit', 'side');
    expect(await judge(dir)).toEqual([]);

    git(dir, 'checkout', '-q', '-b', 'side2');
    appendFileSync(join(dir, F), line(100));
    const sideSha = commit(dir, 'side2 appends');
    git(dir, 'checkout', '-q', 'main');
    appendFileSync(join(dir, F), line(200));
    commit(dir, 'main appends too');
    // both appended: the merged log holds main's line then the side's, so the side's version is not a prefix
    expect(() => git(dir, 'merge', '-q', '--no-edit', 'side2')).toThrow();
    writeFileSync(join(dir, F), now(dir).replace(/^(<<<<<<<|=======|>>>>>>>).*\n/gm, ''));
    commit(dir, 'merge side2, both lines kept');
    expect(await judge(dir)).toEqual([expect.stringMatching(new RegExp(`^${F}:8: .*${sideSha.slice(0, 8)}`))]);
  });
});

describe("checkpoint's memo (.lynx/cache): committed blobs already proven prefixes of the file's start", () => {
  const memoPath = (dir: string): string => join(dir, '.lynx', 'cache', memoName(F));
  const withMemo = (dir: string, text = now(dir)): Promise<string[]> =>
    appendOnlyProblems(dir, F, text, 'the attempt log', true);
  const blobIds = (dir: string): string[] =>
    git(dir, 'log', '--format=%H', '--', F)
      .split('\n')
      .filter(Boolean)
      .map((sha) => git(dir, 'rev-parse', `${sha}:${F}`).trim());
  /** A memo claiming every committed version is a prefix of the file as it is now. */
  const forge = (dir: string): void => {
    mkdirSync(join(dir, '.lynx', 'cache'), { recursive: true });
    const memo = {
      v: 1,
      rel: F,
      size: Buffer.byteLength(now(dir)),
      oid: git(dir, 'hash-object', F).trim(),
      prefixes: blobIds(dir),
    };
    writeFileSync(memoPath(dir), JSON.stringify(memo));
  };

  it('is written after a clean verification and carries over appends; without it nothing is written', async () => {
    const { dir } = history(40, 8);
    expect(await judge(dir)).toEqual([]);
    expect(existsSync(memoPath(dir))).toBe(false); // the gate's and report's path keeps no memo
    expect(await withMemo(dir)).toEqual([]);
    const memo = JSON.parse(readFileSync(memoPath(dir), 'utf8')) as { size: number; prefixes: string[] };
    expect(memo.size).toBe(Buffer.byteLength(now(dir)));
    expect(memo.prefixes.sort()).toEqual(blobIds(dir).sort());
    appendFileSync(join(dir, F), line(40));
    commit(dir, 'one more');
    expect(await withMemo(dir)).toEqual([]);
    const written = statSync(memoPath(dir)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    expect(await withMemo(dir)).toEqual([]);
    expect(statSync(memoPath(dir)).mtimeMs).toBe(written); // nothing new to say: not rewritten
    expect((JSON.parse(readFileSync(memoPath(dir), 'utf8')) as { size: number }).size).toBe(
      Buffer.byteLength(now(dir)),
    );
  });

  it('proves nothing once the file no longer starts with the blob it names: a later rewrite still fails', async () => {
    const { dir, shas } = history(30, 6);
    expect(await withMemo(dir)).toEqual([]);
    rewrite(dir, 7);
    expect(await withMemo(dir)).toEqual([
      `${F}:8: this line was changed after it was committed in ${shas[5]!.slice(0, 8)} — the attempt log is append-only`,
    ]);
  });

  it('a forged memo fools the memo path only; the path without it (gate, report) still fails', async () => {
    const { dir } = history(30, 6);
    rewrite(dir, 2);
    forge(dir);
    expect(await withMemo(dir)).toEqual([]); // the memo is lynx's own cache: checkpoint trusts it
    expect(await judge(dir)).toEqual([expect.stringMatching(new RegExp(`^${F}:3: `))]);
  });

  it('a memo that does not parse, names another file or has the wrong types is ignored', async () => {
    const { dir } = history(20, 4);
    rewrite(dir, 1);
    forge(dir);
    const good = JSON.parse(readFileSync(memoPath(dir), 'utf8')) as Record<string, unknown>;
    for (const bad of [
      '{not json',
      JSON.stringify({ ...good, rel: 'other.jsonl' }),
      JSON.stringify({ ...good, size: '9' }),
      JSON.stringify({ ...good, prefixes: 'all' }),
      JSON.stringify({ ...good, v: 2 }),
      JSON.stringify({ ...good, size: Number(good.size) + 1 }),
    ]) {
      writeFileSync(memoPath(dir), bad);
      expect(await withMemo(dir), bad).toEqual([expect.stringMatching(new RegExp(`^${F}:2: `))]);
    }
  });
});

describe('prefixBlobIds', () => {
  it("gives git's own ids, sha1 and sha256 alike", async () => {
    const bytes = Buffer.from('a\nbb\nccc\n'.repeat(1000));
    const jobs = [1, 5, 100, 9000, bytes.length].flatMap((size) => [
      { size, sha256: false },
      { size, sha256: true },
    ]);
    // git itself is the oracle: `hash-object` in a sha1 and in a sha256 repository
    const sha1 = gitRepo();
    const sha256 = tempDir();
    git(sha256, 'init', '-q', '--object-format=sha256');
    const want = jobs.map((j) => {
      const dir = j.sha256 ? sha256 : sha1;
      writeFileSync(join(dir, 'f'), bytes.subarray(0, j.size));
      return git(dir, 'hash-object', 'f').trim();
    });
    expect(want[1]).toHaveLength(64);
    expect(prefixBlobIds(bytes, jobs)).toEqual(want);
  });
});
