import { useId, useRef, type KeyboardEvent, type ReactNode } from "react";

interface Tab<Id extends string> {
  id: Id;
  label: ReactNode;
  panel: ReactNode;
  /** Extra class on the tab button (a case marked as failed, say). */
  className?: string;
}

interface TabsProps<Id extends string> {
  label: string;
  tabs: readonly Tab<Id>[];
  value: Id;
  onChange(id: Id): void;
  /** Keep hidden panels mounted (their state and live subscriptions survive a tab switch). */
  keepMounted?: boolean;
  /** Controls beside the tab list (outside it: a tab list holds only tabs), such as "add a case". */
  actions?: ReactNode;
}

/** WAI-ARIA tabs: one tab stop, arrow keys / Home / End move between tabs. */
export function Tabs<Id extends string>({ label, tabs, value, onChange, keepMounted = false, actions }: TabsProps<Id>) {
  const base = useId();
  const buttons = useRef(new Map<Id, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === value);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onChange(next.id);
    buttons.current.get(next.id)?.focus();
  };

  const tablist = (
    <div role="tablist" aria-label={label} className="tablist" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) buttons.current.set(tab.id, el);
            else buttons.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`${base}-tab-${tab.id}`}
          aria-selected={tab.id === value}
          aria-controls={`${base}-panel-${tab.id}`}
          tabIndex={tab.id === value ? 0 : -1}
          className={tab.className ? `tab ${tab.className}` : "tab"}
          onClick={() => onChange(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );

  return (
    <div className="tabs">
      {actions === undefined ? (
        tablist
      ) : (
        <div className="tabs-bar">
          {tablist}
          <div className="tabs-actions">{actions}</div>
        </div>
      )}
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${tab.id}`}
          aria-labelledby={`${base}-tab-${tab.id}`}
          hidden={tab.id !== value}
          tabIndex={0}
          className="tabpanel"
        >
          {keepMounted || tab.id === value ? tab.panel : null}
        </div>
      ))}
    </div>
  );
}
