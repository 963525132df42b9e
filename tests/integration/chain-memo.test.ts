/**
 * The chain memo (issue 20, `lynx checkpoint` only): "the first `size` bytes of the attempt log, blob id `oid`,
 * are `lines` lines whose hash chain verified". It must prove exactly that — an edited, truncated or foreign log,
 * an inflated line count or a corrupt file proves nothing — and the gate never reads it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, tempDir } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { commitAll, passingWorkspace, recordAttempt, type GateJson } from '../helpers/gate-fixture.js';
import { rememberChain, trustedLines } from '../../src/io/chain-memo.js';
import { prefixIds, blobId } from '../../src/io/prefix-ids.js';
import { chainLine, verifyChain } from '../../src/core/attempts.js';
import { fnv1aHex } from '../../src/core/hash.js';
import { bareRecord } from '../helpers/attempt-record.js';

afterAll(cleanup);

const REL = 'learners/ana/phase-00/quiz-attempts.jsonl';
const memoFile = (root: string): string => join(root, '.lynx', 'cache', `chain-${fnv1aHex(REL)}.json`);
const rec = (score: number): ReturnType<typeof bareRecord> => bareRecord(score, 'ana');
function log(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(chainLine(rec(i / 10), lines.at(-1)));
  return `${lines.join('\n')}\n`;
}

describe('verifyChain with trusted lines', () => {
  it('takes the first lines links as verified, and checks every link after them', () => {
    const good = log(4).split('\n');
    good[1] = (good[1] ?? '').replace('"score":0.1', '"score":0.15'); // line 3 no longer chains to line 2
    const text = good.join('\n');
    expect(verifyChain(text, 'f').problems[0]).toMatch(/^f:3: hash chain broken/);
    expect(verifyChain(text, 'f', 3).problems).toEqual([]); // what a memo of 3 verified lines vouches for
    expect(verifyChain(text, 'f', 2).problems[0]).toMatch(/^f:3: hash chain broken/);
    expect(verifyChain(text, 'f', 3).records.map((r) => r.score)).toEqual([0, 0.15, 0.2, 0.3]); // still parsed
  });
});

describe('trustedLines and rememberChain', () => {
  it('proves the lines a run verified while the log still starts with those bytes', () => {
    const root = tempDir('lynx-chain-');
    const text = log(5);
    rememberChain(root, REL, prefixIds(text), 5, 0);
    expect(trustedLines(root, REL, prefixIds(text))).toBe(5);
    expect(trustedLines(root, REL, prefixIds(`${text}${chainLine(rec(0.9), undefined)}\n`))).toBe(5); // appended
    expect(trustedLines(root, REL, prefixIds(text.replace('"score":0.2', '"score":0.3')))).toBe(0); // edited
    expect(trustedLines(root, REL, prefixIds(text.slice(0, -20)))).toBe(0); // truncated
    expect(trustedLines(root, 'learners/bo/phase-00/quiz-attempts.jsonl', prefixIds(text))).toBe(0);
  });

  it('a memo that overstates its lines, ends mid-line, or does not parse proves nothing', () => {
    const root = tempDir('lynx-chain-');
    const text = log(5);
    const ids = prefixIds(text);
    rememberChain(root, REL, ids, 5, 0);
    const m = JSON.parse(readFileSync(memoFile(root), 'utf8')) as { size: number; oid: string; lines: number };
    const put = (o: unknown): void => writeFileSync(memoFile(root), typeof o === 'string' ? o : JSON.stringify(o));
    put({ ...m, lines: 6 });
    expect(trustedLines(root, REL, ids)).toBe(0);
    const cut = m.size - 10;
    put({ ...m, size: cut, oid: blobId(ids.bytes, cut, false), lines: 4 });
    expect(trustedLines(root, REL, ids)).toBe(0);
    for (const bad of ['{', '[]', JSON.stringify({ ...m, v: 2 }), JSON.stringify({ ...m, lines: -1 })]) {
      put(bad);
      expect(trustedLines(root, REL, ids), bad).toBe(0);
    }
    put(m);
    expect(trustedLines(root, REL, ids)).toBe(5); // the same file, well-formed again: proven
  });

  it('remembers only whole lines, and rewrites only when the log grew', () => {
    const root = tempDir('lynx-chain-');
    rememberChain(root, REL, prefixIds(log(3).slice(0, -1)), 3, 0); // no final newline: not remembered
    expect(existsSync(memoFile(root))).toBe(false);
    rememberChain(root, REL, prefixIds(log(3)), 3, 0);
    const before = readFileSync(memoFile(root), 'utf8');
    rememberChain(root, REL, prefixIds(log(3)), 3, 3);
    expect(readFileSync(memoFile(root), 'utf8')).toBe(before);
  });
});

describe('checkpoint and gate with a chain memo', () => {
  const quizCheck = (j: GateJson): string =>
    j.checks
      .filter((c) => /quiz/.test(c.id))
      .map((c) => `${c.status}: ${c.message}`)
      .join('\n');

  it('an edit after the memo is caught by checkpoint; a forged memo fools checkpoint, never the gate', async () => {
    const dir = passingWorkspace();
    for (let i = 0; i < 3; i++) recordAttempt(dir, 1, `2026-11-20T10:0${i + 1}:00.000Z`);
    commitAll(dir, 'three more attempts');
    const first = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as GateJson;
    expect(quizCheck(first)).toMatch(/^pass/m);
    expect(JSON.parse(readFileSync(memoFile(dir), 'utf8'))).toMatchObject({ rel: REL, lines: 4 });
    // line 2 edited in a way that still parses: line 3 no longer chains to it
    const file = join(dir, REL);
    const edited = readFileSync(file, 'utf8').replace(
      /"at":"2026-11-20T10:01:00.000Z"/,
      '"at":"2026-11-20T10:01:30.000Z"',
    );
    writeFileSync(file, edited);
    const caught = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as GateJson;
    expect(quizCheck(caught)).toMatch(/hash chain broken/);
    // a memo written for the edited bytes vouches for them in the checkpoint (its own cache) …
    const ids = prefixIds(edited);
    const forged = { v: 1, rel: REL, size: ids.bytes.length, oid: ids.id(ids.bytes.length), lines: 4 };
    writeFileSync(memoFile(dir), JSON.stringify(forged));
    const fooled = JSON.parse((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout) as GateJson;
    expect(quizCheck(fooled)).not.toMatch(/hash chain broken/);
    // … and the gate, which never reads it, says what the log is
    const gate = JSON.parse((await lynxIn(['gate', '00', '--json'], { cwd: dir })).stdout) as GateJson;
    expect(quizCheck(gate)).toMatch(/hash chain broken/);
  });
});
