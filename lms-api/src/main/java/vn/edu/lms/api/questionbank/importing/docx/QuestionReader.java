package vn.edu.lms.api.questionbank.importing.docx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.edu.lms.api.questionbank.CognitiveLevel;
import vn.edu.lms.api.questionbank.QuestionContent;
import vn.edu.lms.api.questionbank.QuestionDraft;
import vn.edu.lms.api.questionbank.importing.ImportDefaults;
import vn.edu.lms.api.questionbank.importing.ImportProblem;
import vn.edu.lms.api.questionbank.importing.ParsedQuestion;

/** Makes a draft of one question's paragraphs, or says what of the convention it lacks. */
final class QuestionReader {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");
    private static final Pattern REFERS_TO_OPTIONS = Pattern.compile("(?iu)\\b(?:cả|tất cả|đều|[A-D]\\s*(?:và|,)\\s*[A-D])\\b");

    private final AnswerKey key;
    private final ImportDefaults defaults;

    QuestionReader(AnswerKey key, ImportDefaults defaults) {
        this.key = key;
        this.defaults = defaults;
    }

    /** An option or statement: its key, its letter as written (the letter may carry the key mark) and its lines. */
    private record Choice(String key, Line letter, List<Line> lines) {

        Line content() {
            List<Piece> pieces = new ArrayList<>();
            lines.forEach(line -> pieces.addAll(line.pieces()));
            return new Line(pieces);
        }
    }

    /** The parts of a question's paragraphs. */
    private static final class Parts {
        final List<Line> stem = new ArrayList<>();
        final List<Choice> choices = new ArrayList<>();
        final List<Line> guidance = new ArrayList<>();
        @Nullable String inlineKey;
    }

    private enum Zone { STEM, CHOICES, AFTER }

    ParsedQuestion read(QuestionBlock block) {
        Kind kind = block.part() != null ? block.part().kind() : guessed(block);
        Parts parts = split(block, kind);
        CognitiveLevel level = block.levelLabel() == null ? null : CognitiveLevel.ofLabel(block.levelLabel());
        String stem = Line.html(parts.stem, true, true);
        try {
            QuestionContent content = switch (kind) {
                case SINGLE_CHOICE -> singleChoice(block, stem, parts);
                case TRUE_FALSE -> trueFalse(block, stem, parts);
                case SHORT_ANSWER -> shortAnswer(block, stem, parts);
                case ESSAY -> new QuestionContent.Essay(stem, parts.guidance.isEmpty() ? null : Line.html(parts.guidance, true, true));
            };
            return ParsedQuestion.of(block.position(), block.label(), new QuestionDraft(defaults.subjectCode(), defaults.grade(),
                defaults.topic(), level == null ? defaults.level() : level, List.of(), content));
        } catch (Unreadable unreadable) {
            return ParsedQuestion.failed(block.position(), block.label(), unreadable.problem);
        }
    }

    /** Why a question cannot become a draft; thrown to leave the reading of that question only. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ImportProblem problem;

        Unreadable(ImportProblem problem) {
            super(problem.code(), null, false, false);
            this.problem = problem;
        }

        static Unreadable structure(String whatIsWrong) {
            return new Unreadable(new ImportProblem("import.bad-structure", whatIsWrong));
        }

        static Unreadable noKey() {
            return new Unreadable(new ImportProblem("import.no-key"));
        }
    }

    /** Without part headings the question says what it is: options, statements, guidance or an answer. */
    private Kind guessed(QuestionBlock block) {
        boolean statements = false;
        for (Line line : block.lines()) {
            String plain = line.plain();
            if (!options(line, 'A').isEmpty()) {
                return Kind.SINGLE_CHOICE;
            }
            statements |= "a".equals(Conventions.statement(plain));
            if (Conventions.guidance(plain)) {
                return Kind.ESSAY;
            }
        }
        if (statements) {
            return Kind.TRUE_FALSE;
        }
        boolean answered = block.lines().stream().anyMatch(line -> Conventions.inlineKey(line.plain()) != null);
        return answered ? Kind.SHORT_ANSWER : Kind.SINGLE_CHOICE;
    }

