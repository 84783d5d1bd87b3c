// The parser only: saving needs the database client (its own entry, "@judge/problem-package/store"),
// so that parsing a package works, and is tested, without a generated Prisma client.
export { PackageError } from "./errors.ts";
export { filesFromDirectory, filesFromZip, MAX_PACKAGE_BYTES, type PackageFiles } from "./package-files.ts";
export { packageSubmissionsOf, type PackageSubmission } from "./package-submissions.ts";
export { parseKattisPackage, type ImportOptions } from "./kattis.ts";
export { FUNCTION_FILE_FORMAT, FunctionProblemFile, FunctionFileTest, checkFunctionTests, parseFunctionFile } from "./function-file.ts";
export { kattisLanguages, languageOfSubmission } from "./kattis-languages.ts";
export { statementFilesOf, contentTypeOf, type StatementFile } from "./statement-files.ts";
