/**
 * Predictions: where they go, the template `lynx break NN` writes when the file is missing, and
 * whether the learner actually wrote something (a file equal to the untouched template, or one
 * that only adds a couple of words, does not count). Phases 33–39 record the break as a YAML
 * entry (bug-id, concept, symptom, hidden_cause, hint_1..3, fix_diff) inside breaks.md.
 */
import type { Phase } from '../../schemas/generated/types.js';
import { nn } from '../ids.js';

export type Break = Phase['breaks'][number];

export const MIN_PREDICTION_WORDS = 5;
export const YAML_ENTRY_FIELDS = [
  'bug-id',
  'concept',
  'symptom',
  'hidden_cause',
  'hint_1',
  'hint_2',
  'hint_3',
  'fix_diff',
] as const;

export const predictionsRel = (phase: number, b: Break): string =>
  b.predictions ?? `learners/{learner}/phase-${nn(phase)}/notes/breaks.md`;
export const isYamlEntry = (b: Break): boolean => b.predictions_format === 'yaml-entry';

const firstLine = (s: string): string =>
  (s.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? s).trim();

export function predictionsTemplate(phase: number, b: Break): string {
  const n = nn(phase);
  const edit = b.targets.map((t) => `\`${t.path}\`${t.description ? `: ${firstLine(t.description)}` : ''}`);
  // each observe command whole, in a fence: its first line alone was `uv run python -c "` (issue 21)
  const observe = b.observe.flatMap((o) => [
    '  ```sh',
    ...o.text
      .trim()
      .split('\n')
      .map((l) => `  ${l}`.trimEnd()),
    '  ```',
  ]);
  const head = [
    `# Break predictions — phase ${n}`,
    '',
    `<!-- lynx: write your predictions below, then commit this file before \`lynx break ${n} start\`.`,
    '     Lines left as they are in this template do not count as a prediction. -->',
    '',
    `## ${b.title} (${b.id})`,
    '',
    `- Concept: ${b.concept}`,
    ...(edit.length > 0 ? [`- The break: ${edit.join('; ')}`] : []),
    ...(observe.length > 0
      ? [`- Observe${b.observe.length > 1 ? ` (${b.observe.length} commands)` : ''}:`, ...observe]
      : []),
    '',
  ];
  if (isYamlEntry(b)) {
    return [
      ...head,
      "<!-- The page's Step 3: record the break as a YAML entry. `symptom` is your prediction of what the",
      '     failing test and the load test will show; fill it before starting. -->',
      '',
      '```yaml',
      `- bug-id: "${b.bug_id ?? `${n}-01`}"`,
      `  concept: ${JSON.stringify(b.concept)}`,
      '  symptom: ""',
      '  hidden_cause: ""',
      '  hint_1: ""',
      '  hint_2: ""',
      '  hint_3: ""',
      '  fix_diff: ""',
      '```',
      '',
    ].join('\n');
  }
  return [...head, '### What I predict will happen', '', '', '### Why I expect it', '', ''].join('\n');
}

const stripComments = (s: string): string => s.replace(/<!--[\s\S]*?-->/g, '');
const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu) ?? []).length;

export interface Written {
  ok: boolean;
  words: number;
  reason: string;
}

/** Markdown predictions: words on lines that are not in the template (comments ignored). */
export function markdownWritten(text: string, template: string): Written {
  if (text.replace(/\r\n/g, '\n') === template)
    return { ok: false, words: 0, reason: 'the file is still the untouched template' };
  const templateLines = new Set(
    stripComments(template)
      .split('\n')
      .map((l) => l.trim()),
  );
  const own = stripComments(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !templateLines.has(l));
  const words = own.reduce((n, l) => n + wordCount(l.replace(/^#+\s*/, '')), 0);
  if (words < MIN_PREDICTION_WORDS)
    return {
      ok: false,
      words,
      reason: `only ${words} word(s) of your own (at least ${MIN_PREDICTION_WORDS} expected)`,
    };
  return { ok: true, words, reason: `${words} words of predictions` };
}

/** The YAML parts of breaks.md: fenced ```yaml blocks (with the line each starts on), else the whole file. */
export function yamlBlocks(text: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```\s*ya?ml\s*$/i.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++;
    blocks.push({ text: lines.slice(start, end).join('\n'), line: start + 1 });
    i = end;
  }
  return blocks.length > 0 ? blocks : [{ text, line: 1 }];
}

const field = (e: Record<string, unknown>, k: string): string => {
  const v = e[k] ?? e[k.replace('-', '_')];
  return typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : JSON.stringify(v);
};

/** YAML-entry predictions: the entry for this break (by bug-id, else the only entry) with a symptom. */
export function yamlEntryWritten(entries: readonly unknown[], b: Break): Written {
  const maps = entries.filter(
    (e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e),
  );
  if (maps.length === 0)
    return { ok: false, words: 0, reason: 'no YAML entry (a list item with bug-id, concept, symptom, …)' };
  const wanted = b.bug_id;
  // The entry with this break's bug-id; a lone entry without any bug-id is taken to be it.
  const entry =
    (wanted !== undefined ? maps.find((e) => field(e, 'bug-id') === wanted) : undefined) ??
    (maps.length === 1 && (wanted === undefined || field(maps[0] as Record<string, unknown>, 'bug-id') === '')
      ? maps[0]
      : undefined);
  if (!entry)
    return {
      ok: false,
      words: 0,
      reason: `no entry with bug-id: ${wanted ?? '?'} (found ${maps.map((e) => field(e, 'bug-id') || '?').join(', ')})`,
    };
  const symptom = field(entry, 'symptom');
  const words = wordCount(symptom);
  if (words < MIN_PREDICTION_WORDS)
    return {
      ok: false,
      words,
      reason: `the entry's symptom (your prediction) has ${words} word(s); at least ${MIN_PREDICTION_WORDS} expected`,
    };
  return { ok: true, words, reason: `entry ${field(entry, 'bug-id') || '(no bug-id)'}: symptom of ${words} words` };
}
