/** What every command action receives: where to run, who the learner is, how to print. */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { writeStdout } from '../io/stdout.js';

export interface Ctx {
  cwd: string;
  learner: string | undefined;
  json: boolean;
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

interface GlobalOpts {
  cwd?: string;
  learner?: string;
  json?: boolean;
}

export function ctxFrom(cmd: Command): Ctx {
  const o = cmd.optsWithGlobals<GlobalOpts>();
  // `-C /nonexistent` is a wrong directory, not "not a git repository"
  if (o.cwd !== undefined && statSync(o.cwd, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new UsageError(
      `-C ${o.cwd}: ${statSync(o.cwd, { throwIfNoEntry: false }) ? 'not a directory' : 'no such directory'}`,
      { hint: "Give the workspace's directory: lynx -C path/to/workspace status" },
    );
  }
  return {
    cwd: o.cwd ?? process.cwd(),
    learner: o.learner,
    json: o.json === true,
    out: (s) => {
      writeStdout(s.endsWith('\n') ? s : `${s}\n`);
    },
    err: (s) => {
      process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
    },
    // asked only by the commands that can be interactive: making both streams costs the others ~2 ms
    get isTTY() {
      return process.stdout.isTTY === true && process.stdin.isTTY === true;
    },
  };
}
