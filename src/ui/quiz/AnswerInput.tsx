/** The answer widget for the current question: a choice list or a text field, wired to its input hook. */
import { Box, Text } from 'ink';
import type { Given, QuizItem } from '../../core/quiz/grade.js';
import { ChoiceView } from '../widgets/ChoiceView.js';
import { TextInputView } from '../widgets/TextInputView.js';
import { useChoiceInput } from '../widgets/use-choice-input.js';
import { useTextInput } from '../widgets/use-text-input.js';

export interface AnswerInputProps {
  item: QuizItem; initial: Given | undefined; active: boolean; rawCursor: boolean;
  /** Text typed but not sent, from an earlier session of this attempt. */
  draft?: string | undefined;
  onSubmit: (g: Given) => void; onNotice: (text: string | undefined) => void; onDraft?: (text: string) => void;
}

function Choices(p: AnswerInputProps) {
  const multi = p.item.answer_type === 'multi';
  const init = p.initial?.kind === 'choice' ? [p.initial.index] : p.initial?.kind === 'choices' ? p.initial.indices : [];
  const state = useChoiceInput({
    count: p.item.choices?.length ?? 0, multi, initial: init, active: p.active,
    onSubmit: (a) => p.onSubmit(Array.isArray(a) ? { kind: 'choices', indices: a } : { kind: 'choice', index: a }),
    onEmpty: () => p.onNotice('tick at least one choice with Space (or its number), then Enter'),
  });
  return <ChoiceView choices={p.item.choices ?? []} state={state} />;
}

const MULTILINE = new Set<QuizItem['answer_type']>(['free', 'code']);

function TextAnswer(p: AnswerInputProps) {
  const multiline = MULTILINE.has(p.item.answer_type);
  const init = p.draft ?? (p.initial?.kind === 'text' ? p.initial.text : p.initial?.kind === 'number' ? String(p.initial.value) : '');
  const state = useTextInput({
    initial: init, multiline, active: p.active, ...(p.onDraft ? { onChange: p.onDraft } : {}),
    onSubmit: (v) => {
      if (v.trim() === '') { p.onNotice('type an answer first (Tab skips the question)'); return; }
      if (p.item.answer_type === 'numeric') {
        const n = Number(v.trim());
        if (!Number.isFinite(n)) { p.onNotice(`"${v.trim()}" is not a number`); return; }
        p.onSubmit({ kind: 'number', value: n });
      } else p.onSubmit({ kind: 'text', text: v });
    },
  });
  return (
    <Box flexDirection="column">
      <TextInputView state={state} focused={p.active} rawCursor={p.rawCursor} placeholder={multiline ? 'type your answer' : 'type your answer, then Enter'} />
      {multiline ? <Text dimColor>Enter submits · Alt+Enter (or \ then Enter) starts a new line</Text> : null}
    </Box>
  );
}

export function AnswerInput(p: AnswerInputProps) {
  return p.item.answer_type === 'mcq' || p.item.answer_type === 'multi' ? <Choices {...p} /> : <TextAnswer {...p} />;
}
