/**
 * The head of a details view (a community, a facility, the community being edited): what it is,
 * its name large (and its other-language name under it), and its type with the type's swatch.
 */
import type { ReactNode } from 'react';
import { Chip } from './chip';
import './details-head.css';

export interface DetailsHeadProps {
  /** What is shown (社区, 公共服务设施…), as a chip. */
  kind: ReactNode;
  /** More chips after the kind (e.g. unsaved changes). */
  chips?: ReactNode;
  name: ReactNode;
  nameTestId: string;
  /** The name in the other language, under the name. */
  subname?: ReactNode;
  /** The type line: a swatch, the type's name, anything after it. */
  type: ReactNode;
}

export function DetailsHead({ kind, chips, name, nameTestId, subname, type }: DetailsHeadProps) {
  return (
    <header className="details-head">
      <Chip>{kind}</Chip>
      {chips}
      <h3 className="details-name" data-testid={nameTestId}>
        {name}
      </h3>
      {subname && <div className="details-subname">{subname}</div>}
      <div className="details-type">{type}</div>
    </header>
  );
}
