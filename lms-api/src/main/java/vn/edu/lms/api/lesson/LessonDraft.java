package vn.edu.lms.api.lesson;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A lesson as its teacher writes it, before checking: the blocks still name library items and
 * questions by id. A block that keeps its {@code id} from the lesson being edited stays that block.
 */
public record LessonDraft(String subjectCode, String topic, String title, int position, List<Block> blocks) {

    public LessonDraft {
        blocks = List.copyOf(blocks);
    }

    public record Block(@Nullable String id, LessonBlock.Type type, @Nullable String text, @Nullable String itemId, @Nullable String url,
            @Nullable String label, @Nullable Instant startsAt, @Nullable Integer durationMinutes, @Nullable List<String> questionIds,
            boolean counted) {
    }
}
