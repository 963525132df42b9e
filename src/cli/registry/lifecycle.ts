/** Registers the lifecycle commands (see DESIGN §3): phase-start, lab, journal, derive, manifest. */
import { examples, jsonOption, type Register } from './shared.js';

export const registerLifecycle: Register = (program, act) => {
  program
    .command('phase-start')
    .description('open a phase: check prerequisites, write PHASE_NN_PLAN.md, stop for approval')
    .argument('<NN>', 'the phase (7 or 07)')
    .option('--approve', "approve the plan: record approved_at and the plan's sha256; the phase goes in progress")
    .option(
      '--force',
      'open although another phase is open, or rewrite an edited plan (a backup is kept); recorded in the checkpoint',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(['lynx phase-start 00', 'lynx phase-start 00 --approve', 'lynx phase-start 01 --force   # phase 00 still open: recorded'])}
Refuses (exit 1, naming each reason) while a required phase is not closed, the tree has uncommitted
changes, or another phase is open. Re-running is safe: an edited plan is never overwritten.
After approval, every change to the plan needs an entry in its §8 Revisions log.
`,
    )
    .action(
      act<{ approve?: boolean; force?: boolean }, [string]>(async (ctx, o, nn) =>
        (await import('../actions/phase-start.js')).phaseStartCommand(ctx, o, nn),
      ),
    );

  program
    .command('lab')
    .description("list a phase's labs, show one, or run its commands")
    .argument('<NN>', 'the phase')
    .argument(
      '[ID...]',
      'a lab id (00, 01, …): its goal, checklist, deliverables and commands; with --run, words after -- go to ' +
        'the command verbatim',
    )
    .option('--run', "run the lab's commands (live output; full log in .lynx/logs/; recorded in checkpoint.json)")
    .option('--only <steps>', 'with --run: only these commands, by number or recipe (e.g. 1,3 or setup,lint)')
    .option('--timeout <seconds>', 'with --run: per-command timeout (default: lynx.yaml timeouts.lab, else 1800)')
    .option(
      '--peeked',
      "record that you read this lab's solutions before attempting it (dod.lab_attempted_before_solutions: " +
        'false; shown as a warning)',
    )
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(['lynx lab 00', 'lynx lab 00 04', 'lynx lab 00 00 --run --only setup,lint,test', 'lynx lab 09 01 --run -- --tag broken   # extra arguments, passed verbatim'])}
Arguments after -- go to the (single) selected command verbatim. Ctrl-C stops the whole process
tree and records the run as interrupted.
`,
    )
    .action(
      act<{ run?: boolean; only?: string; timeout?: string; peeked?: boolean }, [string, string[]]>(
        async (ctx, o, nn, [id, ...extra]) => (await import('../actions/lab.js')).labCommand(ctx, o, nn, id, extra),
      ),
    );

  program
    .command('journal')
    .description("append a timestamped entry to today's journal (opens $EDITOR without TEXT)")
    .argument('[TEXT...]', 'the entry (quote it, or pass several words)')
    .option('--decision', "mark the entry as a decision (the journal's `decisions:` field)")
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(['lynx journal "just setup failed: uv was 0.3; upgraded to 0.4.18"', 'lynx journal --decision "keep my seed_everything: it also seeds numpy Generator"', "lynx journal          # opens $EDITOR on today's file"])}
Entries go to learners/<name>/journal/YYYY-MM-DD.md as "HH:MM — text" (UTC), append-only.
`,
    )
    .action(
      act<{ decision?: boolean }, [string[]]>(async (ctx, o, words) =>
        (await import('../actions/journal.js')).journalCommand(ctx, o, words),
      ),
    );

  program
    .command('derive')
    .description("scaffold a derivation page in the phase's theory/ folder")
    .argument('<TOPIC...>', 'what is derived (e.g. "softmax gradient")')
    .option('--phase <NN>', 'the phase (default: the one in progress)')
    .addOption(jsonOption())
    .addHelpText('after', examples(['lynx derive "softmax gradient"', 'lynx derive adam bias correction --phase 04']))
    .action(
      act<{ phase?: string }, [string[]]>(async (ctx, o, words) =>
        (await import('../actions/derive.js')).deriveCommand(ctx, o, words),
      ),
    );

  const manifest = program
    .command('manifest')
    .description('experiment manifests: drift diff and provenance check')
    .addHelpText(
      'after',
      examples([
        'lynx manifest diff experiments/diff-demo/monday.json experiments/diff-demo/tuesday.json',
        'lynx manifest check',
      ]),
    );

  manifest
    .command('diff')
    .description('fields that differ between two manifests, by drift category (exit 1 on CODE or VERSIONS drift)')
    .argument('<A>', 'a manifest.json')
    .argument('<B>', 'another manifest.json')
    .option('--quiet', 'leave out the "(no differences in …)" line')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(['lynx manifest diff monday.json tuesday.json', 'lynx manifest diff prev.json next.json --quiet && echo OK || echo DRIFT'])}
Categories, in print order: CODE (git_sha, git_dirty) · VERSIONS · HARDWARE · ENV · TIME · OTHER.
Exit 0: no CODE/VERSIONS drift · 1: CODE or VERSIONS differ · 2: a file is unreadable.
`,
    )
    .action(
      act<{ quiet?: boolean }, [string, string]>(async (ctx, o, a, b) =>
        (await import('../actions/manifest-diff.js')).manifestDiffCommand(ctx, o, a, b),
      ),
    );

  manifest
    .command('check')
    .description('schema and provenance of manifests (default: every one under experiments/)')
    .argument('[PATH...]', 'manifest files')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `${examples(['lynx manifest check', 'lynx manifest check experiments/00-seeding-demo/manifest.json --json'])}
Checks the required fields, git_sha (a commit, an ancestor of HEAD), git_dirty false, timestamps
(ISO-8601 with a zone) and wall_seconds against them. Exit 1 when a manifest has a problem.
`,
    )
    .action(
      act<object, [string[]]>(async (ctx, _o, paths) =>
        (await import('../actions/manifest-check.js')).manifestCheckCommand(ctx, paths),
      ),
    );
};
