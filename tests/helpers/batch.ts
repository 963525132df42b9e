/**
 * Many `lynx ARGS` runs in one node process instead of one process each, for the fuzz corpora (a
 * process start-up and a bundle load per case was most of their cost). The child
 * (./batch-child.ts) runs each case in process through the real command registry (lynxIn); every
 * case still has its own workspace copy. A case that does not answer within its timeout is a hang:
 * the child is killed (code null, as a spawned lynx killed by its timeout) and the next case gets a
 * new child. What a command writes to the child's own stdout or stderr is part of the case's output.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { baseEnv, repoRoot } from './cli.js';

/** A case the child never answers (./batch-child.ts): how the batch's own test makes a hang. */
export const HANG = '--batch-test-hang';

export interface Batched {
  code: number | null;
  out: string;
  ms: number;
}

export class LynxBatch {
  private child: ChildProcessWithoutNullStreams | undefined;
  private leaked = '';
  private waiting: ((r: { code: number | null; out: string }) => void) | undefined;

  constructor(private readonly env: Record<string, string | undefined> = {}) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/helpers/batch-child.ts')], {
      cwd: repoRoot,
      env: baseEnv(this.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    createInterface({ input: child.stdout }).on('line', (l) => {
      if (this.child !== child) return; // a child killed for a hang says nothing more
      if (!l.startsWith('\u0001')) {
        this.leaked += `${l}\n`;
        return;
      }
      const r = JSON.parse(l.slice(1)) as { code: number | null; out: string };
      this.waiting?.({ code: r.code, out: `${r.out}\n${this.leaked}` });
    });
    child.stderr.on('data', (d: Buffer) => {
      if (this.child === child) this.leaked += d.toString();
    });
    // a child that dies mid-case (a crash of lynx in process) answers that case with its exit status
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.waiting?.({ code: code ?? (signal === null ? null : 128), out: `child exited: ${this.leaked}` });
    });
    this.child = child;
    return child;
  }

  /** `lynx ARGV` in `cwd`, killed after `timeoutMs`. */
  async run(argv: string[], cwd: string, timeoutMs: number): Promise<Batched> {
    const child = this.child ?? this.start();
    const t0 = Date.now();
    this.leaked = '';
    const answer = new Promise<{ code: number | null; out: string }>((res) => {
      this.waiting = res;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<{ code: null; out: string }>((res) => {
      timer = setTimeout(() => {
        this.child = undefined;
        child.kill('SIGKILL');
        res({ code: null, out: `no answer in ${timeoutMs} ms (killed): ${this.leaked}` });
      }, timeoutMs);
    });
    child.stdin.write(`${JSON.stringify({ argv, cwd })}\n`);
    const r = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    this.waiting = undefined;
    return { ...r, ms: Date.now() - t0 };
  }

  /** End the child (its stdin closes, it exits). */
  async close(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    await new Promise<void>((res) => {
      child.once('exit', () => res());
      child.stdin.end();
    });
  }
}
