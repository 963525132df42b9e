/** The colour tokens: one palette provided at the root colours the screens; the plain one (NO_COLOR, no terminal) leaves no colour code. */
import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import chalk from 'chalk';
import { ColorsContext, semanticColors } from '../../src/ui/semantic-colors.js';
import { Header } from '../../src/ui/quiz/Header.js';
import { FeedbackView } from '../../src/ui/quiz/FeedbackView.js';
import { gradeItem, type QuizItem } from '../../src/core/quiz/grade.js';

const level = chalk.level;
afterEach(() => { cleanup(); chalk.level = level; });

const ITEM = { id: 'q-00-01', title: 'Lockfiles', answer_type: 'mcq', prompt_en: 'Why?', choices: ['Readable', 'Pins hashes'], correct: 1, tags: ['x'] } as QuizItem;
/** Foreground colour codes (30–37, 90–97), not bold or dim. */
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[(3[0-7]|9[0-7])m`);

function frame(colour: boolean): string {
  chalk.level = 1; // as a terminal would: only the palette decides
  const app = render(
    <ColorsContext.Provider value={semanticColors(colour)}>
      <Header phase={0} index={0} total={2} answered={1} elapsedMs={0} />
      <FeedbackView item={ITEM} graded={gradeItem(ITEM, { kind: 'choice', index: 0 })} given={{ kind: 'choice', index: 0 }} hint="Enter next" />
    </ColorsContext.Provider>,
  );
  return app.lastFrame() ?? '';
}

describe('semantic colours', () => {
  it('the coloured palette paints progress green and a wrong verdict red', () => {
    const f = frame(true);
    expect(f).toContain('\u001b[32m████████████');
    expect(f).toContain('\u001b[31m');
  });

  it('the plain palette (and no provider at all) leaves no colour code; symbols still carry the meaning', () => {
    const f = frame(false);
    expect(f).not.toMatch(COLOUR);
    expect(f).toContain('✗ wrong');
    chalk.level = 1;
    const bare = render(<Header phase={0} index={0} total={2} answered={1} elapsedMs={0} />).lastFrame() ?? '';
    expect(bare).not.toMatch(COLOUR);
  });
});
