/** Issue 20's adapters on real repositories and files: history lookups, append-only by blob id, the deck cache. */
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, gitRepo, workspace, write } from '../helpers/cli.js';
import * as g from '../../src/io/git.js';
import * as gv from '../../src/io/git-versions.js';
import { blobId } from '../../src/io/prefix-ids.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { replayedDeck, reviewsDue, reviewsFile } from '../../src/io/review-store.js';

afterAll(cleanup);

const commitAll = (dir: string, msg: string): string => {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', msg);
  return git(dir, 'rev-parse', 'HEAD').trim();
};

describe('git snapshot history', () => {
  it("finds full and abbreviated shas of HEAD's history, and nothing else", async () => {
    const dir = gitRepo();
    const shas = [git(dir, 'rev-parse', 'HEAD').trim()];
    for (let i = 0; i < 5; i++) {
      write(dir, `f${i}`, String(i));
      shas.push(commitAll(dir, `c${i}`));
    }
    const s = await g.snapshot(dir);
    for (const sha of shas) {
      expect(await g.inHistoryOf(s, sha)).toBe(true);
      expect(await g.inHistoryOf(s, sha.slice(0, 7).toUpperCase())).toBe(true);
    }
    expect(await g.inHistoryOf(s, 'f'.repeat(40))).toBe(false);
    expect(await g.inHistoryOf(s, shas[0]!.slice(0, 6))).toBe(false); // too short to name a commit
    expect(await g.inHistoryOf(s, 'zzzzzzz')).toBe(false);
  });
});

describe('committed versions of a file by blob id', () => {
  it('one id and size per commit, newest first; the current bytes cut to a size have that id', async () => {
    const dir = gitRepo();
    const lines = ['a\n', 'b\n', 'c\n'];
    const shas: string[] = [];
    for (const l of lines) {
      appendFileSync(join(dir, 'log.jsonl'), l);
      shas.push(commitAll(dir, l.trim()));
    }
    const v = await gv.withSizes(dir, await gv.versionOids(dir, 'log.jsonl'));
    expect(v.map((x) => x.sha)).toEqual([...shas].reverse());
    expect(v.map((x) => x.size)).toEqual([6, 4, 2]);
    const now = readFileSync(join(dir, 'log.jsonl'));
    for (const x of v) expect(blobId(now, x.size, false)).toBe(x.oid);
    // an edited committed line: the prefix no longer has the committed id, and its text is readable for the message
    writeFileSync(join(dir, 'log.jsonl'), 'A\nb\nc\n');
    const edited = readFileSync(join(dir, 'log.jsonl'));
    expect(blobId(edited, v[2]!.size, false)).not.toBe(v[2]!.oid);
    expect(await g.blobText(dir, v[2]!.oid)).toBe('a\n');
    expect(await gv.versionOids(dir, 'never-committed.txt')).toEqual([]);
  });
});

describe('committed versions from one git log --raw', () => {
  it('names the blob each commit left, through a merge, a deletion and a re-add, as a lookup by commit', async () => {
    const dir = gitRepo();
    const base = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim();
    appendFileSync(join(dir, 'log.jsonl'), 'a\n');
    commitAll(dir, 'a');
    git(dir, 'checkout', '-q', '-b', 'side');
    appendFileSync(join(dir, 'log.jsonl'), 'b\n');
    commitAll(dir, 'b on side');
    git(dir, 'checkout', '-q', base);
    write(dir, 'other.txt', 'x');
    commitAll(dir, 'unrelated');
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    git(dir, 'rm', '-q', 'log.jsonl');
    git(dir, 'commit', '-q', '-m', 'deleted');
    write(dir, 'log.jsonl', 'a\nb\nc\n');
    commitAll(dir, 're-added');
    const raw = await gv.withSizes(dir, await gv.versionOids(dir, 'log.jsonl'));
    const byCommit = await gv.versionIdsOfCommits(dir, 'log.jsonl', 50);
    // the same blobs, newest first: the merge took the side's version (one entry), the deletion left none
    expect(raw.map((v) => [v.oid, v.size])).toEqual(byCommit.map((v) => [v.oid, v.size]));
    expect(raw.map((v) => v.size)).toEqual([6, 4, 2]);
    const oids = await gv.versionOids(dir, 'log.jsonl');
    expect(oids.map((v) => v.oid)).toEqual(raw.map((v) => v.oid));
    expect((await gv.blobSizes(dir, [raw[0]!.oid, 'f'.repeat(40)])).get(raw[0]!.oid)).toBe(6);
    expect((await gv.blobSizes(dir, ['f'.repeat(40)])).size).toBe(0); // a missing object: no size, no error
  });
});

