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

/** The learner's part of a report: everything outside lynx's block. */
export function learnerPart(text: string): string {
  const s = span(text);
  return s ? text.slice(0, s.start) + text.slice(s.end) : text;
}

/** The existing report with lynx's block replaced (or appended): the learner's text byte-identical. */
export function mergeBlock(existing: string | undefined, block: string): string {
  const wrapped = `${BEGIN}\n${block.trim()}\n${END}\n`;
  if (existing === undefined || existing.trim() === '') return wrapped;
  const s = span(existing);
  if (!s) return `${existing.replace(/\n*$/, '\n\n')}${wrapped}`;
  const tail = existing.slice(s.end).replace(/^\n/, '');
  return existing.slice(0, s.start) + wrapped + tail;
}
