/**
 * The shape of a CSV file: line ending, quote character and delimiter (among , ; TAB |), detected
 * from the first lines unless the caller says.
 */
import Papa from 'papaparse';

export interface CsvDialect {
  delimiter: string;
  quote: string;
  newline: '\n' | '\r\n' | '\r';
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;

function detectNewline(sample: string): CsvDialect['newline'] {
  const i = sample.search(/\r\n|\n|\r/);
  if (i < 0) return '\n';
  if (sample[i] === '\r') return sample[i + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/** Single quotes count as the quote character only when fields are wrapped in them and double quotes never appear. */
function detectQuote(sample: string): string {
  if (sample.includes('"')) return '"';
  const wrapped = sample.match(/(^|[,;\t|\r\n])'[^'\r\n]*'(?=$|[,;\t|\r\n])/g);
  return wrapped && wrapped.length >= 2 ? "'" : '"';
}

/** First lines of a decoded sample, cut at the last complete line so a half line never skews detection. */
function completeLines(sample: string, maxLines: number): string {
  let end = 0;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < maxLines; i++) {
    if (sample.charCodeAt(i) === 10) {
      end = i + 1;
      lines++;
    }
  }
  return end > 0 ? sample.slice(0, end) : sample;
}

export function detectDialect(sample: string, given: { delimiter?: string; quote?: string } = {}): CsvDialect {
  const newline = detectNewline(sample);
  const quote = given.quote ?? detectQuote(sample);
  let delimiter = given.delimiter;
  if (!delimiter) {
    // papaparse's guess: the candidate giving the most consistent field count above one.
    const guessed = Papa.parse<string[]>(completeLines(sample, 50), { delimitersToGuess: [...DELIMITERS], quoteChar: quote, newline, preview: 50 }).meta.delimiter;
    delimiter = (DELIMITERS as readonly string[]).includes(guessed) ? guessed : ',';
  }
  return { delimiter, quote, newline };
}
