package vn.edu.lms.search.engine.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.edu.lms.content.embedded.EmbeddedServiceException;

/**
 * Elasticsearch refuses to run as root. When the application is root (a container, CI), the child
 * runs as an unprivileged system account, created on first use, owning the node's directories.
 */
final class RunAs {

    private static final Logger log = LoggerFactory.getLogger(RunAs.class);

    private RunAs() {
    }

    /** The account to switch to, or empty when the application is not root. */
    static Optional<String> accountFor(String user) {
        if (!isRoot()) {
            return Optional.empty();
        }
        if (run(List.of("id", "-u", user)) != 0) {
            log.info("Creating system account {} for the embedded Elasticsearch (it refuses to run as root)", user);
            if (run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                    "--user-group", user)) != 0 && run(List.of("id", "-u", user)) != 0) {
                throw new EmbeddedServiceException("Embedded Elasticsearch cannot start as root and the account " + user
                    + " could not be created; create it (useradd --system " + user
                    + ") or set lms.embedded.elasticsearch.run-as-user");
            }
        }
        return Optional.of(user);
    }

    /** Gives the account the node's directories and checks it can reach them through every parent. */
    static void handOver(String user, Path home, Path instance) {
        if (run(List.of("chown", "-R", user + ":" + user, instance.toString())) != 0) {
            throw new EmbeddedServiceException("Embedded Elasticsearch: cannot give " + instance + " to " + user);
        }
        int reachable = run(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--",
            "test", "-x", home.resolve("bin/elasticsearch").toString(), "-a", "-w", instance.resolve("data").toString()));
        if (reachable != 0) {
            throw new EmbeddedServiceException("Embedded Elasticsearch runs as " + user + ", which cannot reach "
                + instance + ": a parent directory is not traversable by others. Run 'chmod o+x' on the parents "
                + "or set lms.embedded.data-dir to a directory outside a private home.");
        }
    }

    private static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
