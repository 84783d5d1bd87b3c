import type { ReactNode } from "react";
import { type LayoutStorage, Group, Panel, Separator, useDefaultLayout } from "react-resizable-panels";
import { safeStorage } from "../ui/storage.ts";
import { useMediaQuery } from "../ui/useMediaQuery.ts";
import "./workspace-layout.css";

/** Splits from here up; below it (phones, narrow windows) the panes stack and the page scrolls. Matches layout.css. */
export const SPLIT_MEDIA_QUERY = "(min-width: 901px)";

/** The library's layout storage on localStorage that never throws (private mode, quota). */
const layoutStorage: LayoutStorage = {
  getItem: (key) => safeStorage.get(key),
  setItem: (key, value) => safeStorage.set(key, value),
};

interface WorkspaceLayoutProps {
  statement: ReactNode;
  editor: ReactNode;
  /** The console under the editor: Run, Testcase, Submission tabs. */
  output: ReactNode;
}

/**
 * The problem page's panes. Wide screens: statement | (editor over console), both splits
 * draggable (and movable with the arrow keys once a handle is focused), their sizes kept in
 * localStorage. The console has the height its split gives it and scrolls inside.
 */
export function WorkspaceLayout({ statement, editor, output }: WorkspaceLayoutProps) {
  const split = useMediaQuery(SPLIT_MEDIA_QUERY);
  if (!split) {
    return (
      <main id="main" className="workspace stacked">
        <div className="pane statement-pane">{statement}</div>
        <div className="pane code-pane">
          {editor}
          <div className="output-panel">{output}</div>
        </div>
      </main>
    );
  }
  return <SplitWorkspace statement={statement} editor={editor} output={output} />;
}

function SplitWorkspace({ statement, editor, output }: WorkspaceLayoutProps) {
  const columns = useDefaultLayout({ id: "judge:layout:columns", storage: layoutStorage, onlySaveAfterUserInteractions: true });
  const rows = useDefaultLayout({ id: "judge:layout:code", storage: layoutStorage, onlySaveAfterUserInteractions: true });
  return (
    <main id="main" className="workspace split">
      <Group orientation="horizontal" className="split-group" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
        <Panel id="statement" defaultSize="45%" minSize="20%" className="pane statement-pane" data-testid="statement-panel">
          {statement}
        </Panel>
        <Separator className="split-handle vertical" aria-label="Resize the statement and the editor" data-testid="split-columns" />
        <Panel id="code" defaultSize="55%" minSize="30%">
          <Group orientation="vertical" className="split-group" defaultLayout={rows.defaultLayout} onLayoutChanged={rows.onLayoutChanged}>
            <Panel id="editor" defaultSize="62%" minSize="25%" className="pane code-pane" data-testid="editor-panel">
              {editor}
            </Panel>
            <Separator className="split-handle horizontal" aria-label="Resize the editor and the console" data-testid="split-rows" />
            <Panel id="console" defaultSize="38%" minSize="10%" className="pane output-panel" data-testid="console-panel">
              {output}
            </Panel>
          </Group>
        </Panel>
      </Group>
    </main>
  );
}
