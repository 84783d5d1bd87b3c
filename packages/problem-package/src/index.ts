export { PackageError } from "./errors.ts";
export { filesFromDirectory, filesFromZip, MAX_PACKAGE_BYTES, type PackageFiles } from "./package-files.ts";
export { parseKattisPackage, type ImportOptions } from "./kattis.ts";
export { saveProblem } from "./store.ts";
