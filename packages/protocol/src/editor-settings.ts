import { z } from "zod";

/** The editor's key bindings: CodeMirror's own, or Replit's Vim or Emacs packages. */
export const KeyBindings = z.enum(["default", "vim", "emacs"]);
export type KeyBindings = z.infer<typeof KeyBindings>;

/** A user's editor settings, kept by the API per account and by the browser per user. */
export const EditorSettings = z.object({
  /** px */
  fontSize: z.number().int().min(10).max(32),
  /** Spaces a Tab indents by (and the width of a tab character). */
  tabSize: z.number().int().min(1).max(8),
  keyBindings: KeyBindings,
});
export type EditorSettings = z.infer<typeof EditorSettings>;

/** GET /api/me/editor-settings: null until the user saves some. */
export const EditorSettingsResponse = z.object({ settings: EditorSettings.nullable() });
export type EditorSettingsResponse = z.infer<typeof EditorSettingsResponse>;
