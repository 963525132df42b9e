/**
 * `lynx report NN --draft`: scaffold, before closing, the report sections the phase's DoD reads
 * (mapping tables, red-team write-ups, …). The learner's existing text is never rewritten.
 */
import { layoutOf } from '../io/workspace.js';
import { openTarget } from './target.js';
import { draftReport, type DraftItem } from '../core/report-block.js';
import { reportFile } from '../core/gate.js';
import { describeCheck } from '../core/dod-text.js';
import { expandPath, nn } from '../core/ids.js';
import { docsDir } from '../core/curriculum.js';
import type { Check, Phase } from '../schemas/generated/types.js';
import { readIfExists } from '../io/lab-files.js';
import { writeAtomic } from '../io/fsx.js';
import { withLock } from '../io/lock.js';

import type { DraftResult } from '../core/results.js';

const paths = (c: Check): string[] =>
  c.kind === 'all' || c.kind === 'any'
    ? c.of.flatMap(paths)
    : 'path' in c && typeof c.path === 'string'
      ? [c.path]
      : [];

/** The DoD items whose checks read this phase's report. */
export function reportItems(phase: Phase, learner: string): DraftItem[] {
  const file = reportFile(phase.id);
  const x = (p: string): string => expandPath(p, { learner, docs: docsDir(phase), nn: nn(phase.id) });
  return phase.dod
    .filter((d) => paths(d.check).some((p) => x(p) === file) && !(d.check.kind === 'file'))
    .map((d) => ({ id: d.id, text: d.text, how: describeCheck(d.check, x, nn(phase.id), d.id) }));
}

export async function reportDraft(opts: {
  cwd: string;
  learner?: string | undefined;
  phase: string;
}): Promise<DraftResult> {
  const t = await openTarget(opts.cwd, opts.learner, opts.phase);
  const file = layoutOf(t.ws, t.learner).report(t.phase.id);
  const items = reportItems(t.phase, t.learner);
  return withLock(t.ws.root, `lynx report ${nn(t.phase.id)} --draft`, async () => {
    const d = draftReport(`# Phase ${nn(t.phase.id)} report — ${t.phase.title}`, items, readIfExists(t.ws, file));
    if (d.added.length > 0 || readIfExists(t.ws, file) === undefined) await writeAtomic(t.ws.abs(file), d.text);
    return { phase: t.phase.id, file, items: items.length, added: d.added };
  });
}
