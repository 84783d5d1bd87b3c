/**
 * THE reviewed table of what the box's seccomp filter denies, for x86_64 (the only architecture
 * the filter is built for: `Sandbox.create` refuses to start elsewhere rather than run a
 * filter whose numbers mean other calls). Everything not listed here is allowed: a judged
 * program needs the rest of the ordinary system-call surface, and 16 runtimes use it in
 * unusual ways (see the README's sandbox section for what each one needed).
 *
 * Numbers are x86_64's (arch/x86/entry/syscalls/syscall_64.tbl); a unit test compares them
 * with the system's <asm/unistd_64.h> where that header is installed.
 *
 * How to change it: add a row with its reason, run the seccomp unit test (it decodes the
 * generated program) and every language's tests (`judge-languages.test.ts` and the per-language
 * files), since a runtime that needs a denied call fails there, not here.
 */

/** What the program sees instead of the call. Never a kill: a refusal is something a runtime can report. */
export type Refusal = "EPERM" | "ENOSYS" | "EAFNOSUPPORT";

export const errnoOf: Record<Refusal, number> = { EPERM: 1, ENOSYS: 38, EAFNOSUPPORT: 97 };

export interface DeniedSyscall {
  name: string;
  /** x86_64 system-call number */
  nr: number;
  refusal: Refusal;
  why: string;
  /**
   * Deny only some calls, decided on the low 32 bits of one argument (every condition here is
   * on an `int` or on flags the kernel reads as 32 bits, so the high half carries nothing).
   * Absent: every call is denied.
   */
  when?:
    | { arg: number; anyBitOf: number; describe: string }
    | { arg: number; notOneOf: readonly number[]; describe: string };
}

/** Namespace flags of clone() and unshare(): CLONE_NEWTIME, NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
export const NAMESPACE_FLAGS = 0x80 | 0x20000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

/** Socket families a judged program or its runtime may use: AF_UNIX, AF_INET, AF_INET6, AF_NETLINK (getifaddrs). */
export const ALLOWED_SOCKET_FAMILIES = [1, 2, 10, 16] as const;

const namespaces = "a new namespace: a user namespace makes the caller root inside it, the first step of most kernel escapes";
const mounts = "changes or inspects the mount tree; the box's mounts are final";
const keyring = "the kernel keyring is shared by uid and by the worker's session keyring: a channel between boxes";

