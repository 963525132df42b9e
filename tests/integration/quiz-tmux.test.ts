/**
 * The real terminal: `lynx quiz 00` driven in tmux (send-keys, capture-pane) from the first
 * question to the recorded attempt, with a crash (SIGKILL) halfway and a resume where it stopped.
 * Polls the pane with a timeout instead of sleeping. Skipped only when tmux is not installed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, cleanup, workspace } from '../helpers/cli.js';
import { verifyChain } from '../../src/core/attempts.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `lynx-test-${process.pid}`;
const tmux = (...args: string[]): string =>
  execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function session(name: string, dir: string) {
  // the pane keeps the exit code on screen after lynx ends
  const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    '110',
    '-y',
    '50',
    '-c',
    dir,
    '-e',
    'NO_COLOR=1',
    '-e',
    'LYNX_LEARNER=',
    `${shq(process.execPath)} ${shq(bin)} quiz 00; echo LYNX-EXIT:$?; sleep 600`,
  );
  const screen = (): string => tmux('capture-pane', '-p', '-t', name);
  const waitFor = async (text: string | RegExp, timeoutMs = 15_000): Promise<string> => {
    const t0 = Date.now();
    for (;;) {
      const s = screen();
      if (typeof text === 'string' ? s.includes(text) : text.test(s)) return s;
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${String(text)}; the pane shows:\n${s}`);
      await sleep(50);
    }
  };
  const keys = (...k: string[]): void => {
    tmux('send-keys', '-t', name, ...k);
  };
  const type = (text: string): void => {
    tmux('send-keys', '-t', name, '-l', text);
  };
  const lynxPid = (): number => {
    const shell = tmux('display-message', '-p', '-t', name, '#{pane_pid}').trim();
    return Number(execFileSync('ps', ['-o', 'pid=', '--ppid', shell], { encoding: 'utf8' }).trim().split(/\s+/)[0]);
  };
  return { screen, waitFor, keys, type, lynxPid };
}

const FREE_03 = 'The random seed, the git sha of the commit and the resolved library versions.';
const FREE_05 = 'The editor is cheapest and production most expensive; pre-commit runs locally before every push.';

describe.skipIf(!hasTmux)(
  `lynx quiz 00 in a real terminal (tmux)${hasTmux ? '' : ' — skipped: tmux is not installed'}`,
  () => {
    it(
      'answers every kind of question, survives a SIGKILL, ' + 'resumes where it stopped and records the attempt',
      async () => {
        const dir = workspace('ana');
        const a = session('first', dir);
        await a.waitFor('Phase 00 · Question 1 of 5');
        expect(a.screen()).toContain('❯ 1. The lockfile is human-readable while requirements.txt is not.');
        a.keys('2');
        await a.waitFor('❯ 2. The constraint');
        a.keys('Enter');
        await a.waitFor('✓ correct');
        a.keys('Enter');
        await a.waitFor('Question 2 of 5');
        for (const n of ['1', '3', '5']) {
          a.keys(n);
          await a.waitFor(new RegExp(`\\[x\\] ${n}\\.`));
        }
        a.keys('Enter');
        await a.waitFor('✓ correct');
        a.keys('Enter');
        await a.waitFor('Question 3 of 5');
        // a crash: the process dies without a chance to clean up
        const progress = join(dir, '.lynx/quiz/ana/phase-00.json');
        expect(existsSync(progress)).toBe(true);
        process.kill(a.lynxPid(), 'SIGKILL');
        await a.waitFor('LYNX-EXIT:137');

        const b = session('second', dir);
        await b.waitFor(/You have an unfinished attempt from .* UTC: 2 of 5 answered/);
        b.keys('y');
        await b.waitFor('Question 3 of 5');
        expect(b.screen()).toContain('██████████░░░░░░░░░░░░░░ 2/5 answered');
        b.type(FREE_03);
        await b.waitFor('resolved library versions.');
        b.keys('Enter');
        await b.waitFor('✓ correct');
        b.keys('Enter');
        await b.waitFor('Question 4 of 5');
        b.keys('Down', 'Enter');
        await b.waitFor('✓ correct');
        b.keys('Enter');
        await b.waitFor('Question 5 of 5');
        b.type(FREE_05);
        await b.waitFor('before every push.');
        b.keys('Enter');
        await b.waitFor('✓ correct');
        b.keys('Enter');
        const summary = await b.waitFor('Enter to leave');
        expect(summary).toContain('Score 100% (5 of 5) · pass ≥ 70% · PASSED');
        b.keys('Enter');
        await b.waitFor('LYNX-EXIT:0');

        const chain = verifyChain(readFileSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'), 'utf8'), 'log');
        expect(chain.problems).toEqual([]);
        expect(chain.records).toHaveLength(1);
        expect(chain.records[0]).toMatchObject({
          mode: 'interactive',
          score: 1,
          passed: true,
          learner: 'ana',
          phase: 0,
        });
        expect(chain.records[0]?.answers.map((x) => x.answer)).toEqual([1, [0, 2, 4], FREE_03, 1, FREE_05]);
        expect(existsSync(progress)).toBe(false);
        const cp = JSON.parse(readFileSync(join(dir, 'learners/ana/phase-00/checkpoint.json'), 'utf8')) as {
          quiz: object;
        };
        expect(cp.quiz).toMatchObject({ attempts: 1, passed: true, best: 1 });
      },
      90_000,
    );

    it('q asks before leaving; leaving keeps the answers for the next run', async () => {
      const dir = workspace('ana');
      const a = session('leave', dir);
      await a.waitFor('Question 1 of 5');
      a.keys('2', 'Enter');
      await a.waitFor('✓ correct');
      a.keys('q');
      await a.waitFor('Leave the quiz?');
      a.keys('y');
      // leaving is not a failed gate: 130, as for an interrupted command
      await a.waitFor('LYNX-EXIT:130');
      expect(a.screen()).toContain(
        'Your 1 answer(s) are saved; `lynx quiz 00` resumes this attempt at its first unanswered question.',
      );
      expect(existsSync(join(dir, 'learners/ana/phase-00/quiz-attempts.jsonl'))).toBe(false);
      expect(existsSync(join(dir, '.lynx/quiz/ana/phase-00.json'))).toBe(true);
    }, 60_000);
  },
);
