import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { fetchSubmission } from "../api/endpoints.ts";
import { LiveConnection, type ConnectionStatus, type WatchState } from "./LiveConnection.ts";
import { browserSocket, sameOriginSocketUrl } from "./socket.ts";

const LiveContext = createContext<LiveConnection | null>(null);

interface LiveProviderProps {
  /** Connect only while someone is signed in: the notifier serves only its own users. */
  userId: string | null;
  children: ReactNode;
}

/** Owns the app's one LiveConnection: opens it on sign-in, reopens it on a user change. */
export function LiveProvider({ userId, children }: LiveProviderProps) {
  const [connection] = useState(
    () =>
      new LiveConnection({
        url: sameOriginSocketUrl(window.location),
        createSocket: browserSocket,
        // While the socket is down, the submission is read over HTTP: late, but true.
        fetchSubmission: (id) => fetchSubmission(id),
      }),
  );

  useEffect(() => {
    if (userId === null) {
      connection.stop();
      return;
    }
    connection.restart();
    return () => connection.stop();
  }, [connection, userId]);

  useEffect(() => {
    const windowOnOnline = () => connection.retryNow();
    const documentOnVisible = () => {
      if (document.visibilityState === "visible") connection.retryNow();
    };
    window.addEventListener("online", windowOnOnline);
    document.addEventListener("visibilitychange", documentOnVisible);
    return () => {
      window.removeEventListener("online", windowOnOnline);
      document.removeEventListener("visibilitychange", documentOnVisible);
    };
  }, [connection]);

  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

export function useLiveConnection(): LiveConnection {
  const connection = useContext(LiveContext);
  if (connection === null) throw new Error("useLiveConnection outside LiveProvider");
  return connection;
}

export function useConnectionStatus(): ConnectionStatus {
  const connection = useLiveConnection();
  const subscribe = useCallback((onChange: () => void) => connection.onStatusChange(onChange), [connection]);
  return useSyncExternalStore(subscribe, () => connection.status);
}

const idle: WatchState = { view: null, lastSeq: 0, error: null };

/** The live state of one submission, following it while mounted; idle for `null`. */
export function useSubmissionStream(submissionId: string | null): WatchState {
  const connection = useLiveConnection();
  // Stable per id: a new subscribe function would unwatch and rewatch on every render.
  const subscribe = useCallback(
    (onChange: () => void) => (submissionId === null ? () => undefined : connection.watch(submissionId, onChange)),
    [connection, submissionId],
  );
  return useSyncExternalStore(subscribe, () =>
    submissionId === null ? idle : (connection.peek(submissionId) ?? idle),
  );
}