export const deniedSyscalls: readonly DeniedSyscall[] = [
  // Namespaces. clone3 passes its flags in memory, which a BPF filter cannot read: ENOSYS makes
  // glibc, Go, Rust and the JVM fall back to clone(), whose flags the filter does read.
  { name: "clone", nr: 56, refusal: "EPERM", why: namespaces, when: { arg: 0, anyBitOf: NAMESPACE_FLAGS, describe: "with a CLONE_NEW* flag" } },
  { name: "clone3", nr: 435, refusal: "ENOSYS", why: "flags live in memory the filter cannot inspect; callers fall back to clone()" },
  { name: "unshare", nr: 272, refusal: "EPERM", why: namespaces, when: { arg: 0, anyBitOf: NAMESPACE_FLAGS, describe: "with a CLONE_NEW* flag" } },
  { name: "setns", nr: 308, refusal: "EPERM", why: "joins another namespace" },
  // Mounts.
  { name: "mount", nr: 165, refusal: "EPERM", why: mounts },
  { name: "umount2", nr: 166, refusal: "EPERM", why: mounts },
  { name: "pivot_root", nr: 155, refusal: "EPERM", why: mounts },
  { name: "chroot", nr: 161, refusal: "EPERM", why: mounts },
  { name: "open_tree", nr: 428, refusal: "EPERM", why: mounts },
  { name: "move_mount", nr: 429, refusal: "EPERM", why: mounts },
  { name: "fsopen", nr: 430, refusal: "EPERM", why: mounts },
  { name: "fsconfig", nr: 431, refusal: "EPERM", why: mounts },
  { name: "fsmount", nr: 432, refusal: "EPERM", why: mounts },
  { name: "fspick", nr: 433, refusal: "EPERM", why: mounts },
  { name: "mount_setattr", nr: 442, refusal: "EPERM", why: mounts },
  { name: "open_tree_attr", nr: 467, refusal: "EPERM", why: mounts },
  // Keyring.
  { name: "add_key", nr: 248, refusal: "EPERM", why: keyring },
  { name: "request_key", nr: 249, refusal: "EPERM", why: keyring },
  { name: "keyctl", nr: 250, refusal: "EPERM", why: keyring },
  // Large kernel attack surface that no judged program needs.
  { name: "io_uring_setup", nr: 425, refusal: "EPERM", why: "io_uring: a second system-call interface that seccomp cannot see, and a long CVE history" },
  { name: "io_uring_enter", nr: 426, refusal: "EPERM", why: "io_uring (see io_uring_setup)" },
  { name: "io_uring_register", nr: 427, refusal: "EPERM", why: "io_uring (see io_uring_setup)" },
  { name: "bpf", nr: 321, refusal: "EPERM", why: "eBPF programs and maps: verifier bugs are a classic escape" },
  { name: "perf_event_open", nr: 298, refusal: "EPERM", why: "performance counters: kernel attack surface and side channels" },
  { name: "userfaultfd", nr: 323, refusal: "EPERM", why: "stalls kernel page faults at will: widens race windows in exploits" },
  { name: "fanotify_init", nr: 300, refusal: "EPERM", why: "file-access monitoring; nothing in the box to watch" },
  // Other processes' memory and identity. The box's own children are its business, but ptrace is
  // also how a program would patch its own seccomp-filtered children's system calls.
  { name: "ptrace", nr: 101, refusal: "EPERM", why: "process tracing: rewrites a traced process's system calls after the filter" },
  { name: "process_vm_readv", nr: 310, refusal: "EPERM", why: "reads another process's memory" },
  { name: "process_vm_writev", nr: 311, refusal: "EPERM", why: "writes another process's memory" },
  { name: "kcmp", nr: 312, refusal: "EPERM", why: "compares kernel objects of other processes: an information leak" },
  { name: "pidfd_getfd", nr: 438, refusal: "EPERM", why: "steals another process's file descriptor" },
  { name: "process_madvise", nr: 440, refusal: "EPERM", why: "advises on another process's memory" },
  { name: "migrate_pages", nr: 256, refusal: "EPERM", why: "moves another process's pages between NUMA nodes" },
  { name: "move_pages", nr: 279, refusal: "EPERM", why: "moves another process's pages between NUMA nodes" },
  // personality(0xffffffff) only reads the persona, but the set form turns off address-space
  // randomisation (ADDR_NO_RANDOMIZE) for what the program execs next. No runtime here calls it.
  { name: "personality", nr: 135, refusal: "EPERM", why: "disables ASLR and changes how later execs behave" },
  // The machine itself: all need capabilities the box lacks, denied so a capability bug is not enough.
  { name: "kexec_load", nr: 246, refusal: "EPERM", why: "loads a new kernel" },
  { name: "kexec_file_load", nr: 320, refusal: "EPERM", why: "loads a new kernel" },
  { name: "init_module", nr: 175, refusal: "EPERM", why: "loads a kernel module" },
  { name: "finit_module", nr: 313, refusal: "EPERM", why: "loads a kernel module" },
  { name: "delete_module", nr: 176, refusal: "EPERM", why: "unloads a kernel module" },
  { name: "create_module", nr: 174, refusal: "EPERM", why: "obsolete module call" },
  { name: "get_kernel_syms", nr: 177, refusal: "EPERM", why: "obsolete module call" },
  { name: "query_module", nr: 178, refusal: "EPERM", why: "obsolete module call" },
  { name: "swapon", nr: 167, refusal: "EPERM", why: "host swap" },
  { name: "swapoff", nr: 168, refusal: "EPERM", why: "host swap" },
  { name: "reboot", nr: 169, refusal: "EPERM", why: "reboots the host" },
  { name: "acct", nr: 163, refusal: "EPERM", why: "host process accounting" },
  { name: "quotactl", nr: 179, refusal: "EPERM", why: "disk quotas" },
  { name: "quotactl_fd", nr: 443, refusal: "EPERM", why: "disk quotas" },
  { name: "open_by_handle_at", nr: 304, refusal: "EPERM", why: "opens files by handle, bypassing the mount tree (the 'shocker' escape)" },
  { name: "name_to_handle_at", nr: 303, refusal: "EPERM", why: "makes the handles open_by_handle_at takes" },
  { name: "lookup_dcookie", nr: 212, refusal: "EPERM", why: "kernel profiling interface" },
  { name: "syslog", nr: 103, refusal: "EPERM", why: "reads the kernel log: addresses and other tenants' traces" },
  { name: "settimeofday", nr: 164, refusal: "EPERM", why: "sets the host clock" },
  { name: "clock_settime", nr: 227, refusal: "EPERM", why: "sets the host clock" },
  { name: "clock_adjtime", nr: 305, refusal: "EPERM", why: "adjusts the host clock" },
  { name: "adjtimex", nr: 159, refusal: "EPERM", why: "adjusts the host clock (a read-only query is never needed by a judged program)" },
  { name: "iopl", nr: 172, refusal: "EPERM", why: "raw I/O port access" },
  { name: "ioperm", nr: 173, refusal: "EPERM", why: "raw I/O port access" },
  { name: "vhangup", nr: 153, refusal: "EPERM", why: "hangs up a terminal" },
  { name: "sethostname", nr: 170, refusal: "EPERM", why: "the box's hostname is fixed" },
  { name: "setdomainname", nr: 171, refusal: "EPERM", why: "the box's domain name is fixed" },
  { name: "uselib", nr: 134, refusal: "EPERM", why: "obsolete a.out loader with a history of bugs" },
  { name: "_sysctl", nr: 156, refusal: "EPERM", why: "obsolete sysctl interface" },
  { name: "nfsservctl", nr: 180, refusal: "EPERM", why: "obsolete NFS server control" },
  // Sockets: only the families a program or its runtime uses. The others (AF_ALG, AF_VSOCK,
  // AF_TIPC, AF_RDS, AF_PACKET, …) are rarely used code reachable without privileges.
  {
    name: "socket",
    nr: 41,
    refusal: "EAFNOSUPPORT",
    why: "socket families outside unix, inet, inet6 and netlink: rarely used kernel code",
    when: { arg: 0, notOneOf: ALLOWED_SOCKET_FAMILIES, describe: "of another family" },
  },
  {
    name: "socketpair",
    nr: 53,
    refusal: "EAFNOSUPPORT",
    why: "as socket",
    when: { arg: 0, notOneOf: ALLOWED_SOCKET_FAMILIES, describe: "of another family" },
  },
];

/**
 * The highest x86_64 system-call number this table was reviewed against (file_setattr, Linux
 * 6.17). Newer numbers answer ENOSYS, as on an older kernel, so a call added to a future kernel
 * is denied until someone reviews it; every runtime copes, since it must run on older kernels.
 */
export const LAST_REVIEWED_NR = 469;
