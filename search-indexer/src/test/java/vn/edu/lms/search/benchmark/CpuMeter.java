package vn.edu.lms.search.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the CPU went during a phase: the whole machine (from {@code /proc/stat}), the Elasticsearch
 * server process (found by its pid file) and this JVM (the application's side: building
 * documents, JSON, the client).
 */
final class CpuMeter {

    private final Path elasticsearchPidFile;

    CpuMeter(Path elasticsearchPidFile) {
        this.elasticsearchPidFile = elasticsearchPidFile;
    }

    record Snapshot(long wallNanos, long machineBusy, long machineTotal, long elasticsearchNanos, long harnessNanos) {
    }

    Snapshot now() {
        long[] machine = machine();
        return new Snapshot(System.nanoTime(), machine[0], machine[1], elasticsearch(), cpu(ProcessHandle.current()));
    }

    /**
     * "machine 97 % busy; Elasticsearch 1.62 cores, this JVM 0.31 cores, other processes 0.01 cores"
     * between two snapshots (other processes: what else ran on the machine meanwhile).
     */
    static String between(Snapshot from, Snapshot to) {
        double wall = (to.wallNanos() - from.wallNanos()) / 1e9;
        long total = to.machineTotal() - from.machineTotal();
        int cpus = Runtime.getRuntime().availableProcessors();
        double busy = total <= 0 ? Double.NaN : (double) (to.machineBusy() - from.machineBusy()) / total;
        double es = from.elasticsearchNanos() < 0 || to.elasticsearchNanos() < 0 ? Double.NaN
            : (to.elasticsearchNanos() - from.elasticsearchNanos()) / 1e9 / wall;
        double harness = (to.harnessNanos() - from.harnessNanos()) / 1e9 / wall;
        return String.format(Locale.ROOT, "machine %.0f %% busy; Elasticsearch %.2f cores, this JVM %.2f cores, other processes %.2f cores",
            100 * busy, es, harness, Math.max(0, busy * cpus - es - harness));
    }

    private long elasticsearch() {
        try {
            long pid = Long.parseLong(Files.readString(elasticsearchPidFile).trim());
            return ProcessHandle.of(pid).map(CpuMeter::cpu).orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long cpu(ProcessHandle process) {
        Optional<Duration> used = process.info().totalCpuDuration();
        return used.map(Duration::toNanos).orElse(-1L);
    }

    /** Busy and total jiffies of all CPUs. */
    private static long[] machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }
}
