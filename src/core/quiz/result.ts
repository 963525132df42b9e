/** The result of `lynx quiz NN --answers FILE` (`--json` prints it as is). */
import type { Graded } from './grade.js';
import type { Revisit } from './concepts.js';

export interface QuizResult {
  schema_version: 1;
  phase: number;
  learner: string;
  mode: 'answers-file';
  bank_sha256: string;
  score: number;
  points: number;
  total: number;
  threshold: number;
  passed: boolean;
  items: (Graded & { title: string; answer_type: string })[];
  /** Answers given for not-askable items (excluded from scoring). */
  ignored: string[];
  /** Cards added for this attempt's misses, misses that already had one, and the first due date among them. */
  review: { added: string[]; already: string[]; next_review: string | null };
  cooldown_until: string | null;
  revisit: Revisit[];
  warnings: string[];
  /** Items counted on the learner's own judgement against the model answer (verdict self-assessed in the attempt). */
  self_assessed: string[];
  attempt: { file: string; number: number };
  /** A practice attempt: recorded apart, no cooldown, no review cards. */
  practice: boolean;
}
