import { z } from "zod";
import { EventMessage } from "./events.ts";
import { SubmissionId, SubmissionView } from "./submission.ts";

export const SubscribeMessage = z.object({
  op: z.literal("subscribe"),
  submissionId: SubmissionId,
  /** Resume after this event: the server sends only later ones. */
  lastSeq: z.number().int().min(0).optional(),
});
export const UnsubscribeMessage = z.object({
  op: z.literal("unsubscribe"),
  submissionId: SubmissionId,
});
export const ClientMessage = z.discriminatedUnion("op", [SubscribeMessage, UnsubscribeMessage]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const SnapshotMessage = z.object({
  type: z.literal("snapshot"),
  submissionId: SubmissionId,
  seq: z.number().int().min(0),
  submission: SubmissionView,
});
export type SnapshotMessage = z.infer<typeof SnapshotMessage>;

export const WsErrorCode = z.enum(["BAD_MESSAGE", "FORBIDDEN", "NOT_FOUND", "LIMIT", "UNAVAILABLE"]);
export type WsErrorCode = z.infer<typeof WsErrorCode>;

export const ErrorMessage = z.object({
  type: z.literal("error"),
  code: WsErrorCode,
  message: z.string(),
  submissionId: SubmissionId.optional(),
});
export type ErrorMessage = z.infer<typeof ErrorMessage>;

export const ServerMessage = z.union([SnapshotMessage, EventMessage, ErrorMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;
