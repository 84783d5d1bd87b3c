import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ownerToken } from "./box-owner.ts";

/**
 * Who owns each cgroup instance, kept on the host beside the cgroups rather than in their names:
 * a box reads its own cgroup path, and an owner token there would tell it the worker's pid.
 * Under /run, a tmpfs that, like the cgroups themselves, does not outlive a reboot.
 */
export const INSTANCE_OWNERS_DIR = "/run/judge/cgroup-owners";

/** Written before the instance's cgroups are made, so a crash in between leaves nothing unowned. */
export function recordInstanceOwner(instance: string, dir = INSTANCE_OWNERS_DIR): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, instance), ownerToken(), { mode: 0o600 });
}

/** The owner token recorded for `instance`, or null when none was. */
export function recordedOwner(instance: string, dir = INSTANCE_OWNERS_DIR): string | null {
  try {
    return readFileSync(join(dir, instance), "utf8").trim();
  } catch {
    return null;
  }
}

export function forgetInstanceOwner(instance: string, dir = INSTANCE_OWNERS_DIR): void {
  rmSync(join(dir, instance), { force: true });
}

/** Every instance with a recorded owner. */
export function recordedInstances(dir = INSTANCE_OWNERS_DIR): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
