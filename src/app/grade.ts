/**
 * lynx grade NN --learner ana [--item ID --verdict correct|wrong [--note T]] (issue 17, teachers'
 * work): list the latest attempt's self-assessed free answers — the model answer beside the learner's
 * text — or record a teacher's verdict on one as a signed, hash-chained line in
 * learners/<name>/phase-NN/grades.jsonl. The record names the signer (`by`), never the learner: a
 * teacher does not act as the learner, and a key named after the learner is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTarget } from './target.js';
import {
  gradeLine,
  gradesFile,
  gradesOf,
  parseGrades,
  type GradeItem,
  type GradeRecord,
  type GradeResult,
} from '../core/grades.js';
import { canonicalRecord, teacherSigned } from '../core/records.js';
import { UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { loadQuizBank } from '../io/curriculum.js';
import { readAttempts } from '../io/quiz-store.js';
import { appendToLog, readLog } from '../io/jsonl-append.js';
import { withLock } from '../io/lock.js';
import { teachers } from '../io/allowed-signers.js';
import { RECORD_NAMESPACE, recordKey, signRecord, verify } from '../io/signing.js';

interface Opts {
  cwd: string;
  learner?: string | undefined;
  phase: string;
  item?: string | undefined;
  verdict?: string | undefined;
  note?: string | undefined;
  key?: string | undefined;
}

const text = (answer: unknown): string =>
  typeof answer === 'string'
    ? answer
    : answer !== null && typeof answer === 'object' && typeof (answer as { text?: unknown }).text === 'string'
      ? (answer as { text: string }).text
      : JSON.stringify(answer);

export async function grade(o: Opts): Promise<GradeResult> {
  if ((o.item === undefined) !== (o.verdict === undefined))
    throw new UsageError('give both --item ID and --verdict correct|wrong (or neither, to list the answers to grade)');
  if (o.verdict !== undefined && o.verdict !== 'correct' && o.verdict !== 'wrong')
    throw new UsageError(`--verdict: expected correct or wrong — found "${o.verdict}"`);
  const t = await openTarget(o.cwd, o.learner, o.phase, { requireFolder: true });
  const bank = await loadQuizBank(t.ws, t.phase);
  const log = readAttempts(t.ws, t.learner, t.phase.id);
  if (log.problems.length > 0) throw new UsageError(`the attempt log is not intact: ${log.problems[0] ?? ''}`);
  const last = log.records.at(-1);
  const rel = gradesFile(t.learner, t.phase.id);
  const existing = parseGrades(readLog(t.ws, rel).text, rel);
  if (existing.problems.length > 0) throw new UsageError(`the grade log is not intact: ${existing.problems[0] ?? ''}`);
  const line = log.records.length;
  const done = last
    ? gradesOf(
        existing.records.map((r) => r.rec),
        line,
        last.at,
      )
    : new Map<string, GradeRecord>();
  const items: GradeItem[] = (last?.answers ?? [])
    .filter((a) => a.verdict === 'self-assessed')
    .map((a) => {
      const item = bank?.items.find((i) => i.id === a.id);
      const g = done.get(a.id);
      return {
        id: a.id,
        prompt: item?.prompt_en ?? '',
        model_answer: item?.model_answer ?? item?.rubric ?? '',
        answer: text(a.answer),
        self_assessed: a.points === 1 ? 'right' : 'wrong',
        ...(g ? { graded: { verdict: g.verdict, by: g.by, at: g.at } } : {}),
      };
    });
  const base: GradeResult = {
    phase: t.phase.id,
    learner: t.learner,
    attempt: last ? { line, at: last.at } : null,
    items,
  };
  if (o.item === undefined || o.verdict === undefined) return base;
  if (!last) throw new UsageError(`${t.learner} has no quiz attempt for phase ${nn(t.phase.id)} to grade`);
  if (!items.some((i) => i.id === o.item))
    throw new UsageError(`"${o.item}" is not a self-assessed answer of ${t.learner}'s latest attempt`, {
      details: items.map((i) => i.id),
      hint:
        'Deterministic items are graded by lynx; a teacher grades the self-assessed free answers listed by `lynx ' +
        'grade NN --learner NAME`.',
    });
  const verdict: 'correct' | 'wrong' = o.verdict === 'correct' ? 'correct' : 'wrong';
  const at = new Date().toISOString();
  const key = await recordKey(t.ws, o.key);
  const tmp = mkdtempSync(join(tmpdir(), 'lynx-grade-'));
  try {
    const draft = (by: string): Omit<GradeRecord, 'prev' | 'signature'> => ({
      v: 1,
      at,
      phase: t.phase.id,
      learner: t.learner,
      attempt_line: line,
      attempt_at: last.at,
      item: o.item ?? '',
      verdict,
      ...(o.note ? { note: o.note } : {}),
      by,
      signed_by: by,
    });
    const probe = canonicalRecord('grade', t.phase.id, draft('?'));
    const v = await verify(t.ws, probe, await signRecord(t.ws, key, probe), tmp, RECORD_NAMESPACE);
    if (!v.ok || v.principal === undefined)
      throw new UsageError(`this key cannot sign grades: ${v.message}`, {
        hint: "A teacher's key is listed in the allowed-signers file (lynx.yaml signing.allowed_signers).",
      });
    if (!teacherSigned(v, teachers(t.ws), t.learner))
      throw new UsageError(`${v.principal} is not a teacher here: a learner cannot grade their own answers`);
    const fields = draft(v.principal);
    const record = { ...fields, signature: await signRecord(t.ws, key, canonicalRecord('grade', t.phase.id, fields)) };
    await withLock(t.ws.root, `lynx grade ${nn(t.phase.id)} ${o.item}`, () => {
      appendToLog(t.ws, rel, (lastLine) => gradeLine(record, lastLine));
      return Promise.resolve();
    });
    const g = { verdict, by: v.principal, at };
    return {
      ...base,
      items: items.map((i) => (i.id === o.item ? { ...i, graded: g } : i)),
      recorded: { item: o.item, ...g, file: rel },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
