/**
 * Templates (templates/*.md) are mustache, rendered without HTML escaping: the output is markdown
 * the learner edits, and the curriculum's words (`<some-topic>`, `a < b`) must come through as written.
 */
import Mustache from 'mustache';

export function render(template: string, view: object): string {
  return Mustache.render(template, view, undefined, { escape: (s: string) => s });
}

/** Indent the continuation lines of a multi-line text so it stays inside a markdown list item. */
export function indentLines(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .trim()
    .split('\n')
    .map((l, i) => (i === 0 || l.trim() === '' ? l.trimEnd() : `${pad}${l}`))
    .join('\n');
}
