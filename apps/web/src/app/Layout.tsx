import { Suspense } from "react";
import { NavLink, Outlet } from "react-router";
import { UserMenu } from "../auth/UserMenu.tsx";
import { useCurrentUser } from "../auth/useAuth.ts";
import { ConnectionBadge } from "../live/ConnectionBadge.tsx";
import { LiveProvider } from "../live/LiveProvider.tsx";
import { ThemeToggle } from "../theme/ThemeToggle.tsx";

export function Layout() {
  const user = useCurrentUser();
  return (
    <LiveProvider userId={user?.id ?? null}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-header">
        <NavLink to="/problems" className="brand" aria-label="Judge, home">
          <span aria-hidden="true">⟨/⟩</span> Judge
        </NavLink>
        <nav aria-label="Main" className="main-nav">
          <NavLink to="/problems">Problems</NavLink>
          {user && <NavLink to="/submissions" end>Submissions</NavLink>}
        </nav>
        <div className="header-tools">
          <ConnectionBadge signedIn={Boolean(user)} />
          <ThemeToggle />
          <UserMenu />
        </div>
      </header>
      <Suspense
        fallback={
          <main id="main" className="page" aria-busy="true">
            <p className="hint">Loading…</p>
          </main>
        }
      >
        <Outlet />
      </Suspense>
    </LiveProvider>
  );
}
