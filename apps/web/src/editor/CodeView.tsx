import type { LanguageId } from "@judge/protocol";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { oneDark } from "@codemirror/theme-one-dark";
import CodeMirror from "@uiw/react-codemirror";
import { useMemo } from "react";
import { useTheme } from "../theme/ThemeProvider.tsx";
import { useLanguageExtension } from "./languageSupport.ts";

/**
 * Submitted code, read-only, highlighted as the editor highlights that language; focusable
 * (tabindex) so that a keyboard can reach, select and scroll it, as it could the old <pre>.
 */
export function CodeView({ code, language, label }: { code: string; language: LanguageId; label: string }) {
  const { theme } = useTheme();
  const languageExtension = useLanguageExtension(language);
  const extensions = useMemo(
    () => [languageExtension, EditorState.readOnly.of(true), EditorView.contentAttributes.of({ "aria-label": label, tabindex: "0" })],
    [languageExtension, label],
  );
  return (
    <CodeMirror
      className="code-view"
      value={code}
      editable={false}
      extensions={extensions}
      theme={theme === "dark" ? oneDark : "light"}
      basicSetup={{ highlightActiveLine: false, highlightActiveLineGutter: false, foldGutter: false, autocompletion: false, searchKeymap: true }}
    />
  );
}
