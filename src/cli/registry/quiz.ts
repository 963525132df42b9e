/** Registers the quiz commands (see DESIGN §3): quiz and review. */
import { Option } from 'commander';
import { examples, jsonOption, type Register } from './shared.js';

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export const registerQuiz: Register = (program, act) => {
  program.command('quiz')
    .description('take a phase\'s quiz: interactive in a terminal, or grade an answer file')
    .argument('<NN>', 'the phase')
    .addOption(new Option('--answers <file>', 'grade a JSON or YAML answer map instead (- reads stdin)'))
    .addOption(new Option('--partial', 'grade an answer file that leaves questions out (they count as wrong)'))
    .addOption(new Option('--practice', 'practise a quiz apart from the record: no cooldown, no review cards, any phase'))
    .addOption(jsonOption())
    .addHelpText('after', `
Answer files map question ids to answers: a 0-based choice index, a list of them (multi-select),
text (short, free, code, verb forms) or a number. A free answer the grader cannot confirm can be
judged by you against its model answer: {text: "…", self_assessed: true} (counted, flagged).
Unknown ids, and a file that leaves questions out (without --partial), are refused (exit 2), and
so is a quiz for a phase not open yet (without --practice).
Exit 0 passed · 1 below the threshold (70 %; phase 15: 80 %) · 2 bad input or a retake during the
cooldown after a failed attempt · 130 left the interactive quiz.
${examples(['lynx quiz 00', 'lynx quiz 7 --answers answers.yaml', 'echo \'{q-00-01: 1, q-00-02: [0, 2], q-00-03: "text"}\' | lynx quiz 00 --answers - --json'])}`)
    .action(act<{ answers?: string; partial?: boolean; practice?: boolean }, [string]>(async (ctx, o, nn) => (await import('../actions/quiz.js')).quizCommand(ctx, o, nn)));

  program.command('review')
    .description('today\'s due review cards (wrong quiz answers), scheduled by SM-2')
    .addOption(new Option('--limit <n>', 'at most this many cards today (default: lynx.yaml review.daily_limit, else 30)'))
    .addOption(new Option('--grade <id=grade>', 'grade a due card without the interactive screen: again, hard, good or easy (repeatable)').argParser(collect))
    .addOption(jsonOption())
    .addHelpText('after', `
Grades are SM-2 qualities (the curriculum's portal lab): again 0 · hard 2 · good 4 · easy 5.
Cards are due by UTC date, overdue first; a card missed 8 times is flagged as a leech with the
theory page to revisit.
${examples(['lynx review', 'lynx review --limit 10', 'lynx review --json | jq .cards', 'lynx review --grade q-00-03=good'])}`)
    .action(act<{ limit?: string; grade?: string[] }>(async (ctx, o) => (await import('../actions/review.js')).reviewCommand(ctx, o)));
};
