/** The question: id, title, prompt (and the Spanish prompt when the bank has one). */
import { Box, Text } from 'ink';
import { Prose } from '../widgets/Prose.js';
import type { QuizItem } from '../../core/quiz/grade.js';
import { cleanTitle, plain } from './format.js';

const KIND: Record<QuizItem['answer_type'], string> = {
  mcq: 'one answer',
  multi: 'select every right answer',
  short: 'short answer',
  free: 'free answer',
  numeric: 'a number',
  code: 'a program (python, stdout is compared)',
  'conjugation-form': 'a verb form',
};

export function QuestionText(props: { item: QuizItem }) {
  const { item } = props;
  return (
    <Box flexDirection="column" marginBottom={1}>
      <Text>
        <Text bold>{item.id}</Text>
        {item.title ? ` · ${cleanTitle(item.title)}` : ''}
        <Text dimColor> ({KIND[item.answer_type]})</Text>
      </Text>
      <Prose>{plain(item.prompt_en)}</Prose>
      {item.prompt_es ? <Prose dimColor>{plain(item.prompt_es)}</Prose> : null}
    </Box>
  );
}
