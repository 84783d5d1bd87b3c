import { useCallback, useState } from "react";
import { useCurrentUser } from "../../auth/useAuth.ts";
import { type EditorSettings, loadEditorSettings, saveEditorSettings } from "./editorSettings.ts";

export interface EditorSettingsState {
  settings: EditorSettings;
  update(change: Partial<EditorSettings>): void;
}

/** The signed-in user's editor settings (the signed-out visitor's while nobody is), saved on each change. */
export function useEditorSettings(): EditorSettingsState {
  const user = useCurrentUser();
  const userId = user ? user.id : null;
  // Keyed by user: signing in or out swaps to that person's settings on the next render.
  const [state, setState] = useState(() => ({ userId, settings: loadEditorSettings(userId) }));
  const current = state.userId === userId ? state.settings : loadEditorSettings(userId);
  if (state.userId !== userId) setState({ userId, settings: current });

  const update = useCallback(
    (change: Partial<EditorSettings>) => {
      setState((previous) => {
        const settings = { ...previous.settings, ...change };
        saveEditorSettings(previous.userId, settings);
        return { userId: previous.userId, settings };
      });
    },
    [],
  );
  return { settings: current, update };
}
