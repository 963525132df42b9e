/**
 * The command registry: every command is declared here, each action lazy-imports its module and
 * calls one function. Heavy modules load only inside the command that needs them.
 */
import { Command } from 'commander';
import { lynxVersion } from '../io/pkg.js';
import { writeStdout } from '../io/stdout.js';
import { examples, jsonOption, makeAct, type CtxOf, type SetCode } from './registry/shared.js';
import { registerLifecycle } from './registry/lifecycle.js';
import { registerGatekeeper } from './registry/gatekeeper.js';
import { registerQuiz } from './registry/quiz.js';
import { registerBreak } from './registry/break.js';
import { registerClaude } from './registry/claude.js';

/** `ctxOf`: a seam for the in-process test tier (tests/helpers/app.ts `lynxIn`), which prints into buffers. */
export function buildProgram(setCode: SetCode, ctxOf?: CtxOf): Command {
  const program = new Command('lynx')
    .description(
      'The curriculum runner and phase gatekeeper of Lynx Cortex.\nplan → approve → build → teach → run → ' +
        'report → reflect',
    )
    .version(lynxVersion(), '-V, --version', 'print the lynx version')
    .helpOption('-h, --help', 'show help')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--learner <name>', 'the learner (default: LYNX_LEARNER, then lynx.yaml)')
    // parse errors are printed by the entry point in lynx's own form (cli/usage-error.ts), not by commander
    // help and version by lynx's writer (io/stdout.ts: no process.stdout to create for them)
    .configureOutput({ outputError: () => undefined, writeOut: writeStdout })
    .exitOverride()
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `
Exit codes: 0 done · 1 a gate failed · 2 bad usage or input · 3 internal or environment failure.
Environment: LYNX_LEARNER, NO_COLOR / FORCE_COLOR, LYNX_DEBUG=1 (stack traces).`,
    );

  const act = makeAct(setCode, ctxOf);
  const json = jsonOption;

  program
    .command('init')
    .description('make the current git repository a lynx workspace')
    .option('--ci', 'also write the CI workflow .github/workflows/lynx-gate.yml (kept if you edited it)')
    .option('--claude', 'also write the Claude Code files (as `lynx claude install`)')
    .option('--mcp', 'with --claude: also register `lynx mcp` in .mcp.json')
    .addOption(json())
    .addHelpText(
      'after',
      examples([
        'git init && lynx init --learner borja',
        'lynx init --learner borja --claude',
        'lynx init   # again: checks, repairs, never overwrites your edits',
        'lynx init --ci   # add the GitHub Actions gate',
      ]),
    )
    .action(
      act<{ ci?: boolean; claude?: boolean; mcp?: boolean }>(async (ctx, o) =>
        (await import('./actions/init.js')).initCommand(ctx, o),
      ),
    );

  program
    .command('status')
    .description('every phase: status, quiz score, dates, and a progress strip')
    .argument('[NN]', 'one phase in detail: requires, DoD items, labs, breaks, quiz')
    .option('--all', 'every learner in the workspace (with NN: one row per learner for that phase)')
    .addOption(json())
    .addHelpText(
      'after',
      examples([
        'lynx status',
        'lynx status 07',
        'lynx status --all',
        'lynx status 07 --all',
        'lynx status --json | jq .learners[0].counts',
      ]),
    )
    .action(
      act<{ all?: boolean }, [string | undefined]>(async (ctx, o, nn) =>
        (await import('./actions/status.js')).statusCommand(ctx, o.all === true, nn),
      ),
    );

  program
    .command('class')
    .description(
      'one row per learner: current phase, phases closed, last quiz, reviews due, waivers, attestations, last ' +
        'activity, a progress strip',
    )
    .option('--sort <by>', 'learner (default), progress or activity')
    .option('--filter <text>', 'learners whose name contains TEXT, or whose current phase is NN')
    .option(
      '--csv',
      'a grade export: one CSV row per learner (schema: src/schemas/output/class.schema.json for --json)',
    )
    .option(
      '--html <file>',
      'also write one self-contained page (no scripts, no network): the table, progress strips, timelines',
    )
    .addOption(json())
    .addHelpText(
      'after',
      examples([
        'lynx class',
        'lynx class --sort progress',
        'lynx class --csv > grades.csv',
        'lynx class --html class.html',
      ]),
    )
    .action(
      act<{ sort?: string; filter?: string; csv?: boolean; html?: string }>(async (ctx, o) =>
        (await import('./actions/class.js')).classCommand(ctx, o),
      ),
    );

  program
    .command('migrate')
    .description('move a single-learner workspace into the cohort layout (git mv; staged, never committed)')
    .option(
      '--cohort',
      'plans, reports, experiments and lab checklists under learners/<name>/; lynx.yaml layout: cohort',
    )
    .option('--dry-run', 'list the moves and change nothing')
    .addOption(json())
    .addHelpText(
      'after',
      examples(['lynx migrate --cohort --dry-run', 'lynx migrate --cohort && git commit -m "cohort layout"']),
    )
    .action(
      act<{ cohort?: boolean; dryRun?: boolean }>(async (ctx, o) =>
        (await import('./actions/migrate.js')).migrateCommand(ctx, o),
      ),
    );

  program
    .command('next')
    .description('the one next action for the learner, with the command to run, and the few after it')
    .addOption(json())
    .addHelpText('after', examples(['lynx next', 'lynx next --json | jq -r .actions[0].command']))
    .action(act<object>(async (ctx) => (await import('./actions/next.js')).nextCommand(ctx)));

  program
    .command('validate')
    .description('validate curriculum and quiz files (schema + cross-references)')
    .argument(
      '[dir]',
      "a directory holding curriculum/ and quizzes/ (default: the workspace's own copies, else the bundled data)",
    )
    .option(
      '--breaks [workspace]',
      "instead: alone, self-test every exact-edit break (start → observe → restore on the labs' files in a " +
        'temporary workspace); with <workspace>, apply each break whose target exists there (in a temporary copy) ' +
        'and check it is detectable',
    )
    .option('--checks', 'also prove every DoD check can pass and can fail (a generated workspace for each)')
    .addOption(json())
    .addHelpText(
      'after',
      examples([
        'lynx validate',
        'lynx validate ./my-curriculum-fork',
        'lynx validate --checks',
        'lynx validate --breaks',
        'lynx validate --breaks .',
      ]),
    )
    .action(
      act<{ breaks?: string | true; checks?: boolean }, [string | undefined]>(async (ctx, o, dir) =>
        (await import('./actions/validate.js')).validateCommand(ctx, dir, o.breaks, o.checks === true),
      ),
    );

  program
    .command('doctor')
    .argument(
      '[NN]',
      "phase number: also every tool that phase's labs and DoD run, and what is impossible without each",
    )
    .description('check tools (git, just, python3, uv) and workspace health')
    .addOption(json())
    .addHelpText('after', examples(['lynx doctor', 'lynx doctor 00', 'lynx doctor --json']))
    .action(
      act<object, [string | undefined]>(async (ctx, _o, nn) =>
        (await import('./actions/doctor.js')).doctorCommand(ctx, nn),
      ),
    );

  program
    .command('demo')
    .description('make a demo workspace and walk phase 00 in it')
    .option('--dir <dir>', 'create the demo here (default: a new temporary directory)')
    .addOption(json())
    .addHelpText('after', examples(['lynx demo', 'lynx demo --dir /tmp/lynx-demo']))
    .action(act<{ dir?: string }>(async (ctx, o) => (await import('./actions/demo.js')).demoCommand(ctx, o.dir)));

  // The phase commands, one area each (src/cli/registry/*.ts), in the order of the ritual.
  registerLifecycle(program, act);
  registerQuiz(program, act);
  registerBreak(program, act);
  registerGatekeeper(program, act);
  registerClaude(program, act);

  return program;
}
