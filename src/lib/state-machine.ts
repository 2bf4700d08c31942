import { notAllowed } from './errors';

/**
 * A transition table: for each action, the states it may start from (or the states it may not),
 * the state it leads to (none: the action keeps the state, it is only guarded), Medusa's refusal
 * and the states in which repeating it is a harmless no-op (a second cancel answers 200 and
 * changes nothing). Tables are data: returns, swaps, claims and edits extend them with `extend`.
 */
export interface Rule<S extends string> {
  /** States the action may start from; omitted: any state not in `except`. */
  from?: readonly S[];
  except?: readonly S[];
  to?: S;
  refusal: string;
  /** States where the action was already done: it succeeds and changes nothing. */
  repeated?: readonly S[];
}

export interface Move<S extends string> { to: S; changed: boolean }

export class StateMachine<S extends string, A extends string> {
  constructor(readonly name: string, readonly table: Readonly<Record<A, Rule<S>>>) {}

  /** Whether `action` may run in `state` (a repeat counts as allowed). */
  can(action: A, state: S): boolean {
    const rule = this.table[action];
    if (rule.repeated?.includes(state)) return true;
    if (rule.from && !rule.from.includes(state)) return false;
    return !rule.except?.includes(state);
  }

  /**
   * The state `action` leads to from `state`, and whether anything changes; a forbidden action is
   * 400 `not_allowed` with the rule's refusal, before anything was written.
   */
  check(action: A, state: S): Move<S> {
    const rule = this.table[action];
    if (rule.repeated?.includes(state)) return { to: state, changed: false };
    if (!this.can(action, state)) throw notAllowed(rule.refusal);
    const to = rule.to ?? state;
    return { to, changed: to !== state };
  }

  /** A machine with more actions (or actions overridden), for the domains that build on this one. */
  extend<B extends string>(more: Readonly<Record<B, Rule<S>>>): StateMachine<S, A | B> {
    return new StateMachine<S, A | B>(this.name, { ...this.table, ...more } as Record<A | B, Rule<S>>);
  }
}
