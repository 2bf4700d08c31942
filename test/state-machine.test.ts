import { AppError } from '../src/lib/errors';
import { StateMachine } from '../src/lib/state-machine';

type S = 'pending' | 'completed' | 'archived' | 'canceled';
const machine = new StateMachine<S, 'cancel' | 'archive' | 'capture'>('order', {
  cancel: { except: ['canceled'], to: 'canceled', refusal: 'no cancel', repeated: ['canceled'] },
  archive: { from: ['completed'], to: 'archived', refusal: "Can't archive an unprocessed order" },
  capture: { except: ['canceled'], refusal: 'A canceled order cannot capture payment' },
});

function refusal(fn: () => unknown): AppError {
  try { fn(); } catch (e) { return e as AppError; }
  throw new Error('not refused');
}

describe('state machine', () => {
  test('an allowed action moves to its state', () => {
    expect(machine.check('cancel', 'pending')).toEqual({ to: 'canceled', changed: true });
    expect(machine.check('archive', 'completed')).toEqual({ to: 'archived', changed: true });
  });

  test('a guard-only action keeps the state', () => {
    expect(machine.check('capture', 'pending')).toEqual({ to: 'pending', changed: false });
  });

  test('a forbidden action is 400 not_allowed with the refusal', () => {
    const e = refusal(() => machine.check('archive', 'pending'));
    expect(e).toBeInstanceOf(AppError);
    expect([e.type, e.message]).toEqual(['not_allowed', "Can't archive an unprocessed order"]);
    expect(refusal(() => machine.check('capture', 'canceled')).message).toBe('A canceled order cannot capture payment');
    expect(machine.can('archive', 'canceled')).toBe(false);
  });

  test('a repeated action succeeds without change', () => {
    expect(machine.check('cancel', 'canceled')).toEqual({ to: 'canceled', changed: false });
    expect(machine.can('cancel', 'canceled')).toBe(true);
  });

  test('extend adds actions and keeps the others', () => {
    const more = machine.extend({ complete: { except: ['canceled'], to: 'completed', refusal: 'A canceled order cannot be completed' } });
    expect(more.check('complete', 'pending').to).toBe('completed');
    expect(more.check('cancel', 'pending').to).toBe('canceled');
    expect(refusal(() => more.check('complete', 'canceled')).message).toBe('A canceled order cannot be completed');
  });
});
