package healthkg.neo4j;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j 5 Community for healthkg's tests, driven line by line over standard input.
 *
 * <ul>
 *   <li>{@code start HOME} opens a DBMS on the store in HOME with Bolt on 127.0.0.1 (a free port
 *       the OS picks) and authentication on; answers {@code READY <port>}.
 *   <li>{@code import HOME ARG...} runs {@code neo4j-admin database import full neo4j ARG...} of the
 *       same release into HOME (not started yet); answers {@code IMPORTED} or {@code FAILED <code>}.
 *   <li>{@code stop HOME} shuts that DBMS down (a graph going away under a client); {@code STOPPED}.
 * </ul>
 *
 * <p>Usage: {@code Launcher PASSWORD}. Each line of input gets one line of answer on standard
 * output (logs go to standard error). When standard input ends (the test process ended, however
 * it ended) every DBMS is shut down cleanly and the JVM exits. Community edition allows one user
 * database per DBMS, so the tests start one DBMS per store they need, all in this one JVM.
 */
public final class Launcher {
    private final String password;
    private final Map<Path, DatabaseManagementService> started = new LinkedHashMap<>();

    private Launcher(String password) {
        this.password = password;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Launcher PASSWORD  (then commands on stdin: start HOME | import HOME ARG...)");
            System.exit(2);
        }
        PrintStream answers = System.out;
        // Neo4j's own tools print to stdout; keep that channel for answers only.
        System.setOut(System.err);
        Launcher launcher = new Launcher(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.split("\t");
            String answer;
            try {
                answer = launcher.handle(words);
            } catch (RuntimeException e) {
                e.printStackTrace();
                answer = "FAILED " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
            }
            answers.println(answer);
            answers.flush();
        }
        launcher.shutdown();
    }

    private String handle(String[] words) {
        switch (words[0]) {
            case "start":
                return "READY " + start(Path.of(words[1]).toAbsolutePath());
            case "stop":
                DatabaseManagementService dbms;
                synchronized (started) {
                    dbms = started.remove(Path.of(words[1]).toAbsolutePath());
                }
                if (dbms == null) {
                    return "FAILED not started: " + words[1];
                }
                dbms.shutdown();
                return "STOPPED";
            case "import":
                Path home = Path.of(words[1]).toAbsolutePath();
                List<String> command = new ArrayList<>(List.of("database", "import", "full", "neo4j"));
                command.addAll(Arrays.asList(words).subList(2, words.length));
                ExecutionContext context = new ExecutionContext(
                        home, home.resolve("conf"), System.err, System.err, new DefaultFileSystemAbstraction());
                int code = AdminTool.execute(context, command.toArray(new String[0]));
                return code == 0 ? "IMPORTED" : "FAILED exit code " + code;
            default:
                return "FAILED unknown command " + words[0];
        }
    }

    private int start(Path home) {
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 32L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // Transaction timeouts are enforced when this monitor runs (every 2 s by default):
                // the tests' 50 ms timeouts need it to look more often.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(20))
                .build();
        synchronized (started) {
            started.put(home, dbms);
        }
        // The embedded API runs with full rights, so the initial user gets its password directly
        // (a fresh store's neo4j/neo4j would have to be changed on first login).
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // A store started before already has this password (Neo4j refuses setting it again).
            System.err.println("password not changed: " + e.getMessage());
        }
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        return ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
    }

    private void shutdown() {
        synchronized (started) {
            for (DatabaseManagementService dbms : started.values()) {
                dbms.shutdown();
            }
            started.clear();
        }
    }
}
