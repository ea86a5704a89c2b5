import cliProgress from 'cli-progress';

/** A terminal progress bar with rows per second, as a loader onProgress callback. */
export function progressBar(title: string): { update: (done: number, total: number) => void; stop: () => void } {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s`, hideCursor: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    update(done, total) {
      if (!running) {
        bar.start(total, 0, { rate: 0 });
        running = true;
      }
      bar.update(done, { rate: Math.round((done / Math.max(Date.now() - started, 1)) * 1000) });
    },
    stop: () => bar.stop(),
  };
}
