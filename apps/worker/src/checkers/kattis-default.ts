/**
 * problemtools' default output validator, as a pure comparison. Its rules, checked against
 * problemtools' support/default_validator and glibc:
 * - white space is C's isspace (space, \t, \n, \v, \f, \r); a token is a run of anything else;
 * - by default only the tokens count: how many spaces or line breaks separate them does not
 *   ("1 2" answers "1\n2"), nor does white space before the first or after the last token;
 * - `spaceChangeSensitive`: the white space before each answer token and after the last one
 *   must be the answer's, character for character (a missing final newline is wrong);
 * - tokens compare case-insensitively (ASCII only, as strcasecmp) unless `caseSensitive`;
 * - with a float tolerance, an answer token that is a finite float (strtod's syntax, hex
 *   included; "inf" and "nan" are not floats) needs a float within tolerance: accepted when
 *   |a-b| <= abs or |a-b| <= rel*|answer|. `float_tolerance t` sets both. An answer token
 *   that is not a float compares as text.
 */
export interface KattisDefaultOptions {
  caseSensitive: boolean;
  spaceChangeSensitive: boolean;
  /** absent: no absolute tolerance */
  floatAbs?: number | undefined;
  /** absent: no relative tolerance */
  floatRel?: number | undefined;
}

const isSpace = (c: string): boolean => c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d*)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d*))?$/;

/**
 * The token's value when the C library's `sscanf("%lf")` reads all of it as a finite number,
 * else null. Like glibc, a dangling exponent ("1e", "2e+") is read as no exponent.
 */
export function parseKattisFloat(token: string): number | null {
  let value: number;
  if (DECIMAL.test(token)) {
    value = Number(token.replace(/[eE][+-]?$/, ""));
  } else {
    const hex = HEX.exec(token);
    if (hex === null) return null;
    const [, sign, whole = "", fraction, exponent] = hex;
    if (whole === "" && fraction === undefined) return null;
    let mantissa = 0;
    for (const digit of whole + (fraction ?? "")) mantissa = mantissa * 16 + Number.parseInt(digit, 16);
    const power = (exponent === undefined || /^[+-]?$/.test(exponent) ? 0 : Number(exponent)) - 4 * (fraction?.length ?? 0);
    value = (sign === "-" ? -1 : 1) * mantissa * 2 ** power;
  }
  return Number.isFinite(value) ? value : null;
}

const asciiLower = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

function tokensAgree(answer: string, output: string, options: KattisDefaultOptions): boolean {
  const abs = options.floatAbs;
  const rel = options.floatRel;
  if (abs !== undefined || rel !== undefined) {
    const want = parseKattisFloat(answer);
    if (want !== null) {
      const got = parseKattisFloat(output);
      if (got === null) return false;
      const error = Math.abs(want - got);
      return (abs !== undefined && error <= abs) || (rel !== undefined && error <= rel * Math.abs(want));
    }
  }
  return options.caseSensitive ? answer === output : asciiLower(answer) === asciiLower(output);
}

/** Does `output` (the submission's stdout) answer `answer` (the judge's .ans) under these options? Pure. */
export function kattisDefaultChecker(answer: string, output: string, options: KattisDefaultOptions): boolean {
  let a = 0;
  let o = 0;
  for (;;) {
    while (a < answer.length && isSpace(answer[a]!)) {
      if (options.spaceChangeSensitive && output[o] !== answer[a]) return false;
      if (options.spaceChangeSensitive) o++;
      a++;
    }
    while (o < output.length && isSpace(output[o]!)) {
      if (options.spaceChangeSensitive) return false;
      o++;
    }
    if (a === answer.length) return o === output.length;
    if (o === output.length) return false;
    const answerStart = a;
    while (a < answer.length && !isSpace(answer[a]!)) a++;
    const outputStart = o;
    while (o < output.length && !isSpace(output[o]!)) o++;
    if (!tokensAgree(answer.slice(answerStart, a), output.slice(outputStart, o), options)) return false;
  }
}
