import { describe, expect, it } from 'vitest';
import { findKeyword, matchesPhrase, prepare, stem, tokenize, contentWords } from '../../src/core/quiz/text-match.js';
import { ownWordsProblem } from '../../src/core/quiz/grade.js';

const has = (text: string, kw: string): boolean => matchesPhrase(prepare(text), kw);

describe('keyword matching', () => {
  it('is case- and punctuation-insensitive', () => {
    expect(has('Record the SEED.', 'seed')).toBe(true);
    expect(has('(seed), git-sha; versions!', 'git sha')).toBe(true);
    expect(has('"Dropout" in eval mode', 'dropout')).toBe(true);
  });

  it('matches whole words only: a one-letter keyword is a word, not a letter', () => {
    expect(has('the vocab_size grows', 'V')).toBe(false);
    expect(has('saves V·d parameters', 'V')).toBe(true);
    expect(has('it is 2V d', 'V')).toBe(false);
    expect(has('O(10) steps', '1')).toBe(false);
    expect(has('O(1) steps', '1')).toBe(true);
    expect(has('a seedling', 'seed')).toBe(false);
  });

  it('treats plurals and third-person s as the same word', () => {
    expect(has('the seeds and versions', 'seed')).toBe(true);
    expect(has('library version', 'versions')).toBe(true);
    expect(has('the dependencies', 'dependency')).toBe(true);
    expect(has('it matches', 'match')).toBe(true);
    expect(has('the run collapses', 'collapse')).toBe(true);
  });

  it('treats hyphen, underscore and space variants, joined or not, alike', () => {
    expect(has('memory bound', 'memory-bound')).toBe(true);
    expect(has('memory_bound', 'memory bound')).toBe(true);
    expect(has('a precommit hook', 'pre-commit')).toBe(true);
    expect(has('a pre-commit hook', 'precommit')).toBe(true);
    expect(has('onehot(y)', 'one_hot')).toBe(true);
  });

  it('keeps symbols where the keyword has them', () => {
    expect(has('grad = (p - y) / B here', '/ B')).toBe(true);
    expect(has('grad = (p - y)/B', '/B')).toBe(true);
    expect(has('the batch B', '/ B')).toBe(false);
    expect(has('shape is (3,5)', '(3, 5)')).toBe(true);
    expect(has('a 2.1% ratio', '2.1%')).toBe(true);
    expect(has('0.25 FLOPs/byte.', '0.25')).toBe(true);
    expect(has('10.25 FLOPs', '0.25')).toBe(false);
    expect(has('∂L/∂a and ∂L/∂b', '∂L/∂b')).toBe(true);
    expect(has('cost is n² here', 'n²')).toBe(true);
    expect(has('cost is n^2 here', 'n^2')).toBe(true);
  });

  it('finds the first alternative present', () => {
    expect(findKeyword(prepare('it is released: the GIL is released'), ['releases the GIL', 'GIL is released'])).toBe(
      'GIL is released',
    );
    expect(findKeyword(prepare('nothing here'), ['a', 'b'])).toBeUndefined();
  });

  it('tokenizes to words and symbols, stems words, drops possessive s', () => {
    expect(tokenize("Adam's steps: O(1)").map((t) => t.t)).toEqual(['adam', 'step', ':', 'o', '(', '1', ')']);
    expect(stem('bias')).toBe('bias');
    expect(stem('class')).toBe('class');
    expect(stem('releasing')).toBe(stem('released'));
    expect(stem('is')).toBe('is');
    expect([...contentWords(prepare('the seed is the key'))]).toEqual(['seed', 'key']);
  });
});

describe('stems, phrases and negation', () => {
  it('matches inflections through the Snowball stemmer', () => {
    expect(has('NumPy released the GIL', 'releases the GIL')).toBe(true);
    expect(has('the router is collapsing', 'collapse')).toBe(true);
    expect(has('the class of incident recurred', 'recurs')).toBe(true);
    expect(has('a recursion', 'recur')).toBe(false);
  });

  it('lets a phrase skip articles and up to two words, never across a clause', () => {
    expect(has('it preserves direction of the update', 'preserves the direction')).toBe(true);
    expect(has('about one good digit', 'one digit')).toBe(true);
    expect(has('one significant decimal digit', 'one digit')).toBe(true);
    expect(has('one of the seven significant digits', 'one digit')).toBe(false);
    expect(has('less efficient for bigger models; smaller models benefit', 'bigger models benefit')).toBe(false);
  });

  it('does not count a keyword inside a negated clause', () => {
    expect(has('decode is unaffected by the cache', 'decode')).toBe(false);
    expect(has('the scope is unlimited', 'scope')).toBe(false);
    expect(has('the router does not collapse', 'collapse')).toBe(false);
    expect(has('there is no catastrophic cancellation', 'catastrophic cancellation')).toBe(false);
    expect(has('NumPy never releases the GIL', 'releases the GIL')).toBe(false);
    expect(has("quality doesn't matter", 'quality')).toBe(false);
    expect(has('no hay ninguna mejora en el decode', 'decode')).toBe(false);
    expect(has('el KV cache no acelera el decode', 'decode')).toBe(false);
    expect(has('Pre-LN removes the identity path', 'identity')).toBe(false);
  });

  it('keeps a keyword outside the negation, and undoes a counterfactual "without X, cannot Y"', () => {
    expect(has('the cache does not help prefill, but it speeds up decode', 'decode')).toBe(true);
    expect(has('without request_id you cannot correlate log lines', 'correlate')).toBe(true);
    expect(has('Without request_id, you cannot correlate log lines', 'correlate')).toBe(true);
    expect(has('without the aux loss the router collapses onto one expert', 'collapse')).toBe(true);
    expect(has('a matmul no longer fits on one worker', 'matmul')).toBe(true);
    expect(has('not only the seed but the versions', 'seed')).toBe(true);
  });

  it('takes a negation written into the keyword as its meaning', () => {
    expect(has('eval mode means no dropout', 'no dropout')).toBe(true);
    expect(has('the model cannot cite which fact it used', 'cannot cite')).toBe(true);
    expect(has('the model can cite its sources', 'cannot cite')).toBe(false);
  });
});

describe('words of its own', () => {
  const prompt = prepare('Name the cheapest and the most expensive stage: editor, CI, production.');
  it("an answer made only of the question's words is refused", () => {
    expect(ownWordsProblem(prepare('the editor, the production'), prompt, false)).toMatch(/repeats/);
  });
  it('where the question gives the terms away, an explanation is needed', () => {
    expect(ownWordsProblem(prepare('editor production'), prompt, true)).toBeDefined();
    expect(
      ownWordsProblem(prepare('editor is cheapest; production costs hours of incident work'), prompt, true),
    ).toBeUndefined();
  });
  it('a short answer of its own is fine when the key is not in the question', () => {
    expect(ownWordsProblem(prepare('44 bytes'), prepare('Byte offset of element (2, 3)?'), false)).toBeUndefined();
  });
});
