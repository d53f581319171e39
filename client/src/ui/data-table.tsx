/**
 * A table of figures: numbers right-aligned in tabular digits (cells and headers with
 * `className="num"`), a total row in `<tfoot>`. `data-*` attributes go on the table.
 */
import type { HTMLAttributes, ReactNode } from 'react';
import './data-table.css';

export interface DataTableProps extends Omit<HTMLAttributes<HTMLTableElement>, 'className'> {
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function DataTable({ className, testId, children, ...rest }: DataTableProps) {
  return (
    <table className={`data-table${className ? ` ${className}` : ''}`} data-testid={testId} {...rest}>
      {children}
    </table>
  );
}
