import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { errorMessage } from "../api/ApiError.ts";

export function RouteError() {
  const error = useRouteError();
  const text = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : errorMessage(error);
  return (
    <main id="main" className="page">
      <h1>Something broke</h1>
      <p role="alert">{text}</p>
      <p>
        <Link to="/problems">Back to the problems</Link> or{" "}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          reload the page
        </button>
        .
      </p>
    </main>
  );
}

export function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p>
        <Link to="/problems">See the problems</Link>
      </p>
    </main>
  );
}
