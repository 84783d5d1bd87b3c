/** A test case or custom input that does not fit the problem's signature: the user's mistake, a 400 or a message in Run. */
export class FunctionInputError extends Error {
  readonly code = "FUNCTION_INPUT";
  constructor(message: string) {
    super(message);
    this.name = "FunctionInputError";
  }
}
