import { standardsOperations } from '../../../contract/standards.js';
import { profileCatalogues } from '../../../core/standards/catalogue.js';
import { implement } from '../http/operation-binding.js';

/** The standards profiles with their documents and rules: the same for every region and request. */
export function standardsRoutes() {
  const catalogues = profileCatalogues();
  return [implement(standardsOperations.profiles, () => catalogues)];
}
