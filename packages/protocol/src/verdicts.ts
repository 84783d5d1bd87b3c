import { z } from "zod";

export const Status = z.enum(["queued", "compiling", "running", "done"]);
export type Status = z.infer<typeof Status>;

export const Verdict = z.enum(["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE"]);
export type Verdict = z.infer<typeof Verdict>;

export const verdictNames: Record<Verdict, string> = {
  AC: "Accepted",
  WA: "Wrong Answer",
  TLE: "Time Limit Exceeded",
  MLE: "Memory Limit Exceeded",
  RE: "Runtime Error",
  CE: "Compilation Error",
  OLE: "Output Limit Exceeded",
  IE: "Internal Error",
};
