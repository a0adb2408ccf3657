package vn.edu.lms.api.lesson.participation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.lesson.Lesson;
import vn.edu.lms.api.lesson.LessonBlock;
import vn.edu.lms.api.student.Rosters;
import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItem;

/**
 * A lesson's participation record for its class, as the teacher reads it and exports it: one row
 * per student of the class in class-list order (those who never opened it included), one column
 * per thing to follow.
 */
public record ParticipationReport(String lessonId, String lessonTitle, String className, List<Column> columns, List<Line> lines) {

    public ParticipationReport {
        columns = List.copyOf(columns);
        lines = List.copyOf(lines);
    }

    /** What a column follows: a video (share watched), a document or link (opened), a practice quiz (score), a live class (attendance). */
    public enum Kind {
        VIDEO, DOCUMENT, QUIZ, LIVE_CLASS
    }

    /** @param durationSeconds  a video's length, which the share watched is of */
    public record Column(String blockId, Kind kind, String title, @Nullable Double durationSeconds, @Nullable Instant startsAt) {
    }

    /**
     * One student's row. Values are by block id: per cent watched, first opened, quiz result, present.
     */
    public record Line(int number, String studentId, String fullName, boolean started, @Nullable Instant firstOpenedAt,
            @Nullable Instant lastOpenedAt, Map<String, Integer> watchedPercent, Map<String, Instant> opened,
            Map<String, Participation.QuizResult> quizzes, Map<String, Boolean> present) {
    }

    public long started() {
        return lines.stream().filter(Line::started).count();
    }

    public List<Line> notStarted() {
        return lines.stream().filter(line -> !line.started()).toList();
    }

    /** @param items  the library items of the lesson by id (a missing one counts as a document with its id as title) */
    public static ParticipationReport of(Lesson lesson, String className, List<Rosters.Entry> roster, Map<String, Participation> records,
            Map<String, LibraryItem> items) {
        List<Column> columns = columns(lesson, items);
        List<Line> lines = new ArrayList<>();
        for (Rosters.Entry student : roster) {
            Participation record = records.get(student.studentId());
            Map<String, Integer> watched = new LinkedHashMap<>();
            Map<String, Instant> opened = new LinkedHashMap<>();
            Map<String, Participation.QuizResult> quizzes = new LinkedHashMap<>();
            Map<String, Boolean> present = new LinkedHashMap<>();
            if (record != null) {
                for (Column column : columns) {
                    String id = column.blockId();
                    switch (column.kind()) {
                        case VIDEO -> watched.put(id, WatchedVideo.percent(record.videos().getOrDefault(id, List.of()),
                            column.durationSeconds() == null ? 0 : column.durationSeconds()));
                        case DOCUMENT -> putIfPresent(opened, id, record.documents().get(id));
                        case QUIZ -> putIfPresent(quizzes, id, record.quizzes().get(id));
                        case LIVE_CLASS -> {
                            Participation.Attendance mark = record.attendance().get(id);
                            if (mark != null) {
                                present.put(id, mark.present());
                            }
                        }
                        default -> throw new IllegalStateException(column.kind().name());
                    }
                }
            }
            lines.add(new Line(student.number(), student.studentId(), student.fullName(), record != null && record.started(),
                record == null ? null : record.firstOpenedAt(), record == null ? null : record.lastOpenedAt(), watched, opened, quizzes, present));
        }
        return new ParticipationReport(lesson.id(), lesson.title(), className, columns, lines);
    }

    private static <T> void putIfPresent(Map<String, T> map, String key, @Nullable T value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static List<Column> columns(Lesson lesson, Map<String, LibraryItem> items) {
        List<Column> columns = new ArrayList<>();
        for (LessonBlock block : lesson.blocks()) {
            switch (block.type()) {
                case LIBRARY_ITEM -> {
                    LibraryItem item = items.get(block.itemId());
                    Double duration = durationOf(item);
                    String title = item == null ? String.valueOf(block.itemId()) : item.metadata().title();
                    columns.add(new Column(block.id(), duration == null ? Kind.DOCUMENT : Kind.VIDEO, title, duration, null));
                }
                case LINK -> columns.add(new Column(block.id(), Kind.DOCUMENT, block.label() == null ? String.valueOf(block.url()) : block.label(),
                    null, null));
                case PRACTICE_QUIZ -> columns.add(new Column(block.id(), Kind.QUIZ, block.label() == null ? "" : block.label(), null, null));
                case LIVE_CLASS -> columns.add(new Column(block.id(), Kind.LIVE_CLASS, block.label() == null ? "" : block.label(), null,
                    block.startsAt()));
                case TEXT -> {
                    // Nothing to follow in a text block.
                }
                default -> throw new IllegalStateException(block.type().name());
            }
        }
        return columns;
    }

    /** A video's (or audio's) length, once known; null for anything else. */
    static @Nullable Double durationOf(@Nullable LibraryItem item) {
        FileVersion current = item == null ? null : item.current();
        if (current == null || current.extracted() == null || current.extracted().durationSeconds() == null) {
            return null;
        }
        String type = current.mediaType();
        return type.startsWith("video/") || type.startsWith("audio/") ? current.extracted().durationSeconds() : null;
    }
}
