package vn.edu.lms.search.benchmark;

import java.util.Arrays;
import java.util.Locale;

/** Request latencies of one kind (thread-safe), with nearest-rank percentiles. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;
    private long withHits;

    synchronized void add(long elapsedNanos, boolean foundSomething) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
        if (foundSomething) {
            withHits++;
        }
    }

    synchronized void addAll(Latencies other) {
        synchronized (other) {
            for (int i = 0; i < other.count; i++) {
                add(other.nanos[i], false);
            }
            withHits += other.withHits;
        }
    }

    synchronized int count() {
        return count;
    }

    /** Milliseconds at percentile {@code p} (0–100). */
    synchronized double percentile(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double max() {
        return percentile(100);
    }

    synchronized double mean() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? Double.NaN : sum / 1e6 / count;
    }

    synchronized String row(String label) {
        return String.format(Locale.ROOT, "  %-22s %6d %8.1f %8.1f %8.1f %8.1f %8.1f %7.0f %%", label, count, percentile(50), percentile(95),
            percentile(99), max(), mean(), count == 0 ? 0 : 100.0 * withHits / count);
    }

    static String header() {
        return String.format(Locale.ROOT, "  %-22s %6s %8s %8s %8s %8s %8s %9s", "kind", "n", "p50 ms", "p95 ms", "p99 ms", "max ms",
            "mean ms", "found");
    }
}
