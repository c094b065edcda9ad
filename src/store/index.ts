export { openStore, contentHash, DEFAULT_DB, SqlStore, NotFound, BadRequest } from './store.js';
export type * from './types.js';
export { Resolver, memberRef, type Member, type Decision, type Link } from './identity.js';
export { foldName, translit, skeleton, nameKey, parsePersonName, sameNameToken } from './names.js';
export { ExportReader, type ExportScope, type ExportDocument, type ExportIdentity, type ExportRelation, type ExportEvent } from './export.js';
