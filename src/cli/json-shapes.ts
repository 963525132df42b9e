/**
 * The --json outputs that do not pass through present() yet (break, quiz, review, claude print
 * their own): each result type is checked here, at compile time, against the type generated from
 * its published schema, as src/ui/reporters/json.ts does for the result kinds. Type-only: nothing
 * here runs. When one of these commands moves onto a result kind, its line moves to JsonOf.
 */
import type * as J from '../schemas/generated/output-types.js';
import type { AsJson } from '../ui/reporters/json.js';
import type { BreakResult } from '../core/break/results.js';
import type { QuizResult } from '../core/quiz/result.js';
import type { ReviewReport, gradeCard } from './commands/review.js';
import type { ClaudeInstallResult } from '../app/claude-install.js';
import type { StopHookResult } from '../app/claude-stop-hook.js';

/** Compiles only when T, as JSON, is a value of the schema's type S. */
type Conforms<T, S> = AsJson<T> extends S ? true : never;

export type JsonShapesConform = [
  Conforms<BreakResult & { schema_version: 1 }, J.Break.BreakJson>,
  Conforms<QuizResult, J.QuizResult.QuizResultJson>,
  Conforms<ReviewReport, J.Review.ReviewJson>,
  Conforms<{ schema_version: 1; graded: Awaited<ReturnType<typeof gradeCard>>[] }, J.Review.ReviewJson>,
  Conforms<ClaudeInstallResult, J.ClaudeInstall.ClaudeInstallJson>,
  Conforms<StopHookResult, J.ClaudeStopHook.ClaudeStopHookJson>,
];
// the tuple must be all `true`: a `never` member (a drifted shape) makes this assignment fail
const _conform: JsonShapesConform = [true, true, true, true, true, true];
void _conform;
