package vn.edu.lms.search.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.Metadata;
import vn.edu.lms.content.library.serving.ExtractedTexts;
import vn.edu.lms.search.text.VietnameseText;

/**
 * Turns a library item (at its feed sequence) into its index document: metadata, the text
 * extracted from its newest ready file, and searchable labels (subject name, "lớp 5", the kind and
 * the book series) so that teachers' phrasing such as "toán lớp 5 phân số" finds it.
 */
@Component
public class SearchDocuments {

    /** Enough of a document's text for search and snippets; the rest of a long book adds little. */
    public static final int MAX_TEXT_CHARS = 300_000;

    private final ExtractedTexts texts;
    private final SubjectCatalogue subjects;

    SearchDocuments(ExtractedTexts texts, SubjectCatalogue subjects) {
        this.texts = texts;
        this.subjects = subjects;
    }

    public Mono<SearchDocument> of(LibraryItem item, long downloads) {
        long sequence = Objects.requireNonNull(item.sequence(), "an item in the feed has its sequence");
        if (item.deleted()) {
            return Mono.just(SearchDocument.tombstone(item.id(), sequence));
        }
        FileVersion searchable = newestReady(item);
        Mono<String> text = searchable == null ? Mono.just("") : texts.of(searchable, MAX_TEXT_CHARS);
        return text.map(body -> document(item, sequence, searchable, body, downloads));
    }

    /**
     * The document of an item with the given text (the benchmark and the relevance set build them so);
     * {@code downloads} is its popularity.
     */
    public SearchDocument document(LibraryItem item, long sequence, @Nullable FileVersion file, String body, long downloads) {
        Metadata metadata = item.metadata();
        String title = VietnameseText.normalize(metadata.title());
        String description = metadata.description() == null ? null : VietnameseText.normalize(metadata.description());
        String text = body.isEmpty() ? null : VietnameseText.normalize(body);
        List<String> tags = metadata.tags().stream().map(VietnameseText::normalize).toList();
        String labels = labels(metadata);
        return new SearchDocument(item.id(), sequence, false, title, VietnameseText.fold(title), description, fold(description), text,
            fold(text), tags, tags.stream().map(VietnameseText::fold).toList(), labels, fold(labels), metadata.creator(),
            metadata.subjectCode(), metadata.grades(), metadata.kind().name(), metadata.bookSeries(), metadata.licence().name(),
            metadata.language(), item.schoolId(), item.ownerId(), item.scope().name(), item.classIds(), item.appraisal().status().name(),
            item.state().name(), file == null ? null : file.mediaType(), item.createdAt(), item.updatedAt(), downloads);
    }

    private String labels(Metadata metadata) {
        List<String> labels = new ArrayList<>();
        subjects.subject(metadata.subjectCode()).map(Subject::name).ifPresent(labels::add);
        metadata.grades().forEach(grade -> labels.add("lớp " + grade));
        labels.add(KindLabels.of(metadata.kind()));
        if (metadata.bookSeries() != null) {
            labels.add(metadata.bookSeries());
        }
        return VietnameseText.normalize(String.join(" · ", labels));
    }

    private static @Nullable FileVersion newestReady(LibraryItem item) {
        for (int i = item.files().size() - 1; i >= 0; i--) {
            if (item.files().get(i).state() == FileVersion.State.READY) {
                return item.files().get(i);
            }
        }
        return null;
    }

    private static @Nullable String fold(@Nullable String text) {
        return text == null ? null : VietnameseText.fold(text);
    }
}
