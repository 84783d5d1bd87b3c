import { httpStatusOf, type ErrorCode } from "@judge/protocol";

/** An error meant for the client: its code picks the status, its message is shown as is. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Sent as `Retry-After` (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}

export const notFound = (what: string) => new ApiError("NOT_FOUND", `${what} not found`);
export const unauthorized = () => new ApiError("UNAUTHORIZED", "sign in first");
