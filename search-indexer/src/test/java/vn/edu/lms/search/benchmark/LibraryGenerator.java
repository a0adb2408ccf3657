package vn.edu.lms.search.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.lms.content.library.item.FileVersion;
import vn.edu.lms.content.library.item.LibraryItem;
import vn.edu.lms.content.library.item.Licence;
import vn.edu.lms.content.library.item.Metadata;
import vn.edu.lms.content.library.item.ResourceKind;
import vn.edu.lms.content.library.item.Scope;

/**
 * A large, realistic Vietnamese school library made up deterministically from the relevance set:
 * each generated item takes one of the 489 real items of {@code relevance/corpus.json} as its
 * template (its subject, topic, kind, book series, tags, licence and its real lesson text) and
 * varies it the way a district's teachers would (other grades, "Bài 12: … – Toán 4 – Kết nối tri
 * thức" titles, their own tags), with an extracted text of 300–3,000 words: the template's lesson
 * sentences spread through sentences of real Vietnamese words ({@code relevance/vocabulary.txt})
 * drawn with a Zipf-like frequency, as in real text.
 *
 * <p>Item {@code n} depends only on the seed and {@code n}, so a run can make any item again
 * without keeping the library in memory.
 */
final class LibraryGenerator {

    static final int MIN_WORDS = 300;
    static final int MAX_WORDS = 3000;
    private static final Instant FIRST = Instant.parse("2022-08-15T01:00:00Z");
    private static final long SPAN_SECONDS = ChronoUnit.SECONDS.between(FIRST, Instant.parse("2025-05-31T10:00:00Z"));
    private static final List<String> SERIES = List.of("Kết nối tri thức với cuộc sống", "Chân trời sáng tạo", "Cánh diều");
    private static final Map<String, String> SERIES_SHORT = Map.of("Kết nối tri thức với cuộc sống", "Kết nối tri thức",
        "Chân trời sáng tạo", "Chân trời sáng tạo", "Cánh diều", "Cánh diều");
    private static final List<String> SCHOOL_NAMES = List.of("Nguyễn Trãi", "Trần Quốc Toản", "Kim Đồng", "Lê Ngọc Hân", "Nguyễn Du",
        "Ngô Sĩ Liên", "Lê Quý Đôn", "Chu Văn An", "Lê Lợi", "Quang Trung", "Trần Hưng Đạo", "Lý Thường Kiệt", "Võ Thị Sáu",
        "Hai Bà Trưng", "Phan Chu Trinh", "Phan Bội Châu", "Nguyễn Bỉnh Khiêm", "Đoàn Thị Điểm", "Nguyễn Văn Trỗi", "Lê Văn Tám",
        "Tô Hiệu", "Hoàng Hoa Thám", "Nguyễn Đình Chiểu", "Trưng Vương", "Đinh Tiên Hoàng", "Lương Thế Vinh", "Mạc Đĩnh Chi",
        "Nguyễn Khuyến", "Bế Văn Đàn", "Cát Linh");
    private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Thị", "Văn", "Minh", "Thu", "Ngọc", "Thanh", "Đức", "Quang", "Hữu", "Thuỳ",
        "Kim", "Hoài");
    private static final List<String> GIVEN = List.of("An", "Bình", "Châu", "Dung", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương",
        "Lan", "Linh", "Mai", "Nam", "Nga", "Phương", "Quân", "Thảo", "Trang", "Tuấn", "Việt", "Yến", "Khánh", "Long", "Sơn", "Tâm");
    private static final List<String> SUFFIXES = List.of("Luyện tập", "Luyện tập chung", "Ôn tập", "tiết 1", "tiết 2", "(tiếp theo)",
        "Ôn tập cuối kì", "phần 2", "bản chỉnh sửa");
    private static final Pattern SERIES_SUFFIX = Pattern.compile("\\s+[–-]\\s+(Kết nối tri thức.*|Chân trời sáng tạo|Cánh diều)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!])\\s+");
    private static final HexFormat HEX = HexFormat.of();

    private final long seed;
    private final List<Template> templates;
    private final Map<String, Subject> subjects;
    private final List<School> schools;
    private final double[] schoolWeights;
    private final String[] words;
    private final double[] wordWeights;

    LibraryGenerator(long seed) {
        this.seed = seed;
        ObjectMapper json = new ObjectMapper();
        this.subjects = new LinkedHashMap<>();
        for (JsonNode subject : read(json, "curriculum/subjects.json").get("subjects")) {
            List<Integer> grades = new ArrayList<>();
            subject.get("grades").forEach(grade -> {
                if (grade.asInt() <= 9) {
                    grades.add(grade.asInt());
                }
            });
            subjects.put(subject.get("code").asText(), new Subject(subject.get("code").asText(), subject.get("name").asText(), grades));
        }
        this.templates = new ArrayList<>();
        for (JsonNode item : read(json, "relevance/corpus.json")) {
            List<Integer> grades = new ArrayList<>();
            item.get("grades").forEach(grade -> grades.add(grade.asInt()));
            List<String> tags = new ArrayList<>();
            item.get("tags").forEach(tag -> tags.add(tag.asText()));
            String series = item.get("bookSeries").isNull() ? null : item.get("bookSeries").asText();
            String text = item.get("text").asText();
            templates.add(new Template(item.get("title").asText(), item.get("description").asText(), item.get("subjectCode").asText(),
                grades, ResourceKind.valueOf(item.get("kind").asText()), series, tags, item.get("language").asText(),
                Licence.valueOf(item.get("licence").asText()), text, List.of(SENTENCE_END.split(text))));
        }
        this.schools = new ArrayList<>();
        Random random = new Random(seed ^ 0x5c001L);
        for (int i = 0; i < SCHOOL_NAMES.size(); i++) {
            boolean primary = i % 2 == 0;
            String name = SCHOOL_NAMES.get(i);
            String id = (primary ? "th-" : "thcs-") + slug(name);
            List<Integer> grades = primary ? List.of(1, 2, 3, 4, 5) : List.of(6, 7, 8, 9);
            Map<Integer, List<String>> classes = new LinkedHashMap<>();
            for (int grade : grades) {
                int count = 3 + random.nextInt(4);
                List<String> ids = new ArrayList<>();
                for (int c = 0; c < count; c++) {
                    ids.add(id + "-" + grade + (char) ('a' + c));
                }
                classes.put(grade, ids);
            }
            List<String> teachers = new ArrayList<>();
            int teacherCount = primary ? 25 + random.nextInt(15) : 35 + random.nextInt(20);
            for (int t = 0; t < teacherCount; t++) {
                teachers.add("gv-" + id + "-" + t);
            }
            schools.add(new School(id, (primary ? "Trường Tiểu học " : "Trường THCS ") + name, primary, classes, teachers));
        }
        // Some schools share far more than others.
        this.schoolWeights = cumulative(schools.size(), 0.6, random);
        List<String> vocabulary = readLines("relevance/vocabulary.txt");
        Collections.shuffle(vocabulary, new Random(seed ^ 0x70cabL));
        this.words = vocabulary.toArray(String[]::new);
        this.wordWeights = cumulative(words.length, 1.0, null);
    }

    /** Item {@code n} (0-based) of the library: its sequence in the feed is {@code n + 1}. */
    Generated item(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        Template template = templates.get(random.nextInt(templates.size()));
        Subject subject = subjects.get(template.subjectCode());
        List<Integer> grades = template.grades();
        if (random.nextDouble() < 0.35) {
            // The same lesson taught a grade earlier or later (review, or another book's order), when the subject has that grade.
            int other = grades.get(0) + (random.nextBoolean() ? 1 : -1);
            if (subject.grades().contains(other)) {
                grades = List.of(other);
            }
        }
        int grade = grades.get(0);
        School school = school(random, grade <= 5);
        String series = template.bookSeries() != null ? template.bookSeries()
            : random.nextDouble() < 0.5 && "vi".equals(template.language()) ? SERIES.get(random.nextInt(SERIES.size())) : null;
        String topic = topic(template, random);
        String title = title(template, subject, grade, series, topic, random);
        String owner = school.teachers().get(random.nextInt(school.teachers().size()));
        String creator = teacherName(owner);

        double scopeDraw = random.nextDouble();
        Scope scope = scopeDraw < 0.10 ? Scope.PRIVATE : scopeDraw < 0.30 ? Scope.CLASS : scopeDraw < 0.75 ? Scope.SCHOOL : Scope.DISTRICT;
        List<String> classIds = List.of();
        if (scope == Scope.CLASS) {
            List<String> ofGrade = school.classes().getOrDefault(grade, school.classes().values().iterator().next());
            int first = random.nextInt(ofGrade.size());
            classIds = random.nextDouble() < 0.3 && ofGrade.size() > 1
                ? List.of(ofGrade.get(first), ofGrade.get((first + 1) % ofGrade.size())) : List.of(ofGrade.get(first));
        }
        LibraryItem.Appraisal appraisal = LibraryItem.Appraisal.none();
        if (scope == Scope.DISTRICT) {
            double draw = random.nextDouble();
            LibraryItem.Appraisal.Status status = draw < 0.6 ? LibraryItem.Appraisal.Status.APPROVED
                : draw < 0.85 ? LibraryItem.Appraisal.Status.SUBMITTED : draw < 0.9 ? LibraryItem.Appraisal.Status.REJECTED
                : LibraryItem.Appraisal.Status.NONE;
            appraisal = new LibraryItem.Appraisal(status, List.of());
        }

        Instant created = FIRST.plusSeconds((long) (random.nextDouble() * SPAN_SECONDS));
        Instant updated = random.nextDouble() < 0.3 ? created.plusSeconds(random.nextLong(60L * 86_400)) : created;
        // Shaped like the store's ids (24 hex digits, time first), unique by n.
        String id = String.format(Locale.ROOT, "%08x%06x%s", created.getEpochSecond(), n & 0xff_ffffL,
            HEX.formatHex(longBytes(random.nextLong())).substring(0, 10));

        String description = description(template, subject, grade, topic, random);
        List<String> tags = tags(template, random);
        Metadata metadata = new Metadata(title, creator, subject.name(), description, school.name(), null, template.language(), null,
            subject.code(), grades, series, template.kind(), tags, template.licence());

        // Most items are processed; a few are still processing or failed (no text, found by their owner only).
        double stateDraw = random.nextDouble();
        FileVersion.State state = stateDraw < 0.96 ? FileVersion.State.READY : stateDraw < 0.985 ? FileVersion.State.PROCESSING
            : FileVersion.State.FAILED;
        String body = state == FileVersion.State.READY ? body(template, random) : "";
        String mediaType = mediaType(template.kind());
        String sha = HEX.formatHex(longBytes(random.nextLong())) + HEX.formatHex(longBytes(random.nextLong()))
            + HEX.formatHex(longBytes(random.nextLong())) + HEX.formatHex(longBytes(random.nextLong()));
        FileVersion file = new FileVersion(1, "upload-" + id, sha, "blobs/" + sha, 20_000 + random.nextInt(30_000_000), mediaType,
            "tai-lieu." + extension(mediaType), created, owner, state, state == FileVersion.State.FAILED ? "extraction-failed" : null,
            state == FileVersion.State.READY ? 100 : 40,
            state == FileVersion.State.READY ? new FileVersion.Extracted("texts/" + sha, body.length(), false, title, creator,
                1 + body.length() / 2500, template.language(), null, null) : null, null);
        LibraryItem item = new LibraryItem(id, 3, metadata, owner, school.id(), scope, classIds, List.of(), List.of(file), appraisal, false,
            created, updated, n + 1, false);
        // Downloads: heavy-tailed, most items are rarely opened.
        long downloads = Math.min(50_000, (long) (2 * (Math.pow(1 - random.nextDouble(), -1 / 1.1) - 1)));
        return new Generated(item, state == FileVersion.State.READY ? file : null, body, downloads);
    }

    List<Template> templates() {
        return templates;
    }

    Map<String, Subject> subjects() {
        return subjects;
    }

    List<School> schools() {
        return schools;
    }

    /** A word of the vocabulary, the frequent ones more often. */
    String word(SplittableRandom random) {
        return words[draw(wordWeights, random)];
    }

    String topic(Template template, SplittableRandom random) {
        String topic = SERIES_SUFFIX.matcher(template.title()).replaceFirst("");
        double draw = random.nextDouble();
        if (draw < 0.15) {
            topic = topic + ": " + SUFFIXES.get(random.nextInt(SUFFIXES.size()));
        } else if (draw < 0.45) {
            // Teachers' own lessons: a topic of real words that no template has.
            topic = capitalise(word(random) + (random.nextBoolean() ? " và " : " ") + word(random))
                + (random.nextBoolean() ? " " + word(random) : "");
        }
        return topic;
    }

    private String title(Template template, Subject subject, int grade, String series, String topic, SplittableRandom random) {
        String seriesShort = series == null ? null : SERIES_SHORT.getOrDefault(series, series);
        double draw = random.nextDouble();
        String title;
        if (draw < 0.25) {
            title = topic;
        } else if (draw < 0.5) {
            title = "Bài " + (1 + random.nextInt(70)) + ": " + topic + " – " + subject.name() + " " + grade
                + (seriesShort == null ? "" : " – " + seriesShort);
        } else if (draw < 0.7) {
            title = kindLabel(template.kind()) + " " + subject.name() + " " + grade + " – " + topic;
        } else if (draw < 0.85) {
            title = topic + " (" + subject.name() + " lớp " + grade + ")";
        } else {
            title = "Tiết " + (1 + random.nextInt(140)) + ": " + topic + " – tuần " + (1 + random.nextInt(35));
        }
        return title.length() <= 300 ? title : title.substring(0, 300);
    }

    private String description(Template template, Subject subject, int grade, String topic, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        double draw = random.nextDouble();
        if (draw < 0.3) {
            text.append(template.description());
        } else if (draw < 0.9) {
            text.append(kindLabel(template.kind())).append(" bài “").append(topic).append("”, ").append(subject.name()).append(" lớp ")
                .append(grade).append(", dùng trong tiết dạy trên lớp.");
        }
        if (random.nextDouble() < 0.5) {
            text.append(text.isEmpty() ? "" : " ");
            sentence(text, 8 + random.nextInt(16), random);
        }
        return text.isEmpty() ? null : text.toString();
    }

    private List<String> tags(Template template, SplittableRandom random) {
        Set<String> tags = new LinkedHashSet<>(template.tags());
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            tags.add(word(random));
        }
        return List.copyOf(tags);
    }

    /**
     * 300–3,000 words (syllables, as Vietnamese word counts go): the template's lesson sentences, each
     * coming back now and then, between sentences of vocabulary words.
     */
    private String body(Template template, SplittableRandom random) {
        int target = MIN_WORDS + random.nextInt(MAX_WORDS - MIN_WORDS + 1);
        StringBuilder text = new StringBuilder(target * 8);
        int written = 0;
        int lesson = 0;
        List<String> sentences = template.sentences();
        while (written < target) {
            if (random.nextInt(6) == 0 || lesson < Math.min(3, sentences.size())) {
                String sentence = sentences.get(lesson++ % sentences.size());
                text.append(sentence).append(' ');
                written += countWords(sentence);
            } else {
                if (template.kind() == ResourceKind.TEST_PAPER && random.nextInt(3) == 0) {
                    text.append("Câu ").append(1 + random.nextInt(40)).append(". ");
                    written += 2;
                }
                written += sentence(text, 6 + random.nextInt(14), random);
                text.append(random.nextInt(12) == 0 ? '\n' : ' ');
            }
        }
        return text.toString().strip();
    }

    /** A sentence of about {@code length} vocabulary words (some are two syllables); its syllable count. */
    private int sentence(StringBuilder text, int length, SplittableRandom random) {
        int syllables = 0;
        for (int i = 0; i < length; i++) {
            String word = word(random);
            if (i == 0) {
                text.append(capitalise(word));
            } else {
                text.append(' ').append(word);
                if (i < length - 2 && random.nextInt(9) == 0) {
                    text.append(',');
                }
            }
            if (random.nextInt(40) == 0) {
                text.append(' ').append(random.nextInt(2000));
                syllables++;
            }
            syllables += countWords(word);
        }
        text.append(random.nextInt(15) == 0 ? '?' : '.');
        return syllables;
    }

    private School school(SplittableRandom random, boolean primary) {
        while (true) {
            School school = schools.get(draw(schoolWeights, random));
            if (school.primary() == primary) {
                return school;
            }
        }
    }

    String teacherName(String teacherId) {
        int hash = Math.abs(teacherId.hashCode());
        return FAMILY.get(hash % FAMILY.size()) + " " + MIDDLE.get(hash / 7 % MIDDLE.size()) + " " + GIVEN.get(hash / 91 % GIVEN.size());
    }

    static String kindLabel(ResourceKind kind) {
        switch (kind) {
            case E_LECTURE:
                return "Bài giảng điện tử";
            case VIDEO_LECTURE:
                return "Video bài giảng";
            case LESSON_PLAN:
                return "Giáo án";
            case SLIDE_DECK:
                return "Bài trình chiếu";
            case E_TEXTBOOK:
                return "Sách giáo khoa điện tử";
            case REFERENCE:
                return "Tài liệu tham khảo";
            case TEST_PAPER:
                return "Đề kiểm tra";
            case DATASET:
                return "Bảng dữ liệu";
            case AUDIO:
                return "Âm thanh";
            case IMAGE:
                return "Hình ảnh";
            case SIMULATION:
                return "Thí nghiệm mô phỏng";
            default:
                return "Tranh minh hoạ";
        }
    }

    private static String mediaType(ResourceKind kind) {
        switch (kind) {
            case VIDEO_LECTURE:
                return "video/mp4";
            case AUDIO:
                return "audio/mpeg";
            case IMAGE:
                return "image/jpeg";
            case ILLUSTRATION:
                return "image/png";
            case LESSON_PLAN:
            case TEST_PAPER:
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case E_LECTURE:
            case SLIDE_DECK:
                return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            case DATASET:
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case SIMULATION:
                return "text/html";
            default:
                return "application/pdf";
        }
    }

    private static String extension(String mediaType) {
        if (mediaType.endsWith("wordprocessingml.document")) {
            return "docx";
        }
        if (mediaType.endsWith("presentationml.presentation")) {
            return "pptx";
        }
        if (mediaType.endsWith("spreadsheetml.sheet")) {
            return "xlsx";
        }
        return mediaType.substring(mediaType.indexOf('/') + 1).replace("mpeg", "mp3").replace("jpeg", "jpg");
    }

    static String capitalise(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static int countWords(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    /** Cumulative weights {@code 1 / (rank + 1)^exponent}, optionally in a shuffled order. */
    private static double[] cumulative(int size, double exponent, Random shuffle) {
        double[] weights = new double[size];
        for (int i = 0; i < size; i++) {
            weights[i] = 1 / Math.pow(i + 1 + (exponent >= 1 ? 2 : 0), exponent);
        }
        if (shuffle != null) {
            for (int i = size - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                double swap = weights[i];
                weights[i] = weights[j];
                weights[j] = swap;
            }
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += weights[i];
            weights[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private static int draw(double[] cumulative, SplittableRandom random) {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static String slug(String name) {
        String folded = java.text.Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static JsonNode read(ObjectMapper json, String resource) {
        try (InputStream in = resource(resource)) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = resource(resource)) {
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(line.strip());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LibraryGenerator.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (run with the test classes and content-store on it)");
        }
        return in;
    }

    /** An item of the relevance set, used as a model. */
    record Template(String title, String description, String subjectCode, List<Integer> grades, ResourceKind kind, String bookSeries,
            List<String> tags, String language, Licence licence, String text, List<String> sentences) {
    }

    record Subject(String code, String name, List<Integer> grades) {
    }

    /** A school, its classes by grade and its teachers' account ids. */
    record School(String id, String name, boolean primary, Map<Integer, List<String>> classes, List<String> teachers) {
    }

    /** One generated item with its searchable file (null when none is ready), its extracted text and downloads. */
    record Generated(LibraryItem item, FileVersion file, String body, long downloads) {
    }
}
