/**
 * Snowball stemmers (English, Spanish), loaded on first use. The package is one 860 kB file holding
 * every language (~16 ms to load), and text-match is imported by paths that never grade an answer
 * (the report names theory pages through it), so it is required lazily, only when a word is stemmed.
 * Loading a pure library is not I/O: core stays pure.
 */
import { createRequire } from 'node:module';

interface Stemmer {
  stem(word: string): string;
}
interface Snowball {
  newStemmer(lang: string): Stemmer;
}

export type Lang = 'en' | 'es';

const stemmers = new Map<Lang, Stemmer>();
const cache = new Map<string, string>();

function stemmer(lang: Lang): Stemmer {
  let s = stemmers.get(lang);
  if (!s) {
    const snowball = createRequire(import.meta.url)('snowball-stemmers') as Snowball;
    s = snowball.newStemmer(lang === 'en' ? 'english' : 'spanish');
    stemmers.set(lang, s);
  }
  return s;
}

/** The Snowball stem of one lower-case word; digits and one- or two-letter words are kept as they are. */
export function snowballStem(word: string, lang: Lang = 'en'): string {
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return word;
  const key = `${lang}:${word}`;
  let s = cache.get(key);
  if (s === undefined) {
    s = stemmer(lang).stem(word);
    cache.set(key, s);
  }
  return s;
}
