import { Credentials } from "@judge/protocol";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../api/ApiError.ts";
import { safeNextPath, useAuthMutation, useCurrentUser } from "./useAuth.ts";
import "./auth.css";

interface AuthPageProps {
  mode: "login" | "register";
}

const copy = {
  login: { title: "Log in", submit: "Log in", busy: "Logging in…", other: "register", otherText: "No account yet?", otherLink: "Create one" },
  register: { title: "Create an account", submit: "Create account", busy: "Creating…", other: "login", otherText: "Already registered?", otherLink: "Log in" },
} as const;

/** Client-side check for sign-up only, with the same rules the API applies. */
function registerProblem(username: string, password: string): string | null {
  const parsed = Credentials.safeParse({ username, password });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue === undefined) return "Check the username and password.";
  const field = issue.path[0] === "username" ? "Username" : "Password";
  if (issue.code === "too_small") return field === "Username" ? "Username needs at least 3 characters." : "Password needs at least 8 characters.";
  if (issue.code === "too_big") return `${field} is too long.`;
  return `${field}: ${issue.message}.`;
}

export function AuthPage({ mode }: AuthPageProps) {
  const text = copy[mode];
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const user = useCurrentUser();
  const mutation = useAuthMutation(mode);
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const errorId = useId();
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${text.title} · Judge`;
    usernameRef.current?.focus();
  }, [text.title]);

  useEffect(() => {
    if (user) void navigate(next, { replace: true });
  }, [user, next, navigate]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = mode === "register" ? registerProblem(username, password) : null;
    setLocalError(problem);
    if (problem !== null) return;
    mutation.mutate({ username: username.trim(), password });
  };

  const shownError = localError ?? (mutation.error ? errorMessage(mutation.error) : null);
  const otherHref = `/${text.other}${params.get("next") ? `?next=${encodeURIComponent(next)}` : ""}`;

  return (
    <main id="main" className="auth-page">
      <form className="auth-card" onSubmit={onSubmit} noValidate aria-describedby={shownError ? errorId : undefined}>
        <h1>{text.title}</h1>
        <div className="field">
          <label htmlFor="auth-username">Username</label>
          <input
            ref={usernameRef}
            id="auth-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={shownError ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="auth-password">Password</label>
          <input
            id="auth-password"
            name="password"
            type="password"
            autoComplete={mode === "login" ? "current-password" : "new-password"}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={shownError ? true : undefined}
            aria-describedby={mode === "register" ? "auth-password-hint" : undefined}
          />
          {mode === "register" && (
            <p id="auth-password-hint" className="hint">
              At least 8 characters.
            </p>
          )}
        </div>
        <div id={errorId} role="alert" className="form-error" data-testid="auth-error">
          {shownError}
        </div>
        <button type="submit" className="button primary" disabled={mutation.isPending} data-testid="auth-submit">
          {mutation.isPending ? text.busy : text.submit}
        </button>
        <p className="auth-switch">
          {text.otherText} <Link to={otherHref}>{text.otherLink}</Link>
        </p>
      </form>
    </main>
  );
}
