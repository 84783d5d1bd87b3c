import { useEffect, useState } from "react";
import type { ConnectionStatus } from "./LiveConnection.ts";
import { useConnectionStatus, useLiveConnection } from "./LiveProvider.tsx";

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function describe(status: ConnectionStatus, now: number): string {
  switch (status.state) {
    case "open":
      return "Live";
    case "connecting":
      return "Connecting…";
    case "closed":
      return status.retryAt === null ? "Offline" : `Reconnecting in ${secondsUntil(status.retryAt, now)} s`;
  }
}

/** The WebSocket's state in the header; a click retries at once while it is down. */
export function ConnectionBadge({ signedIn }: { signedIn: boolean }) {
  const status = useConnectionStatus();
  const connection = useLiveConnection();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (status.retryAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    setNow(Date.now());
    return () => clearInterval(timer);
  }, [status.retryAt]);

  const text = signedIn ? describe(status, now) : "Live updates after sign-in";
  const canRetry = signedIn && status.retryAt !== null;
  return (
    <div className="connection" data-testid="connection-state" data-state={status.state} title={text}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-text" aria-hidden="true">
        {text}
      </span>
      {/* The countdown ticks every second; screen readers hear only the state changing. */}
      <span className="visually-hidden" role="status">
        {signedIn ? `Live connection ${status.state}` : "Live connection off until sign-in"}
      </span>
      {canRetry && (
        <button type="button" className="link-button" onClick={() => connection.retryNow()}>
          Retry now
        </button>
      )}
    </div>
  );
}
