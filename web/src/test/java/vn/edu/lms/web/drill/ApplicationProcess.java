package vn.edu.lms.web.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import vn.edu.lms.content.embedded.Ports;

/**
 * The packaged application run as its own process on the embedded default, as an operator runs
 * it: {@code java -jar lms.jar}, with its data directory and ports.
 */
final class ApplicationProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path dataDir;
    final int httpPort = Ports.free();
    final int mongoPort = Ports.free();
    final int storagePort = Ports.free();
    final int searchPort = Ports.free();
    final int transportPort = Ports.free();
    private final List<String> jvmOptions;
    private Process process;

    ApplicationProcess(Path dataDir) {
        this(dataDir, List.of("-Xmx512m"));
    }

    /** With the given JVM options instead of the default {@code -Xmx512m} (a benchmark's heap limit, GC log). */
    ApplicationProcess(Path dataDir, List<String> jvmOptions) {
        this.dataDir = dataDir.toAbsolutePath();
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the jar and waits until readiness is UP; returns the seconds it took. */
    double startAndAwaitReady(String logName) throws IOException {
        return startAndAwaitReady(logName, Map.of());
    }

    /** Starts the jar with extra environment variables (e.g. external service URLs) and waits until it is ready. */
    double startAndAwaitReady(String logName, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
            "-jar", System.getProperty("lms.application.jar", "target/lms.jar"),
            "--server.port=" + httpPort,
            "--lms.embedded.data-dir=" + dataDir,
            "--lms.embedded.mongodb.port=" + mongoPort,
            "--lms.embedded.storage.port=" + storagePort,
            "--lms.embedded.elasticsearch.port=" + searchPort,
            "--lms.embedded.elasticsearch.transport-port=" + transportPort,
            "--lms.embedded.elasticsearch.heap=384m"));
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(logName).toFile()));
        builder.environment().put("LOG_FORMAT", "");
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        process = builder.start();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
            .until(() -> !process.isAlive() || ready());
        if (!process.isAlive()) {
            throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + logName);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The application's process id, for tools such as {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A normal stop (SIGTERM), as systemd or Docker would send. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application did not stop within 90 s");
        }
        return process.exitValue();
    }

    /** Processes other than the application itself whose command line names its data directory: its Elasticsearch. */
    List<ProcessHandle> children() {
        return ProcessHandle.allProcesses()
            .filter(handle -> handle.pid() != ProcessHandle.current().pid())
            .filter(handle -> process == null || handle.pid() != process.pid())
            .filter(handle -> handle.info().commandLine().map(line -> line.contains(dataDir.toString())).orElse(false))
            .toList();
    }

    /** Which of the embedded services' ports something listens on. */
    List<Integer> portsInUse() {
        return List.of(mongoPort, storagePort, searchPort, transportPort).stream().filter(port -> {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort + "/lms";
    }

    String storageEndpoint() {
        return "http://127.0.0.1:" + storagePort;
    }

    /** The resident size of process {@code pid} in MiB, or -1 where /proc is not there (not Linux). */
    static long residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: no resident size
        }
        return -1;
    }
}
