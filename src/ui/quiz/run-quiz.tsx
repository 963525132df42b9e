/**
 * The quiz's ink entry: a thin adapter that renders QuizApp for a session the quiz use case opened
 * (src/app/quiz.ts) and resolves with how the learner ended it. Ink and React load only with it.
 */
import { render } from 'ink';
import chalk from 'chalk';
import type { Given, Graded, QuizItem } from '../../core/quiz/grade.js';
import type { FinishInfo, QuizExit, Restored, Snapshot } from '../../core/quiz/session-results.js';
import { theme } from '../theme.js';
import { ColorsContext, semanticColors } from '../semantic-colors.js';
import { QuizApp } from './QuizApp.js';

/** What the screens need from the use case's session (structurally, src/app/quiz.ts QuizSession). */
export interface QuizRun {
  phase: number;
  items: QuizItem[];
  feedback: 'each' | 'end';
  restored: Restored | undefined;
  grade: (item: QuizItem, given: Given) => Promise<Graded>;
  save: (s: Snapshot) => void;
  restart: () => void;
  finish: (graded: Graded[], elapsedMs: number) => Promise<FinishInfo>;
  settled: () => Promise<void>;
}

const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

export async function runQuizInk(q: QuizRun): Promise<QuizExit> {
  // ink styles through chalk's shared instance; lynx decides the level (NO_COLOR, FORCE_COLOR, TTY)
  const level = theme().c.level;
  chalk.level = level;
  let exitWith: QuizExit = { kind: 'left', answered: 0, drafts: 0 };
  // pastes arrive marked, so a pasted newline is text, not Enter (see use-text-input.ts)
  process.stdout.write(BRACKETED_PASTE_ON);
  const off = (): void => { process.stdout.write(BRACKETED_PASTE_OFF); };
  process.once('exit', off);
  const app = render(
    <ColorsContext.Provider value={semanticColors(level > 0)}>
      <QuizApp
        phase={q.phase} items={q.items} feedback={q.feedback} restored={q.restored}
        rawCursor now={() => Date.now()} grade={q.grade}
        onProgress={q.save} onRestart={q.restart} onFinish={q.finish} onExit={(e) => { exitWith = e; }}
      />
    </ColorsContext.Provider>,
    { exitOnCtrlC: false, patchConsole: false },
  );
  try {
    await app.waitUntilExit();
    await q.settled();
  } finally {
    off();
    process.off('exit', off);
  }
  return exitWith;
}
