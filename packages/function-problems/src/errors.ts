/** A test case or custom input that does not fit the problem's signature: the user's mistake, a 400 or a message in Run. */
export class FunctionInputError extends Error {
  readonly code = "FUNCTION_INPUT";
  constructor(message: string) {
    super(message);
    this.name = "FunctionInputError";
  }
}

/** A signature one language cannot express (a class named with one of its reserved words): the API lists the language as unsupported. */
export class UnsupportedSignatureError extends Error {
  readonly code = "UNSUPPORTED_SIGNATURE";
  constructor(message: string) {
    super(message);
    this.name = "UnsupportedSignatureError";
  }
}
