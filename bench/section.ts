/** One benchmark of `npm run bench`: prints its own table, returns its figures for the JSON. */
export interface BenchSection {
  name: string;
  run(): Promise<Record<string, unknown>>;
}
