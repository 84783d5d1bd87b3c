import { errorMessage } from "../api/ApiError.ts";

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorNotice({ error, title = "Could not load this", onRetry }: ErrorNoticeProps) {
  return (
    <div className="notice error" role="alert">
      <strong>{title}.</strong> {errorMessage(error)}
      {onRetry && (
        <button type="button" className="button ghost small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
