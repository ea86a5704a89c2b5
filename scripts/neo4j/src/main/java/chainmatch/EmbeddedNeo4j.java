package chainmatch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded, reachable only over Bolt on loopback.
 *
 * Arguments: HOME_DIR BOLT_PORT PAGECACHE_MB [--exit-with-parent]. Prints exactly one readiness line
 * ("CHAINMATCH_NEO4J_READY bolt://127.0.0.1:PORT") when the default database accepts work, and
 * stays up until the process is signalled; the shutdown hook flushes and closes the store so a
 * SIGTERM never leaves it needing recovery. Failures print one "CHAINMATCH_NEO4J_ERROR ..." line
 * that the Node side shows to the user instead of a Java stack trace. With --exit-with-parent the
 * database shuts down cleanly when its standard input closes, i.e. when the Node process that
 * started it dies, even by SIGKILL, so no orphan JVM keeps holding the store lock.
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.out.println("CHAINMATCH_NEO4J_ERROR usage: EmbeddedNeo4j HOME_DIR BOLT_PORT PAGECACHE_MB");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    long pageCacheMb = Long.parseLong(args[2]);
    Files.createDirectories(home);

    DatabaseManagementService dbms;
    try {
      dbms = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, true)
          .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
          // Loopback only, so auth stays off (the embedded default); remote servers use NEO4J_URI.
          .setConfig(GraphDatabaseSettings.auth_enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
          // Without this every new transaction log is pre-filled to 256 MB on disk.
          .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
          .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
          // Bolt otherwise waits 5 s twice for idle connections on shutdown, after the store is
          // already checkpointed and closed; one second is plenty on loopback.
          .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
          .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
          .build();
    } catch (Throwable e) {
      System.out.println("CHAINMATCH_NEO4J_ERROR " + describe(e, home));
      System.out.flush();
      System.exit(3);
      return;
    }
    final DatabaseManagementService service = dbms;
    Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));

    try {
      // Opening the default database forces recovery and start-up to finish before we say ready.
      service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    } catch (Throwable e) {
      System.out.println("CHAINMATCH_NEO4J_ERROR " + describe(e, home));
      System.out.flush();
      System.exit(3);
    }
    if (args.length > 3 && args[3].equals("--exit-with-parent")) {
      Thread watcher = new Thread(() -> {
        try {
          while (System.in.read() != -1) { /* ignore input; wait for EOF */ }
        } catch (Exception ignored) {
          // A broken pipe means the parent is gone too.
        }
        System.exit(0);
      }, "parent-watcher");
      watcher.setDaemon(true);
      watcher.start();
    }
    System.out.println("CHAINMATCH_NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
    Thread.currentThread().join();
  }

  /** Turns the usual start-up failures into one sentence a person can act on. */
  private static String describe(Throwable e, Path home) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append(" | ");
    String text = all.toString();
    if (text.contains("Another process") || text.contains("FileLock") || text.contains("lock")) {
      return "the data folder " + home + " is in use by another Neo4j process; stop it or choose another NEO4J_DATA_DIR";
    }
    if (text.contains("Address already in use") || text.contains("BindException")) {
      return "the Bolt port is already in use; set NEO4J_BOLT_PORT to a free port";
    }
    return text;
  }
}
