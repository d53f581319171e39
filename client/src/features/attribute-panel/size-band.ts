/**
 * Whether a community's residents or households fall inside its type's size band (standards §1).
 */
import type { SizeRange } from '../../lib/standards';

export type BandVerdict = 'within' | 'below' | 'above';

export function judgeBand(value: number, band: SizeRange): BandVerdict {
  if (band.min !== null && value < band.min) return 'below';
  if (band.max !== null && value > band.max) return 'above';
  return 'within';
}
