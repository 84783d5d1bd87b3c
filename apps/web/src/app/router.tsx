import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { AuthPage } from "../auth/AuthPage.tsx";
import { ProblemListPage } from "../problems/ProblemListPage.tsx";
import { Layout } from "./Layout.tsx";
import { NotFound, RouteError } from "./RouteError.tsx";

// The editor, Markdown and KaTeX load only with the pages that use them.
const ProblemPage = lazy(() => import("../problems/ProblemPage.tsx"));
const SubmissionPage = lazy(() => import("../submissions/SubmissionPage.tsx"));
const AllSubmissionsPage = lazy(() => import("../submissions/AllSubmissionsPage.tsx"));
const ProfilePage = lazy(() => import("../profile/ProfilePage.tsx"));

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to="/problems" replace /> },
        { path: "problems", element: <ProblemListPage /> },
        { path: "problems/:slug", element: <ProblemPage /> },
        { path: "submissions", element: <AllSubmissionsPage /> },
        { path: "submissions/:id", element: <SubmissionPage /> },
        { path: "u/:username", element: <ProfilePage /> },
        { path: "login", element: <AuthPage mode="login" /> },
        { path: "register", element: <AuthPage mode="register" /> },
        { path: "*", element: <NotFound /> },
      ],
    },
  ]);
}
