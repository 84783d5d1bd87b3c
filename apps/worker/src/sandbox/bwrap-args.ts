import { lstat, readlink } from "node:fs/promises";

/** A host path shown read-only inside the sandbox. */
export interface Bind {
  host: string;
  sandbox: string;
}

/** Where the sandbox's writable working directory `/box` comes from. */
export type Scratch =
  /** a host directory owned by the sandbox user: compiles, whose artifacts must come out */
  | { kind: "host"; dir: string }
  /** a private tmpfs that vanishes with the sandbox: runs, nothing to clean up on the host */
  | { kind: "tmpfs"; bytes: number };

/**
 * How the top of the host's file system looks, read once: on a merged-/usr system /bin, /lib,
 * /lib64 and /sbin are symlinks into /usr and are recreated as symlinks; otherwise bound read-only.
 */
export interface HostLayout {
  rootEntries: Array<{ name: string; symlinkTo: string | null }>;
  /** /etc files a dynamic loader wants (ld.so.cache); no passwd, no hosts, nothing secret */
  etcFiles: string[];
  /** files of /proc that exist here and describe the host, not the box: masked with /dev/null */
  maskedProcFiles: string[];
}

/**
 * Host-wide /proc files a program has no use for: the kernel's command line, its symbols and
 * modules, the keyring (keys and per-uid key counts of every user), timers and scheduler state of
 * every task. What docker, isolate and nsjail mask, or never mount.
 */
const HOST_PROC_FILES = [
  "cmdline", "kallsyms", "modules", "keys", "key-users", "timer_list", "sched_debug", "latency_stats",
  "config.gz", "kcore", "vmallocinfo", "slabinfo", "kpageflags", "kpagecount", "kpagecgroup", "sysrq-trigger",
];

/** The box's fixed hostname, in its own UTS namespace. */
export const BOX_HOSTNAME = "box";

export async function inspectHostLayout(): Promise<HostLayout> {
  const rootEntries: HostLayout["rootEntries"] = [];
  for (const name of ["bin", "sbin", "lib", "lib32", "lib64", "libx32"]) {
    try {
      const stat = await lstat(`/${name}`);
      if (stat.isSymbolicLink()) rootEntries.push({ name, symlinkTo: await readlink(`/${name}`) });
      else if (stat.isDirectory()) rootEntries.push({ name, symlinkTo: null });
    } catch {
      // absent on this host
    }
  }
  const etcFiles: string[] = [];
  for (const file of ["/etc/ld.so.cache"]) {
    try {
      if ((await lstat(file)).isFile()) etcFiles.push(file);
    } catch {
      // absent: the loader falls back to its built-in directories
    }
  }
  const maskedProcFiles: string[] = [];
  for (const name of HOST_PROC_FILES) {
    try {
      if ((await lstat(`/proc/${name}`)).isFile()) maskedProcFiles.push(`/proc/${name}`);
    } catch {
      // not built into this kernel
    }
  }
  return { rootEntries, etcFiles, maskedProcFiles };
}

/** The one place in the sandbox where the program may write. */
export const BOX_DIR = "/box";

export interface BwrapSpec {
  layout: HostLayout;
  scratch: Scratch;
  /** bytes of the private /tmp tmpfs (its pages also count against the memory cgroup) */
  tmpBytes: number;
  binds: readonly Bind[];
  env: Readonly<Record<string, string>>;
}

/** Device nodes a program may need; no pts, no tty, nothing else of the host's /dev. */
const DEVICES = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"];

/**
 * bubblewrap's arguments, up to but excluding the `--` before the command: every namespace
 * unshared (so no network: only a down loopback), a read-only /usr, a writable /box and /tmp,
 * a minimal /dev, and an environment holding only what `env` lists.
 *
 * `--unshare-user` is explicit because `--disable-userns` demands it: bwrap then nests a second
 * user namespace with user.max_user_namespaces at 1, so the program can create none of its own
 * (the seccomp filter denies the calls too). There is no `--dev` because devpts needs a mapped
 * root in the namespace. The UTS namespace gets a fixed hostname, not a copy of the host's.
 *
 * `--as-pid-1`: the program itself is the namespace's init, so the outer bwrap waits for and
 * reaps it. With bwrap's own init, the outer bwrap exits as soon as the program's status is
 * reported, and the orphaned init is left for the host's PID 1 to reap: a zombie per run on a
 * host whose PID 1 does not reap. When the program exits, the kernel kills whatever it left.
 */
export function bwrapArgs(spec: BwrapSpec): string[] {
  const args = ["--unshare-all", "--unshare-user", "--disable-userns", "--hostname", BOX_HOSTNAME];
  args.push("--as-pid-1", "--new-session", "--die-with-parent", "--ro-bind", "/usr", "/usr");
  for (const entry of spec.layout.rootEntries) {
    if (entry.symlinkTo !== null) args.push("--symlink", entry.symlinkTo, `/${entry.name}`);
    else args.push("--ro-bind", `/${entry.name}`, `/${entry.name}`);
  }
  for (const file of spec.layout.etcFiles) args.push("--ro-bind", file, file);
  args.push("--proc", "/proc");
  for (const file of spec.layout.maskedProcFiles) args.push("--ro-bind", "/dev/null", file);
  for (const device of DEVICES) args.push("--dev-bind", device, device);
  args.push("--symlink", "/proc/self/fd", "/dev/fd");
  for (const [fd, name] of ["stdin", "stdout", "stderr"].entries()) args.push("--symlink", `/proc/self/fd/${fd}`, `/dev/${name}`);
  args.push("--size", String(spec.tmpBytes), "--tmpfs", "/tmp");
  if (spec.scratch.kind === "host") args.push("--bind", spec.scratch.dir, BOX_DIR);
  else args.push("--size", String(spec.scratch.bytes), "--tmpfs", BOX_DIR);
  for (const bind of spec.binds) args.push("--ro-bind", bind.host, bind.sandbox);
  // The root itself is a bwrap tmpfs: make it read-only so only /box and /tmp take writes.
  args.push("--remount-ro", "/", "--chdir", BOX_DIR, "--clearenv");
  for (const [name, value] of Object.entries(spec.env)) args.push("--setenv", name, value);
  return args;
}
