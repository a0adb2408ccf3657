package vn.edu.lms.search.engine.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.edu.lms.content.embedded.EmbeddedServiceException;
import vn.edu.lms.content.embedded.Ports;

/**
 * Elasticsearch from the Maven Central distribution, run as a child process on loopback: single
 * node, security off (loopback only, this mode only), its config, data, logs and pid file under
 * the data directory.
 *
 * <p>Never two and never an orphan: the child is told to die with the thread that launched it
 * ({@code setpriv --pdeathsig}), and that thread lives as long as the child; after a {@code kill -9}
 * of the application the next start finds the old child by its pid file and stops it first.
 * Under root it runs as an unprivileged account, since Elasticsearch refuses root.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final Path instance;
    private final URI url;
    private final Process process;
    private final long startedNanos = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedElasticsearch(Path instance, URI url, Process process) {
        this.instance = instance;
        this.url = url;
        this.process = process;
    }

    /**
     * Launches the child and returns at once; {@link #awaitReady(Duration)} waits for it to answer.
     *
     * @param directory where the distribution is unpacked and the node keeps its files
     */
    public static EmbeddedElasticsearch launch(Path directory, EmbeddedSearchProperties settings) {
        Path instance = directory.toAbsolutePath().normalize();
        stopStaleChild(instance);
        Ports.requireFree("Embedded Elasticsearch", settings.port(), "lms.embedded.elasticsearch.port");
        Ports.requireFree("Embedded Elasticsearch (transport)", settings.transportPort(),
            "lms.embedded.elasticsearch.transport-port");
        Path home = ElasticsearchDistribution.unpack(
            ElasticsearchDistribution.locateZip(settings.distribution()), instance.resolve("dist"));
        prepareInstance(home, instance, settings);
        Optional<String> account = RunAs.accountFor(settings.runAsUser());
        account.ifPresent(user -> RunAs.handOver(user, home, instance));

        List<String> command = new ArrayList<>(List.of("setpriv"));
        account.ifPresent(user -> command.addAll(List.of("--reuid=" + user, "--regid=" + user, "--init-groups")));
        command.addAll(List.of("--pdeathsig", "KILL", "--",
            home.resolve("bin/elasticsearch").toString(), "-p", pidFile(instance).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(instance.resolve("logs").toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("logs/console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", instance.resolve("config").toString());
        env.put("ES_TMPDIR", instance.resolve("tmp").toString());
        env.put("ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap() + " -XX:ActiveProcessorCount=2");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("_JAVA_OPTIONS");

        Process process = Supervisor.start(builder, instance);
        URI url = URI.create("http://127.0.0.1:" + settings.port());
        log.info("Embedded Elasticsearch {} starting on {} (pid {}{}, data {})", ElasticsearchDistribution.version(),
            url, process.pid(), account.map(user -> ", as " + user).orElse(""), instance);
        return new EmbeddedElasticsearch(instance, url, process);
    }

    public URI url() {
        return url;
    }

    /** The launcher's process, for tests and for operators reading the logs. */
    public long pid() {
        return process.pid();
    }

    /** Blocks until the cluster reports at least yellow; fails early if the child exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
            .timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new EmbeddedServiceException("Embedded Elasticsearch exited with code " + process.exitValue()
                    + " while starting; see " + instance.resolve("logs/console.log") + ": " + lastLines(5));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log.info("Embedded Elasticsearch ready on {} after {} ms", url,
                        (System.nanoTime() - startedNanos) / 1_000_000);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedServiceException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new EmbeddedServiceException("Embedded Elasticsearch did not answer on " + url + " within "
            + timeout.toSeconds() + " s; see " + instance.resolve("logs/console.log"));
    }

    /** Stops the node gracefully (SIGTERM), then forcibly if it lingers. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                    log.warn("Embedded Elasticsearch did not stop within {} s, killing it", GRACEFUL_STOP.toSeconds());
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        // The server is the launcher's child; make sure it followed.
        readPid(pidFile(instance)).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(EmbeddedElasticsearch::terminate));
        log.info("Embedded Elasticsearch stopped");
    }

    /** A child left by an application that was killed: found by its pid file and stopped. */
    static void stopStaleChild(Path instance) {
        for (Path file : List.of(pidFile(instance), Supervisor.launcherPidFile(instance))) {
            readPid(file).flatMap(ProcessHandle::of)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(instance.toString())).orElse(false))
                .ifPresent(stale -> {
                    log.warn("Stopping Elasticsearch (pid {}) left behind by an earlier run", stale.pid());
                    terminate(stale);
                });
        }
    }

    private static void terminate(ProcessHandle handle) {
        handle.destroy();
        try {
            handle.onExit().get(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            handle.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    static Path pidFile(Path instance) {
        return instance.resolve("elasticsearch.pid");
    }

    static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void prepareInstance(Path home, Path instance, EmbeddedSearchProperties settings) {
        try {
            for (String dir : List.of("config", "data", "logs", "tmp")) {
                Files.createDirectories(instance.resolve(dir));
            }
            // Left when a start was cut short while Elasticsearch created its keystore; it refuses to overwrite it.
            Files.deleteIfExists(instance.resolve("config/elasticsearch.keystore.tmp"));
            try (DirectoryStream<Path> files = Files.newDirectoryStream(home.resolve("config"))) {
                for (Path file : files) {
                    if (Files.isRegularFile(file) && !file.getFileName().toString().equals("elasticsearch.yml")) {
                        Files.copy(file, instance.resolve("config").resolve(file.getFileName()),
                            StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(instance.resolve("config/elasticsearch.yml"), String.join("\n",
                "# Written at every start of the embedded Elasticsearch; edits are overwritten.",
                "cluster.name: lms-embedded",
                "node.name: lms-embedded",
                "path.data: " + instance.resolve("data"),
                "path.logs: " + instance.resolve("logs"),
                "network.host: 127.0.0.1",
                "http.port: " + settings.port(),
                "transport.port: " + settings.transportPort(),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "action.destructive_requires_name: true",
                // Small school servers run with little free disk; do not turn indices read-only for it.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmbeddedServiceException("Embedded Elasticsearch cannot prepare " + instance + ": " + e.getMessage(), e);
        }
    }

    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(instance.resolve("logs/console.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no console log)";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Launches the child from a thread that stays alive exactly as long as the child: the kernel's
     * parent-death signal fires when the launching thread ends, so a short-lived thread would
     * take the child down with it, and a dead JVM takes it down too.
     */
    private static final class Supervisor {

        static Process start(ProcessBuilder builder, Path instance) {
            CompletableFuture<Process> started = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                Process process;
                try {
                    process = builder.start();
                } catch (IOException | RuntimeException e) {
                    started.completeExceptionally(e);
                    return;
                }
                try {
                    Files.writeString(launcherPidFile(instance), Long.toString(process.pid()));
                } catch (IOException e) {
                    log.warn("Cannot write {}: {}", launcherPidFile(instance), e.toString());
                }
                started.complete(process);
                try {
                    int code = process.waitFor();
                    log.info("Embedded Elasticsearch exited with code {}", code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "elasticsearch-supervisor");
            thread.setDaemon(true);
            thread.start();
            try {
                return started.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new EmbeddedServiceException("Embedded Elasticsearch cannot be launched: "
                    + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new EmbeddedServiceException("Embedded Elasticsearch launch did not return within 30 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EmbeddedServiceException("Interrupted while launching Elasticsearch", e);
            }
        }

        static Path launcherPidFile(Path instance) {
            return instance.resolve("launcher.pid");
        }
    }
}
