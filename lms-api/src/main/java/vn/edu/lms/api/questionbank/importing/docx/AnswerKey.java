package vn.edu.lms.api.questionbank.importing.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;

/**
 * The key tables after "ĐÁP ÁN": rows pairing numbers with answers ("1 | A", "1 | A | 2 | B"), or
 * a row of numbers over a row of answers. Each entry belongs to the part whose heading came
 * before its table in the key section, if any.
 */
final class AnswerKey {

    private static final Pattern NUMBER = Pattern.compile("^(?:cau\\s*)?(\\d{1,3})\\s*[.:]?$");
    private static final Pattern LETTER = Pattern.compile("^[A-Ja-j]$");

    private final List<Entry> entries = new ArrayList<>();

    private static final class Entry {
        final @Nullable String partNumeral;
        final int number;
        final String value;
        boolean used;

        Entry(@Nullable String partNumeral, int number, String value) {
            this.partNumeral = partNumeral;
            this.number = number;
            this.value = value;
        }
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void read(XWPFTable table, ParagraphReader reader, @Nullable String partNumeral) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            rows.add(row.getTableCells().stream().map(reader::text).toList());
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (numberRow(cells) && r + 1 < rows.size()) {
                List<String> answers = rows.get(r + 1);
                for (int c = 0; c < cells.size() && c < answers.size(); c++) {
                    Integer number = number(cells.get(c));
                    if (number != null && !answers.get(c).isBlank()) {
                        entries.add(new Entry(partNumeral, number, answers.get(c).strip()));
                    }
                }
                r++;
                continue;
            }
            for (int c = 0; c + 1 < cells.size(); c++) {
                Integer number = number(cells.get(c));
                if (number != null && !cells.get(c + 1).isBlank()) {
                    entries.add(new Entry(partNumeral, number, cells.get(c + 1).strip()));
                    c++;
                }
            }
        }
    }

    /**
     * The answer the key gives question {@code number} of {@code part}: an entry of that part, else
     * an entry of no part whose shape fits the question ({@code fits}), each entry used once, so
     * that "1 | A" and "1 | Đ-S-Đ-S" of one table without part headings go to Phần I and Phần II.
     */
    @Nullable String answer(@Nullable Part part, int number, Predicate<String> fits) {
        String numeral = part == null ? null : part.numeral();
        for (boolean samePart : new boolean[] {true, false}) {
            for (Entry entry : entries) {
                boolean scopeFits = samePart ? numeral != null && numeral.equals(entry.partNumeral) : entry.partNumeral == null || numeral == null;
                // An entry of the question's own part is its answer whatever it looks like.
                if (!entry.used && entry.number == number && scopeFits && (samePart || fits.test(entry.value))) {
                    entry.used = true;
                    return entry.value;
                }
            }
        }
        return null;
    }

    static boolean letter(String value) {
        return LETTER.matcher(value.strip()).matches();
    }

    private static @Nullable Integer number(String cell) {
        Matcher matcher = NUMBER.matcher(Conventions.folded(cell.strip()));
        return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
    }

    /** "Câu | 1 | 2 | 3", or numbers alone rising by one ("1 | 2 | 3"), over a row of answers. */
    private static boolean numberRow(List<String> cells) {
        List<String> rest = cells;
        boolean labelled = !cells.isEmpty() && Conventions.folded(cells.get(0).strip()).startsWith("cau") && number(cells.get(0)) == null;
        if (labelled) {
            rest = cells.subList(1, cells.size());
        }
        List<Integer> numbers = rest.stream().filter(cell -> !cell.isBlank()).map(AnswerKey::number).toList();
        if (numbers.isEmpty() || numbers.stream().anyMatch(Objects::isNull)) {
            return false;
        }
        if (labelled) {
            return true;
        }
        for (int i = 1; i < numbers.size(); i++) {
            if (numbers.get(i) != numbers.get(i - 1) + 1) {
                return false;
            }
        }
        return numbers.size() >= 3;
    }
}
