/** What the learner is shown when lynx makes no edit itself: each edit, as before → after, per file. */
import type { TargetPlan } from '../../core/break/model.js';
import type { Session } from './session.js';

export function guidedInstructions(s: Session, plan: TargetPlan): string[] {
  const where = (f: TargetPlan['files'][number]): string =>
    [f.path, ...f.alternatives].join(' (or ') + ')'.repeat(f.alternatives.length) + ', or your equivalent';
  return [
    ...plan.files.flatMap((f) => [
      ...f.descriptions.map((d) => `${where(f)}: ${d}`),
      ...f.edits.map((e) => `${where(f)}: replace\n${e.find}\nwith\n${e.replace}`),
    ]),
    ...(s.brk.manual_steps ?? []),
  ];
}
