import { LightningElement, api } from "lwc";

type RunSummary = Apex.RunHistoryService.RunSummary;

const DAY_MS = 24 * 60 * 60 * 1000;
const WIDTH = 600;
const HEIGHT = 180;
const LEFT = 32;
const BOTTOM = 24;
const TOP = 12;
const FAILED = new Set(["Failed", "Aborted"]);

interface Bucket {
  key: string;
  label: string;
  runs: number;
  failures: number;
}

interface Bar extends Bucket {
  x: string;
  width: string;
  runsY: string;
  runsHeight: string;
  failuresY: string;
  failuresHeight: string;
  labelX: string;
  showLabel: boolean;
  tooltip: string;
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", timeZone: "UTC" });

/** A run counts as a failure when it failed outright or any of its records failed. */
function hasFailures(run: RunSummary): boolean {
  return FAILED.has(run.status ?? "") || (run.failed ?? 0) > 0;
}

/**
 * Runs and runs with failures per day (UTC) as an SVG bar chart drawn by the template, with a title and a
 * description for screen readers and a data table for anyone who prefers numbers to bars.
 */
export default class TandemRunChart extends LightningElement {
  @api runs: RunSummary[] = [];
  /** Days shown, ending today. */
  @api days = 14;

  showTable = false;

  readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  readonly axisX1 = String(LEFT);
  readonly axisX2 = String(WIDTH);
  readonly axisY = String(HEIGHT - BOTTOM);
  readonly topY = String(TOP + 4);
  readonly labelY = String(HEIGHT - 6);
  readonly scaleX = String(LEFT - 6);

  get dayCount(): number {
    const days = Math.floor(Number(this.days));
    return Number.isFinite(days) && days > 0 ? Math.min(days, 90) : 14;
  }

  /** One bucket per UTC day, oldest first; runs outside the window are left out. */
  get buckets(): Bucket[] {
    const today = Math.floor(Date.now() / DAY_MS);
    const first = today - this.dayCount + 1;
    const buckets: Bucket[] = [];
    for (let day = first; day <= today; day++) {
      const date = new Date(day * DAY_MS);
      buckets.push({ key: date.toISOString().slice(0, 10), label: dayFormat.format(date), runs: 0, failures: 0 });
    }
    for (const run of this.runs ?? []) {
      const when = Date.parse(run.createdDate ?? run.startedAt ?? "");
      if (Number.isNaN(when)) continue;
      const bucket = buckets[Math.floor(when / DAY_MS) - first];
      if (!bucket) continue;
      bucket.runs++;
      if (hasFailures(run)) bucket.failures++;
    }
    return buckets;
  }

  get maxRuns(): number {
    return Math.max(1, ...this.buckets.map((bucket) => bucket.runs));
  }

  get bars(): Bar[] {
    const buckets = this.buckets;
    const plotHeight = HEIGHT - BOTTOM - TOP;
    const slot = (WIDTH - LEFT) / buckets.length;
    const width = Math.max(2, slot * 0.7);
    const labelEvery = Math.ceil(buckets.length / 7);
    const scale = (value: number) => (value / this.maxRuns) * plotHeight;
    return buckets.map((bucket, index) => {
      const x = LEFT + index * slot + (slot - width) / 2;
      const runsHeight = scale(bucket.runs);
      const failuresHeight = scale(bucket.failures);
      return {
        ...bucket,
        x: x.toFixed(1),
        width: width.toFixed(1),
        runsY: (HEIGHT - BOTTOM - runsHeight).toFixed(1),
        runsHeight: runsHeight.toFixed(1),
        failuresY: (HEIGHT - BOTTOM - failuresHeight).toFixed(1),
        failuresHeight: failuresHeight.toFixed(1),
        labelX: (x + width / 2).toFixed(1),
        showLabel: index % labelEvery === labelEvery - 1 || index === buckets.length - 1,
        tooltip: `${bucket.label}: ${bucket.runs} runs, ${bucket.failures} with failures`,
      };
    });
  }

  get chartTitle(): string {
    return `Sync runs per day, last ${this.dayCount} days`;
  }

  /** The chart in words: totals and the busiest day. */
  get chartDescription(): string {
    const buckets = this.buckets;
    const runs = buckets.reduce((sum, bucket) => sum + bucket.runs, 0);
    const failures = buckets.reduce((sum, bucket) => sum + bucket.failures, 0);
    const range = `From ${buckets[0]?.label} to ${buckets[buckets.length - 1]?.label}`;
    if (runs === 0) return `${range}: no runs.`;
    const busiest = buckets.reduce((best, bucket) => (bucket.runs > best.runs ? bucket : best));
    return `${range}: ${runs} runs, ${failures} with failures. Busiest day ${busiest.label} with ${busiest.runs} runs.`;
  }

  get maxLabel(): string {
    return String(this.maxRuns);
  }

  get tableToggleLabel(): string {
    return this.showTable ? "Hide data table" : "Show data table";
  }

  get tableTogglePressed(): string {
    return String(this.showTable);
  }

  handleToggleTable(): void {
    this.showTable = !this.showTable;
  }
}
