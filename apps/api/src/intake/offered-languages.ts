import type { FleetRegistry } from "@judge/live-state";
import type { LanguageInfo } from "@judge/protocol";

/**
 * The languages the fleet offers, as the accept path checks them: read from Redis at most
 * once per `ttlMs` in this process, so most submissions skip that round trip (issue #15).
 * Only a hit is trusted: a language missing from the cached list is looked up again at once,
 * so a worker that just came up is seen immediately. A language whose last worker left stays
 * accepted for at most `ttlMs`; its submission then waits in the queue (and is counted by
 * admission) like one sent just before that worker stopped, so nothing is dropped.
 */
export class OfferedLanguages {
  private cached: { languages: LanguageInfo[]; readAt: number } | undefined;
  /** One read shared by the requests that miss at the same moment. */
  private reading: Promise<LanguageInfo[]> | undefined;

  constructor(
    private readonly fleet: FleetRegistry,
    /** ms; 0 reads Redis every time */
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `offered` is true when some live worker judges `language`; `languages` is the list the
   * answer came from (fresh whenever `offered` is false), for the 400's details.
   */
  async check(language: string): Promise<{ offered: boolean; languages: LanguageInfo[] }> {
    const cached = this.cached;
    if (cached && this.now() - cached.readAt < this.ttlMs && cached.languages.some((l) => l.id === language)) {
      return { offered: true, languages: cached.languages };
    }
    const languages = await this.read();
    return { offered: languages.some((l) => l.id === language), languages };
  }

  private read(): Promise<LanguageInfo[]> {
    if (this.reading) return this.reading;
    const readAt = this.now();
    const reading = this.fleet
      .languages()
      .then((languages) => {
        this.cached = { languages, readAt };
        return languages;
      })
      .finally(() => {
        if (this.reading === reading) this.reading = undefined;
      });
    this.reading = reading;
    return reading;
  }
}
