/**
 * Whether a community's residents or households fall inside its type's size band (standards §1),
 * as core's distanceFromBand measures it.
 */
import { distanceFromBand, type SizeRange } from '../../lib/standards';

export type BandVerdict = 'within' | 'below' | 'above';

export function judgeBand(value: number, band: SizeRange): BandVerdict {
  const distance = distanceFromBand(value, band);
  return distance < 0 ? 'below' : distance > 0 ? 'above' : 'within';
}
