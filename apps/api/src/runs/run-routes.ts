import { Router } from "express";
import { RunCreate, SubmissionId, type SubmissionAccepted } from "@judge/protocol";
import { currentUser } from "../auth/authenticate.ts";
import { notFound } from "../http/api-error.ts";
import type { RunService } from "./run-service.ts";

export function runRoutes(service: RunService): Router {
  const router = Router();

  router.post("/", async (req, res) => {
    const user = currentUser(req);
    const view = await service.create(user, RunCreate.parse(req.body));
    const body: SubmissionAccepted = { id: view.id, status: "queued" };
    res.status(202).location(`/api/runs/${view.id}`).json(body);
  });

  router.get("/:id", async (req, res) => {
    const user = currentUser(req);
    const id = SubmissionId.safeParse(req.params.id);
    if (!id.success) throw notFound("run");
    res.json(await service.get(user, id.data));
  });

  return router;
}
