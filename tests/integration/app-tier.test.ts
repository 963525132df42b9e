/**
 * The in-process tier is only worth its speed if it says what the binary says: the same call, made
 * both ways, gives the same exit code, stdout and stderr — for a result, for a thrown error, and for
 * a thrown error under --json — and the tier sees the spawned CLI's minimal environment.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, lynx, tempDir, write, type Run } from '../helpers/cli.js';
import { call, lynxIn } from '../helpers/app.js';
import { HANG, LynxBatch } from '../helpers/batch.js';
import { manifestDiff } from '../../src/app/manifest-diff.js';
import { report } from '../../src/app/report.js';

afterAll(cleanup);

const only = ({ code, stdout, stderr }: Run): Run => ({ code, stdout, stderr });

describe('in process = the built binary', () => {
  it("a result: exit code and text (and the JSON document) are the binary's", async () => {
    const dir = tempDir();
    write(dir, 'a.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.1' } }));
    write(dir, 'b.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.2' } }));
    const inProcess = await call('manifest-diff', () => manifestDiff({ cwd: dir, a: 'a.json', b: 'b.json' }), {
      cwd: dir,
    });
    expect(inProcess.code).toBe(1);
    expect(only(inProcess)).toEqual(lynx(['manifest', 'diff', 'a.json', 'b.json'], { cwd: dir }));
    const json = await call('manifest-diff', () => manifestDiff({ cwd: dir, a: 'a.json', b: 'b.json' }), {
      cwd: dir,
      json: true,
    });
    const bin = lynx(['manifest', 'diff', 'a.json', 'b.json', '--json'], { cwd: dir });
    expect(only(json)).toEqual(bin);
    expect(json.json).toEqual(JSON.parse(bin.stdout));
  });

  it("a thrown error: exit code and message are the binary's, with and without --json", async () => {
    const dir = tempDir(); // not a git repository
    const text = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir });
    expect(text.code).toBe(2);
    expect(only(text)).toEqual(lynx(['report', '00'], { cwd: dir }));
    const json = await call('report', () => report({ cwd: dir, phase: '00' }), { cwd: dir, json: true });
    expect(only(json)).toEqual(lynx(['report', '00', '--json'], { cwd: dir }));
    expect(json.json).toMatchObject({ error: { exit_code: 2 } });
  });

  it('sees only the minimal environment a spawned lynx gets (no LYNX_*, EDITOR, CI variables)', () => {
    const extra = Object.keys(process.env).filter(
      (k) => !/^(PATH|HOME|TMPDIR|NO_COLOR|VITEST.*|NODE_.*|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/.test(k),
    );
    expect(extra).toEqual([]);
    expect(process.env.LYNX_LEARNER).toBeUndefined();
    expect(process.env.NO_COLOR).toBe('1');
  });

  it(
    "argv in process (lynxIn): commander's parsing, the action and " + "the error boundary give the binary's output",
    async () => {
      const dir = tempDir();
      write(dir, 'a.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.1' } }));
      write(dir, 'b.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.2' } }));
      const cases = [
        ['manifest', 'diff', 'a.json', 'b.json'], // a result, exit 1
        ['manifest', 'diff', 'a.json', 'a.json', '--json'], // exit 0, JSON
        ['manifest', 'diff', 'a.json', 'gone.json', '--json'], // a thrown InputError, under --json
        ['manifest', 'diff', 'a.json', '--frob'], // commander's parse error, said the lynx way
        ['report', '00'], // not a git repository
        ['aprove'], // an unknown command and its suggestion
      ];
      for (const args of cases) {
        const bin = lynx(args, { cwd: dir });
        expect(await lynxIn(args, { cwd: dir }), args.join(' ')).toEqual(bin);
      }
      // and it can tell them apart: a different argv is a different answer
      expect(await lynxIn(['manifest', 'diff', 'a.json', 'a.json'], { cwd: dir })).not.toEqual(
        lynx(['manifest', 'diff', 'a.json', 'b.json'], { cwd: dir }),
      );
    },
  );

  it(
    'batched runs (tests/helpers/batch.ts) answer as the binary does; a case past its timeout is ' + 'killed',
    async () => {
      const dir = tempDir();
      write(dir, 'a.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.1' } }));
      write(dir, 'b.json', JSON.stringify({ git_sha: 'a', versions: { numpy: '2.0.2' } }));
      const batch = new LynxBatch();
      try {
        const args = ['manifest', 'diff', 'a.json', 'b.json'];
        const bin = lynx(args, { cwd: dir });
        const first = await batch.run(args, dir, 60_000);
        expect(first.code).toBe(1);
        expect(first.out).toContain(bin.stdout.trim());
        // no answer in time: killed, as a hang is
        const hung = await batch.run([HANG], dir, 200);
        expect(hung).toMatchObject({ code: null, out: expect.stringContaining('killed') as unknown });
        // and the next case gets a new process
        expect((await batch.run(['manifest', 'diff', 'a.json', 'a.json'], dir, 60_000)).code).toBe(0);
      } finally {
        await batch.close();
      }
    },
  );
});
