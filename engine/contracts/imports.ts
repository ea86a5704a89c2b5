/**
 * The words of the import contract: what can be imported and where a job stands. Declared here, where the
 * request and response schemas read them; the importer (engine/import/) takes them from here.
 */

/** What can be imported, in the order a fresh district is best loaded (later ones refer to earlier ones). */
export const importEntities = ['chains', 'universities', 'research-units', 'talent', 'enterprises', 'supply-ties', 'offers', 'demands'] as const;
export type ImportEntity = (typeof importEntities)[number];

export const importJobStates = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type ImportJobState = (typeof importJobStates)[number];

/** Where a job is: waiting, reading and checking the file, attaching firms to segments, writing, or done. */
export const importJobPhases = ['queued', 'checking', 'attach', 'write', 'done'] as const;
export type ImportJobPhase = (typeof importJobPhases)[number];
