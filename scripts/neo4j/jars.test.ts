import { describe, expect, it } from 'vitest';
import { downloadedBytes } from './jars.ts';

describe('what Maven downloaded', () => {
  it('reads the size of every downloaded artifact, with or without the [INFO] prefix, and nothing else', () => {
    expect(
      downloadedBytes(
        '[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.0/neo4j-kernel-5.26.0.jar (12 MB at 8.1 MB/s)',
      ),
    ).toBe(12e6);
    expect(downloadedBytes('Downloaded from central: https://repo/x.pom (3.2 kB at 40 kB/s)')).toBe(3200);
    expect(downloadedBytes('[INFO] Downloading from central: https://repo/x.jar')).toBeNull();
    expect(downloadedBytes('[INFO] BUILD SUCCESS')).toBeNull();
  });
});
