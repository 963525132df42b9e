/** What every area registry needs: the action wrapper (lazy import, exit code) and common options. */
import { Option, type Command } from 'commander';
import { ctxFrom, type Ctx } from '../context.js';
import type { Outcome } from '../../core/exit-codes.js';

/** Hands a command's outcome to the entry point, which alone turns it into the exit code. */
export type SetCode = (outcome: Outcome | number) => void;

/** commander calls action(...positional, options, command); `load` gets (ctx, options, ...positional). */
export type Act = <O, A extends unknown[] = []>(
  load: (ctx: Ctx, opts: O, ...args: A) => Promise<Outcome | number>,
) => (...args: unknown[]) => Promise<void>;

/** How an action's context is made from the parsed command: ctxFrom, or the in-process test tier's own. */
export type CtxOf = (cmd: Command) => Ctx;

export function makeAct(setCode: SetCode, ctxOf: CtxOf = ctxFrom): Act {
  return <O, A extends unknown[] = []>(load: (ctx: Ctx, opts: O, ...args: A) => Promise<Outcome | number>) =>
    async (...args: unknown[]): Promise<void> => {
      const cmd = args[args.length - 1] as Command;
      const opts = args[args.length - 2] as O;
      setCode(await load(ctxOf(cmd), opts, ...(args.slice(0, -2) as A)));
    };
}

export const jsonOption = (): Option => new Option('--json', 'print the result as JSON');

export function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

export type Register = (program: Command, act: Act) => void;
