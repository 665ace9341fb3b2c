/**
 * How busy the event loop may be (the share of time it runs callbacks rather than waiting for I/O) before the
 * next probe waits to start.
 */
const targetUtilization = 0.5;
/** The utilization is smoothed over about this long, ms. */
const smoothingMs = 5;
/** What one more probe is assumed to add to the utilization until the loop's own figure shows it. */
const assumedUtilizationPerProbe = 0.1;
/** How often waiting probes are looked at, ms. */
const pumpIntervalMs = 1;

const waiting: (() => void)[] = [];
let inFlight = 0;
let utilization = 0;
let lastSample = performance.eventLoopUtilization();
let pumpScheduled = false;

function sampleUtilization(): void {
  const sample = performance.eventLoopUtilization();
  const delta = performance.eventLoopUtilization(sample, lastSample);
  lastSample = sample;
  const elapsedMs = delta.idle + delta.active;
  if (elapsedMs <= 0) return;
  const weight = Math.min(1, elapsedMs / smoothingMs);
  utilization += weight * (delta.utilization - utilization);
}

function admitNext(): void {
  const next = waiting.shift();
  if (!next) return;
  inFlight += 1;
  utilization += assumedUtilizationPerProbe;
  next();
}

function pump(): void {
  pumpScheduled = false;
  sampleUtilization();
  while (waiting.length > 0 && (inFlight === 0 || utilization < targetUtilization)) admitNext();
  if (waiting.length > 0) schedulePump();
}

function schedulePump(): void {
  if (pumpScheduled) return;
  pumpScheduled = true;
  setTimeout(pump, pumpIntervalMs);
}

/**
 * Waits until this process's event loop has room for one more probe, before the probe's clock starts; resolves with
 * the function that says the probe is over. One thread runs every probe's callbacks, so a phase ends when its
 * event is handled, not when its bytes arrived: with 50 HTTPS probes started at once, each handshake's CPU work
 * queued behind the others' and the TLS phase read twice what blackbox_exporter reported. So a probe starts only
 * while the loop is busy less than half the time (`performance.eventLoopUtilization`, smoothed over 5 ms), and
 * starts are spread over loop turns rather than made at once; a probe with none in flight starts at once.
 * Waiting here is Lookout's, so it is in no phase and not under the probe's timeout; each result's
 * `eventLoopDelayMs` shows what stalls remain.
 *
 * Cost: nothing while a round's probes fit in the loop's spare time. When the probe function's CPU is the limit,
 * the round takes longer, and Lambda bills that: measured on 2 vCPU at 50 probes in flight against a 50 ms target,
 * about 0.7 ms more per HTTP probe and 2.8 ms more per HTTPS probe than starting them all at once, at most about
 * $0.002 per check-month per region at one probe a minute and 1024 MB. Memory buys CPU back up to one full vCPU
 * (1,769 MB), all that one thread uses.
 */
export function admitProbe(): Promise<() => void> {
  return new Promise((resolve) => {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      if (waiting.length > 0) schedulePump();
    };
    waiting.push(() => resolve(release));
    if (inFlight === 0 && waiting.length === 1) {
      sampleUtilization();
      admitNext();
    } else {
      schedulePump();
    }
  });
}
