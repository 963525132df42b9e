/** Registers the break commands (see DESIGN §3, §6) and the notice every command prints about an active break. */
import { Option, type Command } from 'commander';
import { examples, jsonOption, type Register } from './shared.js';

/**
 * "Any lynx command that finds an open journal says so at the top": one cheap directory listing
 * before every action, on stderr so --json stays clean. status, doctor and checkpoint report journals
 * themselves; `lynx break NN …` reports its own phase's journal in its result.
 */
function activeBreakNotice(program: Command): void {
  program.hook('preAction', async (_root, action) => {
    const name = action.name();
    if (name === 'status' || name === 'doctor' || name === 'demo' || name === 'checkpoint') return;
    const first = String(action.args[0] ?? '');
    if (name === 'break' && first === 'status') return;
    const { activeBreakNotices } = await import('../../io/break-notice.js');
    const cwd = action.optsWithGlobals<{ cwd?: string }>().cwd ?? process.cwd();
    const skip = name === 'break' && /^\d{1,2}$/.test(first) ? Number(first) : undefined;
    for (const line of activeBreakNotices(cwd, skip)) process.stderr.write(`${line}\n`);
  });
}

export const registerBreak: Register = (program, act) => {
  activeBreakNotice(program);
  program.command('break')
    .description('the break exercise: predict, start, observe, hint, diagnose, restore')
    .argument('<NN>', 'the phase')
    .argument('[step...]', '[ID] start · confirm · observe · hint · diagnose TEXT · reveal · restore · status (none = show the break; ID only when a phase has several breaks)')
    .option('--force', 'restore: overwrite a target you changed (its current bytes are saved beside the journal first)')
    .option('--manual', 'start: journal the target and let me make the edit by hand')
    .option('--yes', 'start: apply an edit lynx found elsewhere or matched tolerantly without asking')
    .addOption(new Option('--file <path>', 'start/confirm: break this file instead of the curriculum\'s target (repeatable)').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]))
    .addOption(jsonOption())
    .addHelpText('after', `
Steps:
  (none)     the break: concept, hypothesis, the edit, what to predict, where predictions go, its state
  start      refuses until predictions are committed; finds your file (the target, its alternatives, or
             the anchor anywhere in your tracked files — asks before applying anything but an exact
             match at the target), journals it, applies the edit, observes. Nothing found: guided mode
  confirm    guided mode: after you made the edit yourself, journals it and confirms the symptom
  observe    runs the observe commands again (a manual edit is recorded as the mutant first)
  hint       the next hint of the cascade (counted)
  diagnose   up to three tries; a miss offers the next hint; naming the cause or the third try reveals it
  reveal     shows the hidden cause and the fix on request
  restore    puts the original bytes back (only over the recorded mutant) and runs the tests
  status     every active break in the workspace; finishes an interrupted start or restore
${examples(['lynx break 00', 'git add learners && git commit -m "phase-00: break predictions"', 'lynx break 00 start', 'lynx break 00 hint', 'lynx break 00 diagnose "PYTHONHASHSEED set inside the process is too late: hash randomization is initialised at startup"', 'lynx break 00 restore', 'lynx break status', 'lynx break 02 start --file src/mylib/softmax.py --manual'])}`)
    .action(act<{ force?: boolean; manual?: boolean; file?: string[]; yes?: boolean }, [string, string[]]>(async (ctx, o, nn, rest) => (await import('../actions/break.js')).breakCommand(ctx, o, [nn, ...rest])));
};
