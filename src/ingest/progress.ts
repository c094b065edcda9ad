/**
 * Progress of a long batch: a redrawn bar on a terminal (documents, docs/s, ETA, failures),
 * plain log lines every few seconds when stderr is a file or a pipe.
 */
import type { Writable } from 'node:stream';

export interface ProgressCounts {
  done: number;
  failed: number;
  skipped: number;
  /** total documents, once the input has been read to the end */
  total: number | null;
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastLog = 0;
  private drawn = false;
  private counts: ProgressCounts = { done: 0, failed: 0, skipped: 0, total: null };
  readonly tty: boolean;

  constructor(
    private readonly out: Writable & { isTTY?: boolean; columns?: number },
    private readonly label = 'ingest',
    options: { tty?: boolean; logEverySeconds?: number; enabled?: boolean } = {},
  ) {
    this.tty = options.tty ?? !!out.isTTY;
    this.logEvery = (options.logEverySeconds ?? 5) * 1000;
    this.enabled = options.enabled ?? true;
  }

  private readonly logEvery: number;
  private readonly enabled: boolean;

  /** seconds since the start */
  elapsed(): number {
    return (performance.now() - this.started) / 1000;
  }

  rate(): number {
    const s = this.elapsed();
    return s > 0 ? this.counts.done / s : 0;
  }

  line(): string {
    const { done, failed, skipped, total } = this.counts;
    const processed = done + failed + skipped;
    const rate = this.rate();
    const eta = total !== null && rate > 0 ? formatDuration((total - processed) / Math.max(rate, 1e-9)) : '?';
    const of = total !== null ? `/${total}` : '';
    const extra = `${failed ? `  ${failed} failed` : ''}${skipped ? `  ${skipped} skipped` : ''}`;
    return `${processed}${of} docs  ${rate.toFixed(1)} docs/s  ETA ${eta}${extra}`;
  }

  update(counts: ProgressCounts, force = false): void {
    this.counts = counts;
    if (!this.enabled) return;
    const now = performance.now();
    if (this.tty) {
      if (!force && now - this.lastDraw < 100) return;
      this.lastDraw = now;
      const { done, failed, skipped, total } = counts;
      const cols = this.out.columns ?? 100;
      const line = this.line();
      // the bar takes what the numbers leave of the line, between 10 and 24 cells
      const width = Math.max(10, Math.min(24, cols - line.length - this.label.length - 5));
      const frac = total ? Math.min(1, (done + failed + skipped) / total) : 0;
      const filled = Math.round(frac * width);
      const bar = total ? `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ` : '';
      const text = `${this.label} ${bar}${line}`;
      this.out.write(`\r\x1b[2K${text.slice(0, cols - 1)}`);
      this.drawn = true;
    } else if (force || now - this.lastLog >= this.logEvery) {
      this.lastLog = now;
      this.out.write(`${this.label}: ${this.line()}\n`);
    }
  }

  /** Before printing a message line on a terminal, clear the bar (it is redrawn on the next update). */
  clear(): void {
    if (this.tty && this.drawn) {
      this.out.write('\r\x1b[2K');
      this.drawn = false;
    }
  }

  finish(): void {
    if (!this.enabled) return;
    if (this.tty) {
      this.update(this.counts, true);
      this.out.write('\n');
    }
  }
}
