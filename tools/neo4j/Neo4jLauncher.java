// Starts the real Neo4j 5.26 Community DBMS in-process with Bolt on a loopback port, for tests and CI.
// Usage: java <flags> -cp 'classes:lib/*' Neo4jLauncher HOME HOST PORT [PASSWORD]
// (tools/neo4j/neo4j_server.py runs it). Without PASSWORD auth is off; with it, auth is on and
// the neo4j user's password is set to it (read from the environment variable it names).
// Prints "NEO4J_READY bolt://HOST:PORT" once the default database answers; SIGTERM shuts it down cleanly.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

public class Neo4jLauncher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: Neo4jLauncher HOME HOST PORT [PASSWORD_ENV_VAR]");
            System.exit(64);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(home);
        SocketAddress bolt = new SocketAddress(args[1], Integer.parseInt(args[2]));
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, args.length == 4)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 256L << 20)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stopped.countDown();
            System.out.println("NEO4J_STOPPED");
            System.out.flush();
        }));
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(120_000)) {
            System.out.println("NEO4J_FAILED database did not become available in 120 s");
            System.out.flush();
            System.exit(2);
        }
        if (args.length == 4) {
            String password = System.getenv(args[3]);
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                        java.util.Map.of("password", password));
            } catch (org.neo4j.graphdb.QueryExecutionException e) {
                // A restart on the same home: the password was set by the first start.
                if (!e.getMessage().contains("cannot be the same")) {
                    throw e;
                }
            }
        }
        System.out.println("NEO4J_READY bolt://" + args[1] + ":" + args[2]);
        System.out.flush();
        stopped.await();
    }
}
