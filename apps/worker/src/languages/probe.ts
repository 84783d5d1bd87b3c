import { execFile } from "node:child_process";
import { access, constants, realpath } from "node:fs/promises";

/**
 * Run a trusted toolchain binary on the host to ask its version: stdout and stderr together
 * (java answers on stderr), or null when it is missing or fails.
 */
export function probeCommand(command: string, args: readonly string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 30_000, env: { PATH: "/usr/bin:/bin" } }, (error, stdout, stderr) => {
      resolve(error === null ? `${stdout}${stderr}` : null);
    });
  });
}

export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First capture group of `pattern` in `text`, or null. */
export function versionIn(text: string | null, pattern: RegExp): string | null {
  if (text === null) return null;
  return pattern.exec(text)?.[1] ?? null;
}

/**
 * The real file behind a host command such as /usr/bin/php, which Debian often makes a symlink
 * into /etc/alternatives: the sandbox shows /usr but no /etc, so it must run the target itself.
 * Null when missing or outside /usr.
 */
export async function resolveUsrBinary(path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    if (!real.startsWith("/usr/")) return null;
    await access(real, constants.X_OK);
    return real;
  } catch {
    return null;
  }
}
