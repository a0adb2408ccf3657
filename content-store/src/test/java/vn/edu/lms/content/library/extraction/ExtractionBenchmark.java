package vn.edu.lms.content.library.extraction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

/**
 * Documents a second through the child JVMs, over a mix of the test documents (PDF, DOCX, PPTX,
 * XLSX, ODT, EPUB, HTML, TXT, PNG), thumbnails included. One warm-up round first, so the figure is
 * the steady state, not the children's start. Not a test; run it with the command in the README.
 * Arguments: rounds (20), workers (1).
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path directory = Files.createTempDirectory("extraction-benchmark-");
        List<Path> documents = List.of(
            Fixtures.pdf(directory.resolve("bai-giang.pdf")),
            Fixtures.docx(directory.resolve("giao-an.docx")),
            Fixtures.pptx(directory.resolve("trinh-chieu.pptx")),
            Fixtures.xlsx(directory.resolve("diem.xlsx")),
            Fixtures.odt(directory.resolve("giao-an.odt")),
            Fixtures.epub(directory.resolve("sach.epub")),
            Fixtures.html(directory.resolve("bai-doc.html")),
            Fixtures.txt(directory.resolve("ghi-chu.txt"), (Fixtures.ADDITION + "\n").repeat(200)),
            Fixtures.pngFile(directory.resolve("hinh.png"), 1280, 960));
        var properties = new ExtractionProperties(Duration.ofSeconds(60), ExtractionProperties.defaults().maxHeap(), 2_000_000,
            3, 100, workers, 320);
        var extractor = new Extractor(properties);
        try {
            long warmUp = System.nanoTime();
            run(extractor, documents, 1, workers, new ConcurrentHashMap<>());
            Duration start = Duration.ofNanos(System.nanoTime() - warmUp);

            Map<String, AtomicLong> nanosByType = new ConcurrentHashMap<>();
            long began = System.nanoTime();
            run(extractor, documents, rounds, workers, nanosByType);
            double seconds = (System.nanoTime() - began) / 1e9;

            int total = rounds * documents.size();
            var report = new StringBuilder(String.format(Locale.ROOT,
                "%nExtraction: %d documents (%d rounds of %d) with %d worker(s) in %.1f s: %.1f documents/s%n"
                    + "(warm-up round, including the children's start: %d ms)%n",
                total, rounds, documents.size(), workers, seconds, total / seconds, start.toMillis()));
            report.append(String.format(Locale.ROOT, "%-10s %12s%n", "type", "mean ms"));
            Map<String, Long> sorted = new LinkedHashMap<>();
            documents.forEach(document -> sorted.put(extension(document), nanosByType.get(extension(document)).get()));
            sorted.forEach((type, nanos) -> report.append(String.format(Locale.ROOT, "%-10s %12.1f%n", type, nanos / 1e6 / rounds)));
            System.out.print(report);
        } finally {
            extractor.destroy();
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void run(Extractor extractor, List<Path> documents, int rounds, int workers, Map<String, AtomicLong> nanosByType) {
        List<Path> all = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            all.addAll(documents);
        }
        Flux.fromIterable(all)
            .flatMap(document -> {
                long started = System.nanoTime();
                return extractor.extract(document).doOnNext(extraction -> nanosByType
                    .computeIfAbsent(extension(document), type -> new AtomicLong()).addAndGet(System.nanoTime() - started));
            }, workers)
            .blockLast();
    }

    private static String extension(Path document) {
        String name = document.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
