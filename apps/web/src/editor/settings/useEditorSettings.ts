import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { fetchEditorSettings, saveEditorSettingsToAccount } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/queryKeys.ts";
import { useCurrentUser } from "../../auth/useAuth.ts";
import { type EditorSettings, loadEditorSettings, saveEditorSettings } from "./editorSettings.ts";

export interface EditorSettingsState {
  settings: EditorSettings;
  update(change: Partial<EditorSettings>): void;
}

/**
 * The editor settings: this browser's copy at once (per user, so no flash of defaults), then
 * the account's from the API when signed in, which wins (it may come from another browser).
 * Each change is saved to both; signed out, to this browser only.
 */
export function useEditorSettings(): EditorSettingsState {
  const user = useCurrentUser();
  const userId = user ? user.id : null;
  const client = useQueryClient();
  const [state, setState] = useState(() => ({ userId, settings: loadEditorSettings(userId) }));
  // Signing in or out swaps to that person's settings on this render (React's derived-state pattern).
  const current = state.userId === userId ? state.settings : loadEditorSettings(userId);
  if (state.userId !== userId) setState({ userId, settings: current });

  const account = useQuery({
    queryKey: queryKeys.editorSettings(userId ?? ""),
    queryFn: ({ signal }) => fetchEditorSettings(signal),
    enabled: userId !== null,
    staleTime: 5 * 60_000,
  });
  const fromAccount = account.data?.settings ?? null;
  useEffect(() => {
    if (userId === null || fromAccount === null) return;
    saveEditorSettings(userId, fromAccount);
    setState({ userId, settings: fromAccount });
  }, [userId, fromAccount]);

  const { mutate: saveToAccount } = useMutation({ mutationFn: saveEditorSettingsToAccount });
  const update = useCallback(
    (change: Partial<EditorSettings>) => {
      const settings = { ...current, ...change };
      setState({ userId, settings });
      saveEditorSettings(userId, settings);
      if (userId === null) return;
      client.setQueryData(queryKeys.editorSettings(userId), { settings });
      // Failing to reach the API loses nothing here: this browser's copy is saved already.
      saveToAccount(settings);
    },
    [current, userId, client, saveToAccount],
  );
  return { settings: current, update };
}
