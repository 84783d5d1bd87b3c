import { Link, useLocation } from "react-router";
import { errorMessage } from "../api/ApiError.ts";
import { useCurrentUser, useLogout } from "./useAuth.ts";

export function UserMenu() {
  const user = useCurrentUser();
  const logout = useLogout();
  const location = useLocation();

  if (user === undefined) return <span className="user-menu" aria-busy="true" />;
  if (user === null) {
    const onAuthPage = location.pathname === "/login" || location.pathname === "/register";
    const next = onAuthPage ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <nav className="user-menu" aria-label="Account">
        <Link to={`/login${next}`} className="button ghost" data-testid="login-link">
          Log in
        </Link>
        <Link to={`/register${next}`} className="button primary">
          Sign up
        </Link>
      </nav>
    );
  }
  return (
    <nav className="user-menu" aria-label="Account">
      <Link to={`/u/${encodeURIComponent(user.username)}`} className="user-name" data-testid="current-user" title="Your profile">
        {user.username}
      </Link>
      <button
        type="button"
        className="button ghost"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
        data-testid="logout-button"
      >
        Log out
      </button>
      {logout.error && (
        <span role="alert" className="form-error inline">
          {errorMessage(logout.error)}
        </span>
      )}
    </nav>
  );
}
