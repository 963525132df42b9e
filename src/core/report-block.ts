/**
 * PHASE_NN_REPORT.md belongs to the learner; lynx owns only the block between two markers
 * (DESIGN §5). Merging refreshes that block and never touches the learner's words; checks that
 * read the report read the learner's part only (lynx's block quotes the DoD text, so grepping it
 * would let an item pass by itself).
 */
export const BEGIN = '<!-- lynx:report:begin -->';
export const END = '<!-- lynx:report:end -->';

export const isReportPath = (path: string): boolean => /(^|\/)PHASE_\d{2}_REPORT\.md$/.test(path);

function span(text: string): { start: number; end: number } | undefined {
  const start = text.indexOf(BEGIN);
  if (start < 0) return undefined;
  const e = text.indexOf(END, start);
  return { start, end: e < 0 ? text.length : e + END.length };
}

/**
 * The learner's part of a report: everything outside lynx's block, without HTML comments (the
 * draft's hints quote the DoD; a check must not pass on lynx's own words).
 */
export function learnerPart(text: string): string {
  const s = span(text);
  return (s ? text.slice(0, s.start) + text.slice(s.end) : text).replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * The existing report with lynx's block replaced (or appended): the learner's text byte-identical.
 * With no report yet, `heading` starts one.
 */
export function mergeBlock(existing: string | undefined, block: string, heading = ''): string {
  const wrapped = `${BEGIN}\n${block.trim()}\n${END}\n`;
  if (existing === undefined || existing.trim() === '') return heading ? `${heading}\n\n${wrapped}` : wrapped;
  const s = span(existing);
  if (!s) return `${existing.replace(/\n*$/, '\n\n')}${wrapped}`;
  const tail = existing.slice(s.end).replace(/^\n/, '');
  return existing.slice(0, s.start) + wrapped + tail;
}

export interface DraftItem {
  id: string;
  text: string;
  how: string;
}

/**
 * `lynx report NN --draft`: the sections the phase's DoD reads from the report, for the learner to
 * write before closing. Headings are neutral and the DoD wording sits in comments, which checks do not
 * read: the scaffold alone satisfies nothing. An existing report keeps every byte; only missing
 * sections are appended.
 */
export function draftReport(
  heading: string,
  items: readonly DraftItem[],
  existing: string | undefined,
): { text: string; added: string[] } {
  const base = existing === undefined || existing.trim() === '' ? `${heading}\n` : existing;
  const added: string[] = [];
  let text = base;
  items.forEach((it, n) => {
    const marker = `<!-- lynx:dod ${it.id} -->`;
    if (text.includes(marker)) return;
    added.push(it.id);
    text =
      `${text.replace(/\n*$/, '\n')}\n## For DoD item ${n + 1}\n\n${marker}\n<!-- ${it.text.replace(/--/g, '—')} ` +
      `— checked: ${it.how.replace(/--/g, '—')} -->\n\n`;
  });
  return { text, added };
}
