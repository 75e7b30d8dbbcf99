/** Latency summaries: nearest-rank percentiles over the samples, in milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

const round = (x: number) => Math.round(x * 100) / 100;

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s[s.length - 1] ?? NaN), mean: round(mean) };
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** Runs `worker(i)` from `concurrency` loops for `seconds`; returns completed operations per second. */
export async function throughput(concurrency: number, seconds: number, worker: (i: number) => Promise<unknown>): Promise<{ ops: number; perSecond: number; seconds: number }> {
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await worker(next++);
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  return { ops: done, perSecond: round(done / elapsed), seconds: round(elapsed) };
}

export const now = () => performance.timeOrigin + performance.now();
