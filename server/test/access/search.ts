/** Access-matrix cases for the header's search (see server/test/access-matrix.test.ts). */
import { type AccessCases, ALL, json } from '../access.js';

/** Every signed-in user may search; each kind answers only within the caller's permission and scope (search.test.ts). */
export const searchAccessCases: AccessCases = {
  'GET /api/search': { in: () => json('GET', `/api/search?q=${encodeURIComponent('整改')}`), allow: ALL },
};
