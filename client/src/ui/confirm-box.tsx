/** Asks before something that cannot be undone (deleting a scenario, dropping pending edits). */
import type { ReactNode } from 'react';
import { Button } from './button';
import './confirm-box.css';

export interface ConfirmBoxProps {
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The dialog's accessible name, when the message alone does not give one. */
  label?: string;
  confirmTestId?: string;
}

export function ConfirmBox({
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  label,
  confirmTestId,
}: ConfirmBoxProps) {
  return (
    <div className="confirm-box" role="alertdialog" aria-label={label}>
      <p>{message}</p>
      <div className="button-row">
        <Button variant="danger" onClick={onConfirm} testId={confirmTestId}>
          {confirmLabel}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </div>
  );
}
