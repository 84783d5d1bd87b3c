/** Open connections per user on this instance, for the per-user cap. */
export class UserConnections {
  private readonly counts = new Map<string, number>();

  /** 0: no limit */
  constructor(private readonly limit: number) {}

  isFull(userId: string): boolean {
    return this.limit > 0 && (this.counts.get(userId) ?? 0) >= this.limit;
  }

  opened(userId: string): void {
    this.counts.set(userId, (this.counts.get(userId) ?? 0) + 1);
  }

  closed(userId: string): void {
    const n = (this.counts.get(userId) ?? 0) - 1;
    if (n > 0) this.counts.set(userId, n);
    else this.counts.delete(userId);
  }
}
