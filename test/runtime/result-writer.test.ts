import { describe, expect, it } from 'vitest';
import type { ResultStore } from '../../functions/core/ports/result-store';
import type { StoredResult } from '../../functions/core/ports/stored-result';
import { ResultWriter } from '../../functions/runtime/result-writer';

function stored(index: number): StoredResult {
  return {
    roundAtMs: 0,
    result: {
      checkId: `check-${index}`,
      kind: 'http',
      region: 'us-east-1',
      target: 'https://example.com/',
      startedAt: '2026-11-02T10:00:00.000Z',
      ok: true,
      degraded: false,
      totalMs: 10,
      phases: { dnsMs: 0, connectMs: 1, tlsMs: 2, ttfbMs: 3, transferMs: 4 },
      assertions: [],
      attempt: 1,
    },
  } as StoredResult;
}

/** A store whose writes end only when the test says so. */
function gatedStore() {
  const pending: { results: StoredResult[]; release: (error?: Error) => void }[] = [];
  const store: Pick<ResultStore, 'putResults'> = {
    putResults: (results) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ results: [...results], release: (error) => (error ? reject(error) : resolve()) });
      }),
  };
  return { store, pending };
}

describe('ResultWriter', () => {
  it('writes full batches as results come, at most `writesInFlight` at once, holding back the producer', async () => {
    const { store, pending } = gatedStore();
    const writer = new ResultWriter({ store, retentionMs: 1, batchSize: 25, writesInFlight: 2 });
    for (let index = 0; index < 50; index++) await writer.add(stored(index));
    expect(pending.map((write) => write.results.length)).toEqual([25, 25]);
    // Both write slots are busy: the next full batch waits, and so does the probe that filled it.
    for (let index = 50; index < 74; index++) await writer.add(stored(index));
    let added = false;
    const adding = writer.add(stored(74)).then(() => {
      added = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(added).toBe(false);
    expect(pending).toHaveLength(2);
    pending[0]?.release();
    await adding;
    expect(pending.map((write) => write.results.length)).toEqual([25, 25, 25]);
    await writer.add(stored(75));
    const closing = writer.close();
    for (const write of pending.slice(1)) write.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending.at(-1)?.release();
    expect(await closing).toEqual([]);
    expect(pending.flatMap((write) => write.results)).toHaveLength(76);
  });

  it('keeps the batches it could not write, with the reason, and writes the others', async () => {
    let calls = 0;
    const store: Pick<ResultStore, 'putResults'> = {
      async putResults() {
        calls += 1;
        if (calls === 2) throw new Error('throttled too long');
      },
    };
    const written: StoredResult[][] = [];
    const writer = new ResultWriter({
      store,
      retentionMs: 1,
      onWritten: (batch) => void written.push(batch),
    });
    for (let index = 0; index < 60; index++) await writer.add(stored(index));
    const unwritten = await writer.close();
    expect(unwritten).toHaveLength(1);
    expect(unwritten[0]?.results).toHaveLength(25);
    expect(String(unwritten[0]?.error)).toContain('throttled too long');
    expect(written.map((batch) => batch.length).sort()).toEqual([10, 25]);
  });

  it('writes what is buffered when flushed (a round ended), without waiting for a batch to fill', async () => {
    const { store, pending } = gatedStore();
    const writer = new ResultWriter({ store, retentionMs: 1 });
    for (let index = 0; index < 3; index++) await writer.add(stored(index));
    expect(pending).toEqual([]);
    await writer.flush();
    expect(pending.map((write) => write.results.length)).toEqual([3]);
    pending[0]?.release();
    expect(await writer.close()).toEqual([]);
  });
});
