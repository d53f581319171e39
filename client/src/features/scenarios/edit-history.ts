/**
 * Undo and redo over the pending (unsaved) edits of a scenario: a stack of applied entries and a
 * stack of undone ones. Applying a new entry forgets what was undone, as in every editor.
 */
export class EditHistory<T> {
  private readonly applied: T[] = [];
  private readonly undone: T[] = [];

  /** Entries applied and not undone, oldest first (what Save sends). */
  entries(): readonly T[] {
    return this.applied;
  }

  get canUndo(): boolean {
    return this.applied.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** Entries that redo would bring back, the next one last. */
  undoneEntries(): readonly T[] {
    return this.undone;
  }

  push(entry: T): void {
    this.applied.push(entry);
    this.undone.length = 0;
  }

  /** Takes the last applied entry back; returns it, or undefined when there is none. */
  undo(): T | undefined {
    const entry = this.applied.pop();
    if (entry !== undefined) this.undone.push(entry);
    return entry;
  }

  /** Applies the last undone entry again; returns it, or undefined when there is none. */
  redo(): T | undefined {
    const entry = this.undone.pop();
    if (entry !== undefined) this.applied.push(entry);
    return entry;
  }

  /** Forgets everything (after a save or a reload). */
  clear(): void {
    this.applied.length = 0;
    this.undone.length = 0;
  }
}
