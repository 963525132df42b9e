/**
 * The daily journal (DIGEST §2.5): learners/<name>/journal/YYYY-MM-DD.md, one file a day (UTC),
 * append-only, entries "HH:MM — text"; a decision reads "HH:MM — Decision: text" (the format's decisions field).
 */
import { UsageError } from './errors.js';

export const journalDay = (now: Date): string => now.toISOString().slice(0, 10);
export const journalTime = (now: Date): string => now.toISOString().slice(11, 16);
export const journalPath = (learner: string, day: string): string => `learners/${learner}/journal/${day}.md`;

/** The text of one entry: trimmed, never empty, line endings normalised. */
export function entryText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '')
    throw new UsageError('the journal entry is empty', {
      hint: 'Pass the text: lynx journal "what failed on first try and how I fixed it"',
    });
  return text;
}

const STAMP = /^\d{2}:\d{2} — /;

/**
 * Text added in $EDITOR, as an entry: a blank line before it and "HH:MM — " on its first line unless
 * the learner stamped it already. Undefined when it needs no change (already stamped, or only blank).
 */
export function stampAdded(added: string, time: string): string | undefined {
  const body = added.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '');
  if (body === '' || STAMP.test(body)) return undefined;
  return `\n${time} — ${body}\n`;
}
