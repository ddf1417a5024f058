import { randomUUID } from 'node:crypto';

/** Primary keys are UUIDs made by the application, so rows can be built before they are stored. */
export const newId = (): string => randomUUID();
