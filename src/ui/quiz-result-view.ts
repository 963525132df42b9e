/** Plain-text result of `lynx quiz NN --answers FILE`: one line per item, the score, the deck, the cooldown. */
import { nn as twoDigit } from '../core/ids.js';
import type { QuizResult } from '../core/quiz/result.js';
import type { Theme } from './theme.js';
import { cleanTitle, dayWord, pct, plain, selfAssessedLine } from './quiz/format.js';

const SYM: Record<string, string> = { correct: '✓', wrong: '✗', partial: '~', 'self-assessed': '?', skipped: '·' };

export function renderQuizResult(r: QuizResult, t: Theme): string {
  const lines: string[] = [];
  const nn = twoDigit(r.phase);
  for (const w of r.warnings) lines.push(t.warn(`! ${w}`));
  lines.push(t.bold(`Phase ${nn} quiz · ${r.learner} · answer file${r.practice ? ' · practice' : ''}`));
  for (const i of r.items) {
    const sym = SYM[i.verdict] ?? '?';
    const colour =
      i.points === 1
        ? t.ok
        : i.verdict === 'skipped' || i.verdict === 'partial' || i.verdict === 'self-assessed'
          ? t.warn
          : t.bad;
    const why =
      i.points === 1 && i.verdict !== 'self-assessed' ? '' : ` — ${i.verdict}${i.feedback ? `: ${i.feedback}` : ''}`;
    lines.push(`${colour(sym)} ${i.id} ${cleanTitle(i.title)}${t.dim(why)}`);
    // the attempt has ended: the model answer may be shown, and an answer that says the same can be claimed
    if (i.claimable)
      lines.push(
        t.dim(
          `    model answer: ${plain(i.expected)}\n    if yours says the same, claim it with {text: "…", ` +
            `self_assessed: true}`,
        ),
      );
  }
  for (const id of r.ignored)
    lines.push(t.dim(`· ${id} is not askable (excluded from the score); its answer was ignored`));
  lines.push('');
  if (r.self_assessed.length > 0) lines.push(t.warn(selfAssessedLine(r.self_assessed)));
  lines.push(
    `Score ${pct(r.score)} (${r.points} of ${r.total}) · pass ≥ ${pct(r.threshold)} · ` +
      `${r.passed ? t.ok('PASSED') : t.bad('NOT PASSED')}`,
  );
  const missed = r.items.filter((i) => i.points === 0).length;
  if (missed > 0) {
    const today = new Date().toISOString().slice(0, 10);
    const n = r.review.added.length;
    lines.push(
      `${n} question${n === 1 ? '' : 's'} added to your review deck` +
        `${r.review.already.length ? `, ${r.review.already.length} already in it` : ''}` +
        `${r.review.next_review ? `; next review: ${dayWord(r.review.next_review, today)}` : ''}.`,
    );
  }
  if (!r.passed && r.cooldown_until)
    lines.push(t.warn(`Retake after ${r.cooldown_until.slice(11, 16)} UTC. Revisit meanwhile:`));
  if (!r.passed) for (const v of r.revisit) lines.push(`  ${v.id}: ${v.concepts.join(', ')} → ${v.page}`);
  lines.push(
    t.dim(
      r.practice
        ? `practice, recorded apart in ${r.attempt.file}`
        : `recorded as attempt ${r.attempt.number} in ${r.attempt.file}`,
    ),
  );
  return lines.join('\n');
}
