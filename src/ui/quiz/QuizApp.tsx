/**
 * The interactive quiz (ink): the screens for the state useQuizSession holds. Behaviour — keys,
 * grading, saving, the clock — lives in the hook; this file only picks what to draw.
 */
import type { ReactElement } from 'react';
import { Box, Text } from 'ink';
import { Prose } from '../widgets/Prose.js';
import { isSelfAssessed } from '../../core/quiz/grade.js';
import { answeredCount, currentId, isLocked, unanswered } from './session.js';
import { Header } from './Header.js';
import { QuestionText } from './QuestionText.js';
import { AnswerInput } from './AnswerInput.js';
import { FeedbackView, SelfAssessView } from './FeedbackView.js';
import { SummaryView } from './SummaryView.js';
import { ResumePrompt, LeavePrompt, FinishPrompt, FailedView } from './Prompts.js';
import { WidgetKeys } from '../widgets/key-router.js';
import { useColors } from '../semantic-colors.js';
import { useQuizSession, type QuizSessionProps } from './use-quiz-session.js';

export type { QuizExit, Restored, Snapshot } from '../../core/quiz/session-results.js';

export interface QuizAppProps extends QuizSessionProps {
  phase: number;
  /** Draw the text cursor with a raw inverse escape (a real terminal; see TextInputView). */
  rawCursor?: boolean;
}

const HINTS = {
  choice: '↑↓ or 1-9 move · Enter answer · Tab skip · Shift+Tab back · q quit',
  multi: '↑↓ move · Space or 1-9 tick · Enter answer · Tab skip · Shift+Tab back · q quit',
  text: 'Enter answer · Tab skip · Shift+Tab back · Esc quit',
  feedback: 'Enter next · Shift+Tab back · q quit',
};

export function QuizApp(p: QuizAppProps) {
  const c = useColors();
  const { s, act, widgetRef, finish, elapsedMs } = useQuizSession(p);
  const id = currentId(s);
  const item = p.items.find((i) => i.id === id);
  const locked = isLocked(s, id);

  const header = <Header phase={p.phase} index={s.index} total={s.ids.length} answered={answeredCount(s)} elapsedMs={elapsedMs} />;
  let body: ReactElement;
  switch (s.screen) {
    case 'resume':
      body = <ResumePrompt startedAt={p.restored?.startedAt} answered={answeredCount(s)} total={s.ids.length} elapsedMs={p.restored?.elapsedMs ?? 0} />;
      break;
    case 'confirm-quit':
      body = <LeavePrompt phase={p.phase} answered={answeredCount(s)} />;
      break;
    case 'confirm-finish':
      body = <FinishPrompt unanswered={unanswered(s)} />;
      break;
    case 'saving':
      body = <Text>Recording the attempt…</Text>;
      break;
    case 'summary':
      body = finish
        ? <SummaryView phase={p.phase} info={finish} elapsedMs={elapsedMs} now={p.now()}
            verdicts={s.feedback === 'end' ? p.items.map((item) => ({ item, graded: s.graded[item.id] })) : undefined} />
        : <Text>…</Text>;
      break;
    case 'error':
      body = <FailedView phase={p.phase} error={s.error} />;
      break;
    default: {
      if (!item) { body = <Text>no question</Text>; break; }
      const graded = s.graded[id];
      let inner: ReactElement;
      if ((s.screen === 'feedback' || (s.screen === 'question' && locked)) && graded) {
        inner = <FeedbackView item={item} graded={graded} given={s.answers[id]} hint={HINTS.feedback} />;
      } else if (s.screen === 'self') {
        inner = <SelfAssessView item={item} given={s.answers[id]} graded={s.graded[id]} />;
      } else if (s.screen === 'grading') {
        inner = <Text>{item.answer_type === 'code' ? 'Running your program (2 s, 64 MB)…' : 'Grading…'}</Text>;
      } else {
        const hint = item.answer_type === 'mcq' ? HINTS.choice : item.answer_type === 'multi' ? HINTS.multi : HINTS.text;
        inner = (
          <Box flexDirection="column">
            <AnswerInput key={`${id}:${s.index}`} item={item} initial={s.answers[id]} draft={s.drafts[id]} active={s.screen === 'question'} rawCursor={p.rawCursor === true}
              onDraft={(text) => act({ type: 'draft', id, text })}
              onSubmit={(given) => act({ type: 'submit', id, given, selfAssessed: isSelfAssessed(item) })}
              onNotice={(text) => act({ type: 'notice', text })} />
            {s.notice ? <Text {...c.status.warning}>! {s.notice}</Text> : null}
            <Box marginTop={1}><Prose dimColor>{hint}</Prose></Box>
          </Box>
        );
      }
      body = <Box flexDirection="column"><QuestionText item={item} />{inner}</Box>;
    }
  }
  return (
    <WidgetKeys.Provider value={widgetRef}>
      <Box flexDirection="column">
        {s.screen === 'summary' ? null : header}
        {body}
      </Box>
    </WidgetKeys.Provider>
  );
}
