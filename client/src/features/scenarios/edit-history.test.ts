import { describe, expect, it } from 'vitest';
import { EditHistory } from './edit-history';

describe('EditHistory', () => {
  it('undoes and redoes in order, and a new entry drops what was undone', () => {
    const history = new EditHistory<string>();
    expect(history.canUndo).toBe(false);
    expect(history.undo()).toBeUndefined();
    history.push('a');
    history.push('b');
    history.push('c');
    expect(history.entries()).toEqual(['a', 'b', 'c']);
    expect(history.undo()).toBe('c');
    expect(history.undo()).toBe('b');
    expect(history.entries()).toEqual(['a']);
    expect(history.canRedo).toBe(true);
    expect(history.undoneEntries()).toEqual(['c', 'b']);
    expect(history.redo()).toBe('b');
    expect(history.entries()).toEqual(['a', 'b']);
    history.push('d');
    expect(history.canRedo).toBe(false);
    expect(history.redo()).toBeUndefined();
    expect(history.entries()).toEqual(['a', 'b', 'd']);
  });

  it('clears both stacks', () => {
    const history = new EditHistory<number>();
    history.push(1);
    history.push(2);
    history.undo();
    history.clear();
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(false);
    expect(history.entries()).toEqual([]);
  });
});
