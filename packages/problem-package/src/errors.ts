/** A package that cannot become a problem: the message names the problem and the file. */
export class PackageError extends Error {
  readonly code = "BAD_PACKAGE" as const;

  constructor(
    readonly problem: string,
    readonly file: string | null,
    reason: string,
  ) {
    super(`problem "${problem}"${file === null ? "" : `, ${file}`}: ${reason}`);
    this.name = "PackageError";
  }
}
