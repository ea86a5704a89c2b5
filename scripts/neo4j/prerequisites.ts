import { spawnSync } from 'node:child_process';
import { SetupError } from '../../engine/index.ts';

const howToFix =
  'Install a JDK 17+ and Maven (Debian: apt-get install -y openjdk-17-jdk-headless maven), ' +
  'or point NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) at a running Neo4j 5 server.';

export function javaCommand(): string {
  return process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
}

/** The major version of the Java runtime, or a SetupError saying what is missing and how to fix it. */
export function checkJava(): number {
  const probe = spawnSync(javaCommand(), ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new SetupError(`Java was not found (tried "${javaCommand()}"). The embedded Neo4j needs Java 17 or newer. ${howToFix}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr + probe.stdout);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) throw new SetupError(`Java ${major || '(unknown version)'} was found, but the embedded Neo4j 5.26 needs Java 17 or newer. ${howToFix}`);
  return major;
}

export function checkMaven(): void {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new SetupError(`Maven ("mvn") was not found; it resolves Neo4j from Maven Central on first start. ${howToFix}`);
  }
}
