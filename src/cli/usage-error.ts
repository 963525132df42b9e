/**
 * commander's parse errors (unknown command or option, missing argument) in lynx's own error form:
 * `lynx: error: …` with a hint that names the command's own help, and a suggestion for a near miss —
 * the ritual's words (`approve` is `phase-start NN --approve`) first, then commander's edit-distance guess.
 */
import type { Command, CommanderError } from 'commander';
import { UsageError } from '../core/errors.js';

/** Words a learner reaches for that lynx spells differently. */
const MEANT: Record<string, string> = {
  approve: 'phase-start NN --approve',
  start: 'phase-start NN',
  plan: 'phase-start NN',
  open: 'phase-start NN',
  close: 'report NN',
  finish: 'report NN',
  verify: 'gate NN',
  ci: 'gate NN',
  check: 'checkpoint --run',
  test: 'checkpoint --run',
  note: 'journal "…"',
  log: 'journal "…"',
  reviews: 'review',
  quizz: 'quiz NN',
};

/** The deepest command the argv names (`lynx break start --x` → break start), for its help hint. */
export function commandOf(program: Command, argv: readonly string[]): Command {
  let cmd = program;
  for (const a of argv) {
    if (a.startsWith('-')) continue;
    const sub = cmd.commands.find((c) => c.name() === a || c.aliases().includes(a));
    if (!sub) break;
    cmd = sub;
  }
  return cmd;
}

const path = (c: Command): string => {
  const names: string[] = [];
  for (let x: Command | null = c; x; x = x.parent) names.unshift(x.name());
  return names.join(' ');
};

export function fromCommander(err: CommanderError, program: Command, argv: readonly string[]): UsageError {
  const cmd = commandOf(program, argv);
  // commander writes "error: unknown command 'x'\n(Did you mean y?)"
  const [first = err.message, ...rest] = err.message.replace(/^error:\s*/, '').split('\n');
  const didYouMean = /\(Did you mean (.+)\?\)/.exec(rest.join(' '))?.[1];
  const unknown = /^unknown command '([^']+)'/.exec(first)?.[1];
  const meant = unknown !== undefined ? MEANT[unknown.toLowerCase()] : undefined;
  // an unknown command is suggested as a whole command line, an unknown option as the option
  const suggestion = meant
    ? `lynx ${meant}`
    : didYouMean === undefined
      ? undefined
      : unknown !== undefined
        ? `${path(cmd)} ${didYouMean}`
        : didYouMean;
  const help = `\`${path(cmd)} --help\``;
  return new UsageError(first.trim(), {
    hint: suggestion ? `Did you mean \`${suggestion}\`? See ${help}.` : `See ${help} for its usage.`,
  });
}
