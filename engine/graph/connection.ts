import neo4j, { type Driver } from 'neo4j-driver';

/** Where the graph lives. Either a remote server (NEO4J_URI) or the embedded default on loopback. */
export interface GraphTarget {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

/** The remote target named by the environment, or undefined when the embedded default applies. */
export function remoteTargetFromEnv(env: NodeJS.ProcessEnv = process.env): GraphTarget | undefined {
  if (!env.NEO4J_URI) return undefined;
  return { uri: env.NEO4J_URI, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD, database: env.NEO4J_DATABASE };
}

export function createDriver(target: GraphTarget): Driver {
  const auth = target.password ? neo4j.auth.basic(target.user ?? 'neo4j', target.password) : undefined;
  return neo4j.driver(target.uri, auth, {
    // Integers come back as JS numbers: every count and id in this graph is far below 2^53.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 10_000,
    // Fail fast when the server is gone so the API can answer 503 quickly instead of hanging.
    connectionTimeout: 3_000,
    // Graph retries transient errors itself, briefly; the driver's retry (1 s, 2 s, … backoff) would
    // hold every request for seconds while the server is down.
    maxTransactionRetryTime: 0,
  });
}
