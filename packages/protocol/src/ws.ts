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
/**
 * Application-level heartbeat: browsers cannot see WebSocket ping frames, so a client that
 * has heard nothing for a while asks, and the server answers `pong`. Any server message
 * proves the socket alive, so a client of this version stays compatible with a notifier that
 * predates `ping` (it answers with a BAD_MESSAGE error, which is an answer too).
 */
export const PingMessage = z.object({ op: z.literal("ping") });
export type PingMessage = z.infer<typeof PingMessage>;
export const ClientMessage = z.discriminatedUnion("op", [SubscribeMessage, UnsubscribeMessage, PingMessage]);
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

/** The answer to a client's `ping`; older clients never ask, so never see one. */
export const PongMessage = z.object({ type: z.literal("pong") });
export type PongMessage = z.infer<typeof PongMessage>;

export const ServerMessage = z.union([SnapshotMessage, EventMessage, ErrorMessage, PongMessage]);
export type ServerMessage = z.infer<typeof ServerMessage>;
/** Every server message but the heartbeat's: what a subscription's stream is made of. */
export type StreamMessage = Exclude<ServerMessage, PongMessage>;