describe('the review deck cache (.lynx/cache, derived state)', () => {
  const add = (card: string): string =>
    JSON.stringify({
      v: 1,
      kind: 'add',
      at: '2026-01-01T10:00:00Z',
      card,
      phase: 0,
      from: 'quiz',
      attempt_at: '2026-01-01T10:00:00Z',
    });
  const cache = (dir: string): string => join(dir, '.lynx', 'cache', 'reviews-ana.json');

  it('is written on a miss, used on a hit, rebuilt when the log changes, ignored when corrupt or stale', async () => {
    const dir = workspace('ana');
    const ws = await openWorkspace(dir);
    const log = join(dir, reviewsFile('ana'));
    write(dir, reviewsFile('ana'), `${add('q1')}\n${add('q2')}\n`);
    const later = new Date('2026-02-01T00:00:00Z');
    expect(reviewsDue(ws, 'ana', later)).toBe(2);
    const written = JSON.parse(readFileSync(cache(dir), 'utf8')) as { key: string; deck: { id: string }[] };
    expect(written.deck.map((c) => c.id)).toEqual(['q1', 'q2']);

    // a hit: the cached deck is what is used (proved by a cache that says something else, with the right key)
    writeFileSync(cache(dir), JSON.stringify({ ...written, v: 1, warnings: [], deck: written.deck.slice(0, 1) }));
    expect([...replayedDeck(ws, 'ana').deck.keys()]).toEqual(['q1']);

    // the log grows: the key no longer matches, the log is replayed
    appendFileSync(log, `${add('q3')}\n`);
    expect(reviewsDue(ws, 'ana', later)).toBe(3);

    // same size, new content and mtime: stale, replayed
    const st = statSync(log);
    writeFileSync(log, `${add('q1')}\n${add('q2')}\n${add('q4')}\n`);
    utimesSync(log, st.atime, new Date(st.mtimeMs + 5000));
    expect([...replayedDeck(ws, 'ana').deck.keys()]).toEqual(['q1', 'q2', 'q4']);

    // corrupt: ignored, never trusted
    for (const bad of [
      '{not json',
      JSON.stringify({ v: 1, key: 'x' }),
      JSON.stringify({ ...written, deck: [{ id: 3 }] }),
    ]) {
      writeFileSync(cache(dir), bad);
      expect([...replayedDeck(ws, 'ana').deck.keys()]).toEqual(['q1', 'q2', 'q4']);
    }
  });

  // status reads only the due summary (reviews-<learner>.due.json) under the same key: never a source of truth
  const summary = (dir: string): string => join(dir, '.lynx', 'cache', 'reviews-ana.due.json');
  const grade = (card: string, at: string): string =>
    JSON.stringify({
      v: 1,
      kind: 'grade',
      at,
      card,
      phase: 0,
      grade: 'good',
      quality: 4,
      before: { ease: 2.5, interval: 1, reps: 0, due: '2026-01-02' },
      after: { ease: 2.5, interval: 1, reps: 1, due: '2026-01-03' },
    });

  it('status counts due cards from the summary on a hit, from the log on a miss: stale, corrupt, forged', async () => {
    const dir = workspace('ana');
    const ws = await openWorkspace(dir);
    const log = join(dir, reviewsFile('ana'));
    // q3 was graded today: today's reviews use up the daily limit (2 here); it is due again tomorrow
    const today = new Date('2026-02-01T12:00:00Z');
    write(dir, 'lynx.yaml', `${readFileSync(join(dir, 'lynx.yaml'), 'utf8')}review:\n  daily_limit: 2\n`);
    const ws2 = await openWorkspace(dir);
    write(
      dir,
      reviewsFile('ana'),
      `${add('q1')}\n${add('q2')}\n${add('q3')}\n${grade('q3', '2026-02-01T09:00:00Z')}\n`,
    );
    expect(reviewsDue(ws2, 'ana', today)).toBe(1); // q1, q2 due; one of the two daily slots used by q3
    const written = JSON.parse(readFileSync(summary(dir), 'utf8')) as { key: string; due: [string, number][] };
    expect(written.due).toEqual([
      ['2026-01-02', 2],
      ['2026-02-02', 1],
    ]);
    expect(reviewsDue(ws2, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(2); // 3 due, the limit whole again

    // a hit is what is used: a summary saying something else, under the right key
    writeFileSync(summary(dir), JSON.stringify({ ...written, due: [['2026-01-02', 7]], reviewed: [] }));
    expect(reviewsDue(ws2, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(2); // 7 due, capped by the limit
    expect(reviewsDue(ws, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(7); // the default limit (30)

    // stale: the log grew (q1 graded on the 2nd); the summary's key no longer matches and the log is replayed
    appendFileSync(log, `${grade('q1', '2026-02-02T08:00:00Z')}\n`);
    expect(reviewsDue(ws, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(2); // q2, q3
    expect(reviewsDue(ws2, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(1); // one slot left of 2

    // corrupt or forged (another log's key, counts that are not counts, days that are not days): ignored
    const good = readFileSync(summary(dir), 'utf8');
    const key = (JSON.parse(good) as { key: string }).key;
    for (const bad of [
      '{not json',
      JSON.stringify({ v: 1, key: `${key}x`, due: [['2026-01-01', 9]], reviewed: [] }),
      JSON.stringify({ v: 2, key, due: [['2026-01-01', 9]], reviewed: [] }),
      JSON.stringify({ v: 1, key, due: [['2026-01-01', -9]], reviewed: [] }),
      JSON.stringify({ v: 1, key, due: [['yesterday', 9]], reviewed: [] }),
      JSON.stringify({ v: 1, key, due: [['2026-01-01', 9]] }),
      JSON.stringify([1, 2]),
    ]) {
      writeFileSync(summary(dir), bad);
      expect(reviewsDue(ws2, 'ana', new Date('2026-02-02T12:00:00Z'))).toBe(1);
      expect(readFileSync(summary(dir), 'utf8')).toBe(good); // rebuilt from the log
    }
  });
});
