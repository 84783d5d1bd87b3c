import assert from "node:assert/strict";
import { test } from "vitest";
import { check, kattisDefaultChecker, parseKattisFloat } from "../src/checkers/index.ts";

/** The cases below were derived by reading problemtools' default_validator.cc and checking glibc's sscanf by hand. */
const plain = { caseSensitive: false, spaceChangeSensitive: false };

test("default: tokens only, any white space between them, case ignored", () => {
  assert.equal(kattisDefaultChecker("1 2\n", "1\n2", plain), true);
  assert.equal(kattisDefaultChecker("1 2\n3\n", "\r\n  1\t2\v3\f\n\n", plain), true);
  assert.equal(kattisDefaultChecker("Yes\n", "yES", plain), true);
  assert.equal(kattisDefaultChecker("", "\n \n", plain), true);
});

test("default: a different, missing or extra token is wrong", () => {
  assert.equal(kattisDefaultChecker("1 2\n", "1 3\n", plain), false);
  assert.equal(kattisDefaultChecker("1 2\n", "1\n", plain), false);
  assert.equal(kattisDefaultChecker("1 2\n", "1 2 3\n", plain), false);
  assert.equal(kattisDefaultChecker("12\n", "1 2\n", plain), false);
  assert.equal(kattisDefaultChecker("1\n", "", plain), false);
  assert.equal(kattisDefaultChecker("", "x", plain), false);
  // no tolerance asked for: numbers are text
  assert.equal(kattisDefaultChecker("1.0\n", "1\n", plain), false);
});

test("default: case is ASCII-only (strcasecmp), other white space is part of a token", () => {
  assert.equal(kattisDefaultChecker("straße", "STRASSE", plain), false);
  assert.equal(kattisDefaultChecker("é", "É", plain), false);
  assert.equal(kattisDefaultChecker("a b", "a\u00a0b", plain), false);
});

test("case_sensitive: the same tokens, case and all", () => {
  const options = { caseSensitive: true, spaceChangeSensitive: false };
  assert.equal(kattisDefaultChecker("Yes\n", "Yes", options), true);
  assert.equal(kattisDefaultChecker("Yes\n", "yes\n", options), false);
  assert.equal(kattisDefaultChecker("a b", "a\n\nb", options), true);
});

test("space_change_sensitive: every white-space character as in the answer, final newline included", () => {
  const options = { caseSensitive: false, spaceChangeSensitive: true };
  assert.equal(kattisDefaultChecker("1 2\n3\n", "1 2\n3\n", options), true);
  assert.equal(kattisDefaultChecker("a B\n", "A b\n", options), true);
  assert.equal(kattisDefaultChecker("1 2\n", "1  2\n", options), false);
  assert.equal(kattisDefaultChecker("1 2\n", "1\n2\n", options), false);
  assert.equal(kattisDefaultChecker("1 2\n", "1 2", options), false);
  assert.equal(kattisDefaultChecker("1 2\n", "1 2\n\n", options), false);
  assert.equal(kattisDefaultChecker("1 2\n", " 1 2\n", options), false);
  assert.equal(kattisDefaultChecker("1 2\r\n", "1 2\n", options), false);
  assert.equal(kattisDefaultChecker("1 2", "1 2", options), true);
});

test("floats: a float is what sscanf %lf reads whole and finite, hex included", () => {
  assert.equal(parseKattisFloat("1.5"), 1.5);
  assert.equal(parseKattisFloat(".5"), 0.5);
  assert.equal(parseKattisFloat("1."), 1);
  assert.equal(parseKattisFloat("+.5e1"), 5);
  assert.equal(parseKattisFloat("-0"), -0);
  assert.equal(parseKattisFloat("00012"), 12);
  assert.equal(parseKattisFloat("1e"), 1);
  assert.equal(parseKattisFloat("1e+"), 1);
  assert.equal(parseKattisFloat("1e-400"), 0);
  assert.equal(parseKattisFloat("0x10"), 16);
  assert.equal(parseKattisFloat("0x1.8p1"), 3);
  assert.equal(parseKattisFloat("-0X1P-2"), -0.25);
  assert.equal(parseKattisFloat("0x.8"), 0.5);
  for (const notFloat of ["inf", "-infinity", "nan", "1e400", ".", "+", "-.e1", "e5", "1,5", "1.5e3x", "0x", "0xg", "+-1", "1e5e", "one"]) {
    assert.equal(parseKattisFloat(notFloat), null, notFloat);
  }
});

test("float_tolerance t: within t absolutely or relatively to the answer", () => {
  const options = { caseSensitive: false, spaceChangeSensitive: false, floatAbs: 1e-6, floatRel: 1e-6 };
  assert.equal(kattisDefaultChecker("1.0000000\n", "1.0000009", options), true);
  assert.equal(kattisDefaultChecker("1.0000000\n", "1.0000011", options), false);
  assert.equal(kattisDefaultChecker("1000000\n", "1000000.9", options), true);
  assert.equal(kattisDefaultChecker("1000000\n", "1000001.1", options), false);
  assert.equal(kattisDefaultChecker("3\n", "0x3", options), true);
  assert.equal(kattisDefaultChecker("3\n", "3.0000001e0", options), true);
  // an answer float needs a float
  assert.equal(kattisDefaultChecker("3\n", "three", options), false);
  assert.equal(kattisDefaultChecker("3\n", "inf", options), false);
  // answer tokens that are not floats still compare as text, case ignored
  assert.equal(kattisDefaultChecker("Impossible 2.5\n", "IMPOSSIBLE 2.5000001", options), true);
  assert.equal(kattisDefaultChecker("inf\n", "INF", options), true);
  assert.equal(kattisDefaultChecker("inf\n", "1e400", options), false);
});

test("float_absolute_tolerance alone: no relative slack, even for huge answers", () => {
  const options = { caseSensitive: false, spaceChangeSensitive: false, floatAbs: 0.01 };
  assert.equal(kattisDefaultChecker("1e9", "1000000000.009", options), true);
  assert.equal(kattisDefaultChecker("1e9", "1000000000.02", options), false);
  assert.equal(kattisDefaultChecker("0", "-0.01", options), true);
});

test("float_relative_tolerance alone: relative to the answer, so an answer of 0 needs exactly 0", () => {
  const options = { caseSensitive: false, spaceChangeSensitive: false, floatRel: 0.01 };
  assert.equal(kattisDefaultChecker("200", "201.9", options), true);
  assert.equal(kattisDefaultChecker("200", "202.1", options), false);
  assert.equal(kattisDefaultChecker("0", "0.0", options), true);
  assert.equal(kattisDefaultChecker("0", "1e-300", options), false);
});

test("flags combine: space changes and case with a tolerance", () => {
  const options = { caseSensitive: true, spaceChangeSensitive: true, floatAbs: 0.5 };
  assert.equal(kattisDefaultChecker("Area 2\n", "Area 2.4\n", options), true);
  assert.equal(kattisDefaultChecker("Area 2\n", "area 2.4\n", options), false);
  assert.equal(kattisDefaultChecker("Area 2\n", "Area  2.4\n", options), false);
});

test("check() dispatches the kattis-default kind", () => {
  assert.equal(check({ kind: "kattis-default", caseSensitive: false, spaceChangeSensitive: false }, "YES\n", "yes"), true);
  assert.equal(check({ kind: "kattis-default", caseSensitive: true, spaceChangeSensitive: false }, "YES\n", "yes"), false);
});
