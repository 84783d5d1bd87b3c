import type { LanguageId } from "@judge/protocol";
import { indentUnit } from "@codemirror/language";
import { EditorState, Prec, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { oneDark } from "@codemirror/theme-one-dark";
import CodeMirror from "@uiw/react-codemirror";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Theme } from "../theme/ThemeProvider.tsx";
import { useLanguageExtension } from "./languageSupport.ts";
import type { EditorSettings } from "./settings/editorSettings.ts";
import { loadKeyBindings } from "./settings/keyBindings.ts";

interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  language: LanguageId;
  theme: Theme;
  /** Ctrl/Cmd+Enter inside the editor. */
  onSubmit(): void;
  /** Accessible name of the text area. */
  label: string;
  describedBy?: string;
  /** Tab size and key bindings; the font size is the frame's CSS (`--editor-font-size`). */
  settings: Pick<EditorSettings, "tabSize" | "keyBindings">;
}

/** CodeMirror 6 with the language's highlighting, loaded lazily; Ctrl/Cmd+Enter submits. */
export function CodeEditor({ value, onChange, language, theme, onSubmit, label, describedBy, settings }: CodeEditorProps) {
  const languageExtension = useLanguageExtension(language);
  const [keyBindings, setKeyBindings] = useState<Extension>([]);
  const { tabSize, keyBindings: keyBindingChoice } = settings;
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;

  useEffect(() => {
    let current = true;
    void loadKeyBindings(keyBindingChoice).then((extension) => {
      if (current) setKeyBindings(extension);
    });
    return () => {
      current = false;
    };
  }, [keyBindingChoice]);

  const extensions = useMemo(
    () => [
      // Vim and Emacs first, above every other keymap: their keys (Esc, Ctrl-a…) win in the editor.
      Prec.highest(keyBindings),
      languageExtension,
      // Tab indents by tabSize spaces (indentUnit), and a tab character is as wide.
      indentUnit.of(" ".repeat(tabSize)),
      EditorState.tabSize.of(tabSize),
      Prec.highest(
        keymap.of([
          {
            key: "Mod-Enter",
            run: () => {
              submitRef.current();
              return true;
            },
          },
        ]),
      ),
      EditorView.contentAttributes.of({
        "aria-label": label,
        "aria-multiline": "true",
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [keyBindings, languageExtension, tabSize, label, describedBy],
  );

  return (
    <CodeMirror
      className="code-editor"
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={theme === "dark" ? oneDark : "light"}
      height="100%"
      basicSetup={{ highlightActiveLine: true, foldGutter: true, autocompletion: true, tabSize }}
      indentWithTab
    />
  );
}