    private static Parts split(QuestionBlock block, Kind kind) {
        Parts parts = new Parts();
        Zone zone = Zone.STEM;
        for (Line line : block.lines()) {
            String plain = line.plain();
            if (zone == Zone.AFTER) {
                if (kind == Kind.ESSAY) {
                    parts.guidance.add(line);
                }
                continue;
            }
            String inlineKey = Conventions.inlineKey(plain);
            int solution = Conventions.solutionStart(plain);
            if (inlineKey != null || solution >= 0) {
                // The answer, a worked solution or the marking guide: never part of what students see.
                zone = Zone.AFTER;
                if (inlineKey != null && kind != Kind.ESSAY) {
                    parts.inlineKey = inlineKey;
                } else if (kind == Kind.ESSAY) {
                    parts.guidance.add(line.sliceFrom(inlineKey != null ? plain.indexOf(':') + 1 : solution));
                }
                continue;
            }
            if (kind == Kind.SINGLE_CHOICE) {
                List<Choice> options = options(line, (char) ('A' + parts.choices.size()));
                if (!options.isEmpty()) {
                    parts.choices.addAll(options);
                    zone = Zone.CHOICES;
                    continue;
                }
            }
            if (kind == Kind.TRUE_FALSE) {
                String letter = Conventions.statement(plain);
                if (letter != null && letter.charAt(0) == 'a' + parts.choices.size()) {
                    int at = plain.indexOf(letter);
                    List<Line> lines = new ArrayList<>(List.of(line.sliceFrom(Conventions.statementEnd(plain))));
                    parts.choices.add(new Choice(letter, line.slice(at, at + 1), lines));
                    zone = Zone.CHOICES;
                    continue;
                }
            }
            if (zone == Zone.CHOICES) {
                // A line that starts no new option goes on with the last one (a picture under option B).
                parts.choices.get(parts.choices.size() - 1).lines().add(Line.of(new Piece.Text("\n", Style.PLAIN)));
                parts.choices.get(parts.choices.size() - 1).lines().add(line);
            } else {
                parts.stem.add(line);
            }
        }
        return parts;
    }

    /**
     * The options a line starts with the letter {@code first}: "A. 2", or several on one line
     * "A. 2\tB. 3\tC. 4\tD. 5". A later letter counts only after white space and in turn, so that
     * "vitamin C." inside option B is no option.
     */
    private static List<Choice> options(Line line, char first) {
        String plain = line.plain();
        Matcher matcher = Conventions.OPTION.matcher(plain);
        int from = 0;
        while (from < plain.length() && Character.isWhitespace(plain.charAt(from))) {
            from++;
        }
        if (!matcher.find(from) || matcher.start() != from || matcher.group(1).charAt(0) != first) {
            return List.of();
        }
        List<int[]> markers = new ArrayList<>();
        markers.add(new int[] {matcher.start(), matcher.end()});
        char next = (char) (first + 1);
        while (matcher.find()) {
            if (matcher.group(1).charAt(0) == next && Character.isWhitespace(plain.charAt(matcher.start() - 1))) {
                markers.add(new int[] {matcher.start(), matcher.end()});
                next++;
            }
        }
        List<Choice> options = new ArrayList<>();
        for (int i = 0; i < markers.size(); i++) {
            int[] marker = markers.get(i);
            int end = i + 1 < markers.size() ? markers.get(i + 1)[0] : plain.length();
            String letter = String.valueOf(plain.charAt(marker[0]));
            options.add(new Choice(letter, line.slice(marker[0], marker[0] + 1), new ArrayList<>(List.of(line.slice(marker[1], end)))));
        }
        return options;
    }

    private QuestionContent singleChoice(QuestionBlock block, String stem, Parts parts) throws Unreadable {
        List<Choice> options = parts.choices;
        if (options.isEmpty()) {
            throw Unreadable.structure("không tìm thấy các phương án A., B., C., D.");
        }
        if (options.size() < 2) {
            throw Unreadable.structure("chỉ có phương án A., cần ít nhất hai phương án");
        }
        Style.Mark markUsed = null;
        String formatted = null;
        for (Style.Mark mark : Style.Mark.values()) {
            List<Choice> marked = options.stream().filter(option -> marked(option, options, mark)).toList();
            if (marked.size() == 1) {
                markUsed = mark;
                formatted = marked.get(0).key();
                break;
            }
        }
        String fromTable = key.answer(block.part(), block.number(), AnswerKey::letter);
        String inline = parts.inlineKey == null ? null : parts.inlineKey.replaceAll("[.)]\\s*$", "").strip();
        String correct = fromTable != null ? fromTable.strip().toUpperCase(Locale.ROOT)
            : inline != null && AnswerKey.letter(inline) ? inline.toUpperCase(Locale.ROOT) : formatted;
        if (correct == null) {
            throw Unreadable.noKey();
        }
        // The mark that shows the key must not show it to students too.
        boolean keepBold = markUsed != Style.Mark.BOLD;
        List<QuestionContent.Choice> choices = options.stream()
            .map(option -> new QuestionContent.Choice(option.key(), Line.html(option.lines(), false, keepBold))).toList();
        boolean fixedOrder = choices.stream().anyMatch(choice -> REFERS_TO_OPTIONS.matcher(choice.content()).find());
        return new QuestionContent.SingleChoice(stem, choices, correct, fixedOrder);
    }

