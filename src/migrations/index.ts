import { InitialSchema1764288000000 } from './1764288000000-InitialSchema';

/** Every migration, oldest first: the only way the schema changes. */
export const MIGRATIONS = [InitialSchema1764288000000];
