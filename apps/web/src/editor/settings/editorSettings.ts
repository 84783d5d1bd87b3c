import { EditorSettings } from "@judge/protocol";
import { safeStorage } from "../../ui/storage.ts";

export { EditorSettings, KeyBindings } from "@judge/protocol";

export const FONT_SIZES = [12, 13, 14, 16, 18, 20, 24] as const;
export const TAB_SIZES = [2, 4, 8] as const;

export const defaultEditorSettings: EditorSettings = { fontSize: 14, tabSize: 4, keyBindings: "default" };

/** This browser's copy, per user (one person's Vim mode is not the next person's); signed out has its own. */
const settingsKey = (userId: string | null) => `judge:editor-settings:${userId ?? "anonymous"}`;

function parseStored(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The saved settings; a field that is missing or fails to parse alone falls back to its default. */
export function loadEditorSettings(userId: string | null): EditorSettings {
  const stored = parseStored(safeStorage.get(settingsKey(userId)));
  const record = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  const fields = EditorSettings.shape;
  return {
    fontSize: fields.fontSize.safeParse(record.fontSize).data ?? defaultEditorSettings.fontSize,
    tabSize: fields.tabSize.safeParse(record.tabSize).data ?? defaultEditorSettings.tabSize,
    keyBindings: fields.keyBindings.safeParse(record.keyBindings).data ?? defaultEditorSettings.keyBindings,
  };
}

export function saveEditorSettings(userId: string | null, settings: EditorSettings): void {
  safeStorage.set(settingsKey(userId), JSON.stringify(settings));
}
