/**
 * The ink screens' colours, by meaning (as gemini-cli's ui/semantic-colors.ts): a component asks for
 * `status.success`, never for "green", and the root provides one palette — coloured, or plain under
 * NO_COLOR / without a terminal. Tokens are Text props to spread (`<Text {...c.status.error}>`), so a
 * plain token is simply no colour. Styles that are not colour (bold, dim) stay props of their own:
 * ink drops them itself when chalk's level is 0.
 */
import { createContext, useContext, type ComponentProps } from 'react';
import type { Text } from 'ink';

export type Tint = Pick<ComponentProps<typeof Text>, 'color'>;

export interface SemanticColors {
  text: {
    /** What the keys act on: the choice under the cursor. */
    accent: Tint;
  };
  status: { success: Tint; error: Tint; warning: Tint };
  ui: {
    /** The progress bar's filled part. */
    progress: Tint;
  };
}

const COLOURED: SemanticColors = {
  text: { accent: { color: 'cyan' } },
  status: { success: { color: 'green' }, error: { color: 'red' }, warning: { color: 'yellow' } },
  ui: { progress: { color: 'green' } },
};

const PLAIN: SemanticColors = {
  text: { accent: {} },
  status: { success: {}, error: {}, warning: {} },
  ui: { progress: {} },
};

export const semanticColors = (colour: boolean): SemanticColors => (colour ? COLOURED : PLAIN);

/** Provided once, at the root of each ink app (run-quiz.tsx, run-review.tsx); plain when nothing provides it. */
export const ColorsContext = createContext<SemanticColors>(PLAIN);

export const useColors = (): SemanticColors => useContext(ColorsContext);
