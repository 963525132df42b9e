/**
 * Build-time stand-in for `Intl.Segmenter` in the bundle (esbuild define + inject, scripts/build.ts). ink measures
 * and slices every line it draws through string-width (two versions), slice-ansi and ansi-tokenize, and each
 * builds a grapheme Segmenter when it loads: ICU's break-iterator data, ~22 ms of the quiz's first frame, for a
 * screen of ASCII, ANSI codes, box drawing, arrows and `·` (issue 20, --cpu-prof).
 *
 * A text made only of code points that always stand alone as a grapheme cluster (controls but CR, which joins LF;
 * Latin, punctuation, currency, arrows, symbols, box drawing — none of them Extend, ZWJ, Prepend, SpacingMark,
 * Regional_Indicator or Hangul, so no rule of UAX #29 joins two of them) segments into its code points: that is
 * answered here, in the same shape ({segment, index, input}, `containing`). Anything else — another locale or
 * granularity, any other code point — goes to the real Intl.Segmenter, made on first need.
 * tests/unit/intl-segmenter.test.ts checks the answers against the real one.
 */
const Real = globalThis.Intl.Segmenter; // not `Intl.Segmenter`: the build replaces that expression with this class

/** Code points that are a grapheme cluster on their own whatever surrounds them (and no surrogates). */
// eslint-disable-next-line no-control-regex -- controls are the point: ANSI codes start with ESC, a cluster alone
const ALONE = /^[\0-\x0C\x0E-\u02FF\u2010-\u2027\u2030-\u205F\u2070-\u20CF\u2100-\u2BFF]*$/;

interface Piece {
  segment: string;
  index: number;
  input: string;
}

function alone(input: string): Intl.Segments {
  const at = (i: number): Piece => ({ segment: input.charAt(i), index: i, input });
  return {
    containing(index?: number): Piece | undefined {
      const n = Math.trunc(Number(index)) || 0; // ToIntegerOrInfinity: undefined and NaN are 0
      return n >= 0 && n < input.length ? at(n) : undefined;
    },
    *[Symbol.iterator](): IterableIterator<Piece> {
      for (let i = 0; i < input.length; i++) yield at(i);
    },
  };
}

export class LynxSegmenter {
  #real: Intl.Segmenter | undefined;

  constructor(locales?: string | string[], options?: Intl.SegmenterOptions) {
    const grapheme =
      locales === undefined &&
      (options === undefined ||
        (Object.keys(options).every((k) => k === 'granularity') && (options.granularity ?? 'grapheme') === 'grapheme'));
    // a constructor may return another object: any other use gets the real segmenter itself
    if (!grapheme) return new Real(locales, options) as unknown as LynxSegmenter;
  }

  segment(input: string): Intl.Segments {
    const text = String(input);
    return ALONE.test(text) ? alone(text) : (this.#real ??= new Real()).segment(text);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return (this.#real ??= new Real()).resolvedOptions();
  }

  static supportedLocalesOf(locales: string | string[]): string[] {
    return Real.supportedLocalesOf(locales);
  }
}
