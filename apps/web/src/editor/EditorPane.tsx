import type { LanguageId, ProblemDetail } from "@judge/protocol";
import { type CSSProperties, useCallback, useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { useCurrentUser } from "../auth/useAuth.ts";
import { useTheme } from "../theme/ThemeProvider.tsx";
import { CodeEditor } from "./CodeEditor.tsx";
import { type DraftOwner, draftOwner } from "./drafts.ts";
import { LanguageSelect } from "./LanguageSelect.tsx";
import { EditorSettingsMenu } from "./settings/EditorSettingsMenu.tsx";
import { FormatButton } from "./settings/FormatButton.tsx";
import { useEditorSettings } from "./settings/useEditorSettings.ts";
import { useDraftEditor } from "./useDraftEditor.ts";
import { useFullScreen } from "./useFullScreen.ts";
import "./editor.css";

interface EditorPaneProps {
  problem: ProblemDetail;
  signedIn: boolean;
  submitting: boolean;
  /** Why the last submit failed, already worded for the user. */
  submitError: string | null;
  onSubmit(language: LanguageId, code: string): void;
  /** A Run is starting (its POSTs are in flight). */
  running: boolean;
  onRun(language: LanguageId, code: string): void;
}

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const shortcut = isMac ? "⌘ Enter" : "Ctrl Enter";
const runShortcut = isMac ? "⌘ '" : "Ctrl '";

/**
 * The editor of whoever is signed in: a new owner (sign-in, sign-out) remounts it, so one
 * person's drafts never show under another's name.
 */
export function EditorPane(props: EditorPaneProps) {
  const owner = draftOwner(useCurrentUser());
  if (owner === null) {
    // Not knowing whose drafts to show, show none: what is typed now would be lost at the remount.
    return (
      <section className="editor-pane" aria-label="Code" aria-busy="true">
        <p className="hint">Loading your draft…</p>
      </section>
    );
  }
  return <OwnedEditorPane key={owner} owner={owner} {...props} />;
}

function OwnedEditorPane({ problem, signedIn, submitting, submitError, onSubmit, running, onRun, owner }: EditorPaneProps & { owner: DraftOwner }) {
  const { theme } = useTheme();
  const editor = useDraftEditor(problem, owner);
  const location = useLocation();
  const hintId = useId();
  const blank = editor.code.trim() === "";
  const loginLink = useRef<HTMLAnchorElement>(null);
  const [nudged, setNudged] = useState(false);
  const { settings, update: updateSettings } = useEditorSettings();
  const { fullScreen, toggle: toggleFullScreen } = useFullScreen();

  const nudge = useCallback(() => {
    // Signed out: point at the way in rather than failing silently.
    setNudged(true);
    loginLink.current?.focus();
  }, []);

  const submit = useCallback(() => {
    if (!signedIn) return nudge();
    if (submitting || blank) return;
    onSubmit(editor.language, editor.code);
  }, [signedIn, nudge, submitting, blank, onSubmit, editor.language, editor.code]);

  const run = useCallback(() => {
    if (!signedIn) return nudge();
    if (running || blank) return;
    onRun(editor.language, editor.code);
  }, [signedIn, nudge, running, blank, onRun, editor.language, editor.code]);

  // Ctrl/Cmd+Enter submits and Ctrl/Cmd+' runs, anywhere on the page; the editor handles its
  // own Ctrl/Cmd+Enter (and marks it handled).
  useEffect(() => {
    const documentOnKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
      if (event.key === "Enter") {
        event.preventDefault();
        submit();
      } else if (event.key === "'") {
        event.preventDefault();
        run();
      }
    };
    document.addEventListener("keydown", documentOnKeyDown);
    return () => document.removeEventListener("keydown", documentOnKeyDown);
  }, [submit, run]);

  const loginHref = `/login?next=${encodeURIComponent(location.pathname)}`;

  return (
    <section className={`editor-pane${fullScreen ? " full-screen" : ""}`} aria-label="Code" data-testid="editor-pane">
      <div className="editor-toolbar">
        <LanguageSelect
          languages={problem.languages}
          unsupported={problem.unsupportedLanguages ?? []}
          value={editor.language}
          onChange={editor.setLanguage}
        />
        <button
          type="button"
          className="button ghost small"
          onClick={() => {
            if (window.confirm("Replace your code with the starter code? Your draft for this language is discarded.")) editor.resetToStarter();
          }}
        >
          Reset
        </button>
        <div className="editor-tools">
          <FormatButton language={editor.language} code={editor.code} tabSize={settings.tabSize} onFormatted={editor.setCode} />
          <EditorSettingsMenu settings={settings} onChange={updateSettings} />
          <button
            type="button"
            className="button ghost small"
            data-testid="full-screen-button"
            aria-pressed={fullScreen}
            title={fullScreen ? "Leave full screen (Esc)" : "Full screen"}
            onClick={toggleFullScreen}
          >
            {fullScreen ? "Exit full screen" : "Full screen"}
          </button>
        </div>
      </div>
      <div
        className="editor-frame"
        data-testid="editor"
        data-language={editor.language}
        style={{ "--editor-font-size": `${settings.fontSize}px` } as CSSProperties}
      >
        <CodeEditor
          value={editor.code}
          onChange={editor.setCode}
          language={editor.language}
          theme={theme}
          onSubmit={submit}
          label={`Code editor, ${problem.languages.find((l) => l.id === editor.language)?.name ?? editor.language}`}
          describedBy={hintId}
          settings={settings}
        />
      </div>
      <p id={hintId} className="hint editor-hint">
        {shortcut} submits, {runShortcut} runs. Press Esc then Tab to move focus out of the editor.
      </p>
      <div className="submit-row">
        {!signedIn && (
          <p className={`notice${nudged ? " nudged" : ""}`} data-testid="login-prompt" role={nudged ? "alert" : undefined}>
            <Link to={loginHref} ref={loginLink}>
              Log in
            </Link> or <Link to={`/register?next=${encodeURIComponent(location.pathname)}`}>sign up</Link> to submit.
          </p>
        )}
        {submitError && (
          <p className="notice error" role="alert" data-testid="submit-error">
            {submitError}
          </p>
        )}
        <button
          type="button"
          className="button run-button"
          data-testid="run-button"
          onClick={run}
          disabled={signedIn && (running || blank)}
          aria-keyshortcuts={isMac ? "Meta+'" : "Control+'"}
        >
          {running ? "Starting…" : "Run"}
        </button>
        <button
          type="button"
          className="button primary submit-button"
          data-testid="submit-button"
          onClick={submit}
          disabled={signedIn && (submitting || blank)}
          aria-keyshortcuts={isMac ? "Meta+Enter" : "Control+Enter"}
        >
          {submitting ? "Submitting…" : "Submit"}
          {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the hint is not focusable; the button's own label is read */}
          <kbd aria-hidden="true">{shortcut}</kbd>
        </button>
      </div>
    </section>
  );
}
