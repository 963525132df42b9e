/** Small pure formatters shared by the quiz and review screens. */
export { cleanTitle, plain } from '../../core/quiz/plain.js';

/** 252000 → "04:12"; an hour or more → "1:04:12". */
export function elapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function progressBar(done: number, total: number, width = 24): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}


export const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** "tomorrow", "today" or the date, for a UTC day relative to today. */
export function dayWord(day: string, today: string): string {
  if (day === today) return 'today';
  const t = new Date(`${today}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10) === day ? `tomorrow (${day})` : day;
}


/** The self-assessed items of a finished attempt, as the summary and the answer-file result name them. */
export function selfAssessedLine(ids: readonly string[]): string {
  return `? ${ids.length} answer${ids.length === 1 ? '' : 's'} self-assessed against the model answer (${ids.join(', ')}): counted, and flagged in the attempt for a teacher's review.`;
}