    private QuestionContent trueFalse(QuestionBlock block, String stem, Parts parts) throws Unreadable {
        List<Choice> statements = parts.choices;
        if (statements.size() != 4) {
            throw Unreadable.structure("cần 4 ý a), b), c), d), tìm thấy " + statements.size() + " ý");
        }
        Set<Style.Mark> marksUsed = EnumSet.noneOf(Style.Mark.class);
        List<Boolean> formatted = null;
        for (Style.Mark mark : Style.Mark.values()) {
            List<Boolean> truths = statements.stream().map(statement -> marked(statement, statements, mark)).toList();
            if (truths.contains(Boolean.TRUE)) {
                marksUsed.add(mark);
                formatted = truths;
                break;
            }
        }
        String written = key.answer(block.part(), block.number(), value -> truths(value) != null);
        if (written == null) {
            written = parts.inlineKey;
        }
        List<Boolean> truths = written != null ? truths(written) : formatted;
        if (written != null && (truths == null || truths.size() != 4)) {
            throw Unreadable.structure("đáp án \"" + written + "\" phải cho đủ 4 ý, ví dụ Đ-S-Đ-S");
        }
        if (truths == null) {
            throw Unreadable.noKey();
        }
        boolean keepBold = !marksUsed.contains(Style.Mark.BOLD);
        List<QuestionContent.Statement> result = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Choice statement = statements.get(i);
            result.add(new QuestionContent.Statement(statement.key(), Line.html(statement.lines(), false, keepBold), truths.get(i)));
        }
        return new QuestionContent.TrueFalseGroup(stem, result);
    }

    private QuestionContent shortAnswer(QuestionBlock block, String stem, Parts parts) throws Unreadable {
        String answer = key.answer(block.part(), block.number(), value -> !AnswerKey.letter(value) && truths(value) == null);
        if (answer == null) {
            answer = parts.inlineKey;
        }
        if (answer == null || answer.isBlank()) {
            throw Unreadable.noKey();
        }
        String compact = answer.strip().replace(" ", "");
        if (NUMBER.matcher(compact).matches()) {
            return new QuestionContent.ShortNumber(stem, new BigDecimal(compact.replace(',', '.')), BigDecimal.ZERO);
        }
        List<String> accepted = Arrays.stream(answer.split(";")).map(String::strip).filter(text -> !text.isEmpty()).toList();
        return new QuestionContent.ShortText(stem, accepted, false, true);
    }

    /**
     * Whether the teacher marked this option or statement: its letter or all its text. A mark every
     * letter carries in bold is the test's style (bold A. B. C. D.), not a key.
     */
    private static boolean marked(Choice choice, List<Choice> all, Style.Mark mark) {
        boolean style = mark == Style.Mark.BOLD && all.stream().allMatch(other -> other.letter().marked(mark));
        boolean letterMarked = choice.letter().marked(mark) && !style;
        return letterMarked || choice.content().marked(mark);
    }

    /** "Đ-S-Đ-S", "ĐSĐS", "a) Đ b) S …", "Đúng, Sai, …" as truths in order; null when it is none of these. */
    static @Nullable List<Boolean> truths(String written) {
        String folded = Conventions.folded(written).replaceAll("(?<![a-z])[a-h]\\s*\\)", " ");
        List<Boolean> truths = new ArrayList<>();
        for (String token : folded.split("[^a-z]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.equals("dung")) {
                truths.add(true);
            } else if (token.equals("sai")) {
                truths.add(false);
            } else if (token.matches("[ds]+")) {
                token.chars().forEach(c -> truths.add(c == 'd'));
            } else {
                return null;
            }
        }
        return truths.isEmpty() ? null : truths;
    }
}
