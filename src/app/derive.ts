/**
 * lynx derive TOPIC [--phase NN]: scaffold a long-form derivation page (the `/derive` ritual) in
 * docs/phase-NN-<slug>/theory/ — numbered after the pages there and the ones the curriculum names,
 * slugged topic — only for a phase that is open, and never overwrite one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { curriculumTheoryPages, nextNumber, sameTopic, slugify } from '../core/derive.js';
import { render } from '../core/render.js';
import type { DeriveResult } from '../core/results.js';
import { listPhaseStatus } from '../io/phase-status.js';
import { loadPhase } from '../io/curriculum.js';
import { writeAtomic } from '../io/fsx.js';
import { phaseDocs } from '../io/lab-files.js';
import { readTemplate } from '../io/templates.js';
import { withLock } from '../io/lock.js';
import { now } from '../io/clock.js';
import { openWorkspace, resolveLearner } from '../io/workspace.js';

export async function derive(opts: {
  cwd: string;
  learner?: string | undefined;
  topic: string;
  phase?: number | undefined;
}): Promise<DeriveResult> {
  const ws = await openWorkspace(opts.cwd);
  const topic = opts.topic.trim();
  const slug = slugify(topic);
  let id = opts.phase;
  if (id === undefined) {
    const learner = resolveLearner(ws, opts.learner);
    const open = (await listPhaseStatus(ws, learner)).filter((p) => p.status === 'in_progress');
    if (open.length === 0)
      throw new UsageError('no phase is in progress: which phase is this derivation for?', {
        hint: 'Pass --phase NN, e.g. lynx derive "softmax gradient" --phase 04',
      });
    id = open[0]?.phase ?? 0;
  }
  const phase = await loadPhase(ws, id);
  // a derivation belongs to the phase being worked on: not one still closed to the learner, nor a closed one's record
  const learner = resolveLearner(ws, opts.learner);
  const status = (await listPhaseStatus(ws, learner)).find((p) => p.phase === phase.id)?.status ?? 'not_started';
  if (status !== 'in_progress' && status !== 'planned') {
    throw new UsageError(
      `phase ${nn(phase.id)} is not open (${status.replace('_', ' ')}): lynx derive writes into the phase you ` +
        `are working on`,
      {
        hint:
          status === 'not_started'
            ? `Open it first: \`lynx phase-start ${nn(phase.id)}\`, or leave out --phase to use the phase in progress.`
            : 'Leave out --phase to use the phase in progress.',
      },
    );
  }
  const dir = `${phaseDocs(ws, phase)}/theory`;
  return withLock(ws.root, 'lynx derive', async () => {
    const own = existsSync(ws.abs(dir)) ? readdirSync(ws.abs(dir)).filter((f) => f.endsWith('.md')) : [];
    const curriculum = curriculumTheoryPages(phase);
    const existing = [...new Set([...own, ...curriculum])];
    const same = sameTopic(own, slug) ?? sameTopic(curriculum, slug);
    if (same)
      throw new UsageError(`${dir}/${same} already exists — lynx derive never overwrites a page`, {
        hint: 'Open it and continue there, or pick another topic.',
      });
    const path = `${dir}/${nextNumber(existing)}-${slug}.md`;
    const text = render(readTemplate('derivation.md'), {
      title: topic,
      nn: nn(phase.id),
      phase_title: phase.title,
      date: now().toISOString().slice(0, 10),
    });
    await writeAtomic(ws.abs(path), text);
    return { schema_version: 1 as const, phase: phase.id, topic, path };
  });
}
