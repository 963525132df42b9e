/** Quiz text as a terminal shows it: the curriculum's markdown without its markers. */

/** The curriculum's rubric text is markdown; the terminal shows it without the markers. */
export const plain = (md: string): string => md.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/__([^_]+)__/g, '$1').replace(/`([^`]+)`/g, '$1').trim();

/** The mirror pages' type tags ("(free)", "(multi-choice)") are said once, by the kind label. */
export const cleanTitle = (t: string): string => plain(t).replace(/\s*\((single|multi|multi-choice|free)\)\s*\.?$/i, '').trim();
