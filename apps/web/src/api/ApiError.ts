import type { ErrorCode } from "@judge/protocol";

/** Codes of the HTTP contract, plus two for failures that never reached a well-formed answer. */
export type ApiErrorCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

/** A failed API call: `message` is the server's own when it sent one, fit to show to the user. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A user-facing sentence for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
