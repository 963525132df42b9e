/** Registers the gatekeeper commands: checkpoint, report, gate, attest, waive. */
import { Option } from 'commander';
import { examples, jsonOption, type Register } from './shared.js';

const jobsOption = (): Option => new Option('--jobs <n>', 'how many command checks run at once (default: the cores)');

export const registerGatekeeper: Register = (program, act) => {
  program
    .command('checkpoint')
    .description('mid-phase health check, status only: every DoD item, labs, quiz, break, git')
    .argument('[NN]', 'the phase (default: the one in progress)')
    .option('--run', "also run the command checks (the learner's recipes)")
    .addOption(jobsOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples([
        'lynx checkpoint',
        'lynx checkpoint 07 --run',
        'lynx checkpoint --json | jq \'.checks[] | select(.status != "pass")\'',
      ]),
    )
    .action(
      act<{ run?: boolean; jobs?: string }, [string | undefined]>(async (ctx, o, nn) =>
        (await import('../actions/checkpoint.js')).checkpointCommand(ctx, o, nn),
      ),
    );

  program
    .command('report')
    .description('close a phase: run the full gate; on pass write PHASE_NN_REPORT.md, checkpoint.json, progress.md')
    .argument('<NN>', 'the phase to close')
    .option(
      '--draft',
      'before closing: add to PHASE_NN_REPORT.md the sections its DoD reads, for you to write (never rewrites ' +
        'your text)',
    )
    .addOption(jobsOption())
    .addOption(jsonOption())
    .addHelpText('after', examples(['lynx report 07 --draft', 'lynx report 07', 'lynx report 07 --json']))
    .action(
      act<{ draft?: boolean; jobs?: string }, [string]>(async (ctx, o, nn) =>
        (await import('../actions/report.js')).reportCommand(ctx, o, nn),
      ),
    );

  program
    .command('gate')
    .description('CI: verify closed phases from a clean checkout (writes nothing but --junit)')
    .argument('[NN]', 'the phase to verify')
    .option('--all', 'every closed phase of the learner')
    .option(
      '--all-learners',
      "every learner's closed phases (or only NN, or only those --changed-since touches) in one run: one JUnit " +
        'file, a class table first',
    )
    .option('--changed-since <ref>', "only the closed phases the changes since REF touch (a pull request's base)")
    .addOption(new Option('--junit <file>', 'also write JUnit XML (suite = phase, case = check)'))
    .option(
      '--strict',
      'refuse unsigned teacher-only records, learner grades and any curriculum override that weakens a DoD (cohort CI)',
    )
    .addOption(jobsOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples([
        'lynx gate 07',
        'lynx gate --all --strict',
        'lynx gate --all --junit lynx-gate.xml',
        'lynx gate --changed-since origin/main',
        'lynx gate --all-learners --junit class.xml',
        'LYNX_LEARNER=ana lynx gate --all --json',
      ]),
    )
    .action(
      act<
        {
          all?: boolean;
          allLearners?: boolean;
          junit?: string;
          changedSince?: string;
          jobs?: string;
          strict?: boolean;
        },
        [string | undefined]
      >(async (ctx, o, nn) => (await import('../actions/gate.js')).gateCommand(ctx, o, nn)),
    );

  program
    .command('attest')
    .description('record that a person judged a DoD item met (an "attest" check)')
    .argument('<NN>', 'the phase')
    .argument('<item>', 'the DoD item id (see lynx status NN)')
    .option('--note <text>', 'what was judged, by what evidence')
    .option('--by <name>', 'who attests (default: the learner; with --sign: the signer)')
    .option('--sign', "sign the record with an SSH key listed in the allowed-signers file (a teacher's)")
    .option('--key <file>', 'the signing key (default: git config user.signingkey, then lynx.yaml signing.key)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples([
        'lynx attest 01 explain-bound --note "argued it from the roofline plot"',
        'lynx attest 07 derive-backprop --by teacher-ana',
      ]),
    )
    .action(
      act<{ note?: string; by?: string; sign?: boolean; key?: string }, [string, string]>(async (ctx, o, nn, item) =>
        (await import('../actions/attest.js')).attestCommand(ctx, o, nn, item),
      ),
    );

  program
    .command('waive')
    .description('explicitly waive a DoD item, with a reason the report will show')
    .argument('<NN>', 'the phase')
    .argument('<item>', 'the DoD item id')
    .requiredOption('--reason <text>', 'why the item is waived')
    .option('--by <name>', 'who waives (default: the learner; with --sign: the signer)')
    .option('--sign', "sign the record with an SSH key listed in the allowed-signers file (a teacher's)")
    .option('--key <file>', 'the signing key (default: git config user.signingkey, then lynx.yaml signing.key)')
    .addOption(jsonOption())
    .addHelpText('after', examples(['lynx waive 00 bandit-clean --reason "no PyPI access on this machine"']))
    .action(
      act<{ reason: string; by?: string; sign?: boolean; key?: string }, [string, string]>(async (ctx, o, nn, item) =>
        (await import('../actions/attest.js')).waiveCommand(ctx, o, nn, item),
      ),
    );

  program
    .command('grade')
    .description("teacher: list a learner's self-assessed quiz answers, or record a signed verdict on one")
    .argument('<NN>', 'the phase')
    .option('--item <id>', 'the self-assessed answer to grade (e.g. q-05-01)')
    .option('--verdict <v>', 'correct or wrong')
    .option('--note <text>', 'why')
    .option('--key <file>', 'the signing key (default: git config user.signingkey, then lynx.yaml signing.key)')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples([
        'lynx grade 05 --learner ana',
        'lynx grade 05 --learner ana --item q-05-03 --verdict wrong --note "confuses bias and variance"',
      ]),
    )
    .action(
      act<{ item?: string; verdict?: string; note?: string; key?: string }, [string]>(async (ctx, o, nn) =>
        (await import('../actions/attest.js')).gradeCommand(ctx, o, nn),
      ),
    );

  program
    .command('signoff')
    .description("teacher: sign a closed phase's closure (needed by the gate under policy.closure: teacher)")
    .argument('<NN>', 'the phase')
    .option('--note <text>', 'what the teacher reviewed')
    .option('--key <file>', 'the signing key (default: git config user.signingkey, then lynx.yaml signing.key)')
    .addOption(jsonOption())
    .addHelpText('after', examples(['lynx signoff 05 --learner ana --note "walked through the report with me"']))
    .action(
      act<{ note?: string; key?: string }, [string]>(async (ctx, o, nn) =>
        (await import('../actions/attest.js')).signoffCommand(ctx, o, nn),
      ),
    );
};
