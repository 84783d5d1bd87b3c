/**
 * Line by line, token by token: tokens are separated by any run of white space, and trailing
 * white space, blank lines at the end and a missing final newline do not matter. Line breaks
 * inside the answer do matter: "1 2" is not "1\n2".
 */
export function linesOfTokens(text: string): string[][] {
  const lines = text.split(/\r?\n/).map((line) => line.split(/[ \t\f\v\r]+/).filter((token) => token.length > 0));
  while (lines.length > 0 && lines[lines.length - 1]!.length === 0) lines.pop();
  return lines;
}

/** Compare answers token by token; `same` decides whether two tokens agree. */
export function compareTokens(expected: string, actual: string, same: (expected: string, actual: string) => boolean): boolean {
  const want = linesOfTokens(expected);
  const got = linesOfTokens(actual);
  if (want.length !== got.length) return false;
  for (let line = 0; line < want.length; line++) {
    const wantLine = want[line]!;
    const gotLine = got[line]!;
    if (wantLine.length !== gotLine.length) return false;
    for (let token = 0; token < wantLine.length; token++) {
      if (!same(wantLine[token]!, gotLine[token]!)) return false;
    }
  }
  return true;
}

export function tokensChecker(expected: string, actual: string): boolean {
  return compareTokens(expected, actual, (a, b) => a === b);
}
