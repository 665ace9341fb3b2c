import type { AlertKind } from '../core/alerting/alert-kind';
import type { AlertState } from '../core/alerting/alert-state';
import { newAlertState } from '../core/alerting/new-alert-state';
import type { Transition } from '../core/alerting/transition';
import type { ReadConsistency } from '../core/ports/alert-state-store';
import type { EvaluationDeps } from './evaluation-deps';

/** How many times a change is recomputed when another evaluator wrote the same alert first. */
const maxConflicts = 8;

/**
 * The alert states of one check, read once and kept current. `update` recomputes a change from the
 * freshest state until its conditional write wins, so concurrent evaluators never apply one transition twice.
 */
export class AlertBook {
  private states = new Map<string, AlertState>();

  private constructor(
    private readonly deps: EvaluationDeps,
    private readonly checkId: string,
  ) {}

  /**
   * Reads the check's alert states, eventually consistent (half the read units): a state a second stale only
   * makes its next conditional write fail, and `update` then reads again, strongly.
   */
  static async open(deps: EvaluationDeps, checkId: string): Promise<AlertBook> {
    const book = new AlertBook(deps, checkId);
    await book.reload('eventual');
    return book;
  }

  /** The states read so far. */
  all(): AlertState[] {
    return [...this.states.values()];
  }

  /** The state of one alert, or a fresh one if it never fired. */
  get(key: string, kind: AlertKind): AlertState {
    return this.states.get(key) ?? newAlertState(this.checkId, key, kind, this.deps.now());
  }

  /**
   * Applies `compute` to the alert's current state and writes the transition's state conditionally, retrying
   * on conflict; once written, records the events it silenced.
   */
  async update(
    key: string,
    kind: AlertKind,
    compute: (state: AlertState) => Transition,
  ): Promise<AlertState> {
    for (let conflict = 0; conflict < maxConflicts; conflict += 1) {
      const current = this.get(key, kind);
      const transition = compute(current);
      if (transition.state === current) return current;
      const next = { ...transition.state, version: current.version + 1 };
      if (await this.deps.store.saveAlertState(next)) {
        this.states.set(key, next);
        for (const event of transition.silencedEvents) {
          await this.deps.store.recordEvent(event, this.deps.monitor.retentionMs);
        }
        return next;
      }
      await this.reload();
    }
    throw new Error(`alert ${this.checkId}/${key} kept changing under ${maxConflicts} attempts to update it`);
  }

  /** Reads the states again: strongly consistent by default, after another writer changed them. */
  async reload(consistency: ReadConsistency = 'strong'): Promise<void> {
    const states = await this.deps.store.alertStates(this.checkId, consistency);
    this.states = new Map(states.map((state) => [state.key, state]));
  }
}
