package vn.edu.lms.api.questionbank.importing.docx;

import java.util.ArrayList;
import java.util.List;

/**
 * A paragraph (or part of one) as pieces. Markers ("Câu 1.", "B.", "c)") are found in
 * {@link #plain()} and the line is cut at their offsets with {@link #slice}.
 */
record Line(List<Piece> pieces) {

    Line {
        pieces = merged(pieces);
    }

    static Line of(Piece... pieces) {
        return new Line(List.of(pieces));
    }

    String plain() {
        StringBuilder plain = new StringBuilder();
        pieces.forEach(piece -> plain.append(piece.plain()));
        return plain.toString();
    }

    int length() {
        return pieces.stream().mapToInt(Piece::length).sum();
    }

    /** The pieces between two offsets of {@link #plain()}; equations and images are kept or dropped whole. */
    Line slice(int from, int to) {
        List<Piece> kept = new ArrayList<>();
        int start = 0;
        for (Piece piece : pieces) {
            int end = start + piece.length();
            if (end > from && start < to) {
                if (piece instanceof Piece.Text text) {
                    kept.add(new Piece.Text(text.text().substring(Math.max(from, start) - start, Math.min(to, end) - start), text.style()));
                } else {
                    kept.add(piece);
                }
            }
            start = end;
        }
        return new Line(kept);
    }

    Line sliceFrom(int from) {
        return slice(from, length());
    }

    /** Without the white space at both ends (tabs between options, spaces after markers). */
    Line strip() {
        String plain = plain();
        int from = 0;
        int to = plain.length();
        while (from < to && Character.isWhitespace(plain.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(plain.charAt(to - 1))) {
            to--;
        }
        return slice(from, to);
    }

    boolean isBlank() {
        return plain().isBlank();
    }

    String html(boolean keepUnderline, boolean keepBold) {
        StringBuilder html = new StringBuilder();
        pieces.forEach(piece -> html.append(piece.html(keepUnderline, keepBold)));
        return html.toString();
    }

    /**
     * Whether every letter and digit of the text carries {@code mark} (punctuation and spaces are
     * often left out when a teacher underlines an answer); false when there is no text at all.
     */
    boolean marked(Style.Mark mark) {
        boolean anyText = false;
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Text text && text.text().codePoints().anyMatch(Character::isLetterOrDigit)) {
                if (!mark.on(text.style())) {
                    return false;
                }
                anyText = true;
            }
        }
        return anyText;
    }

    /** Neighbouring text of the same style as one piece, and no empty text, so that HTML has no needless tags. */
    private static List<Piece> merged(List<Piece> pieces) {
        List<Piece> merged = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Text text) {
                if (text.text().isEmpty()) {
                    continue;
                }
                int last = merged.size() - 1;
                if (last >= 0 && merged.get(last) instanceof Piece.Text previous && previous.style().equals(text.style())) {
                    merged.set(last, new Piece.Text(previous.text() + text.text(), text.style()));
                    continue;
                }
            }
            merged.add(piece);
        }
        return List.copyOf(merged);
    }

    /** Lines as one piece of rich text, a line break between them. */
    static String html(List<Line> lines, boolean keepUnderline, boolean keepBold) {
        List<String> parts = new ArrayList<>();
        for (Line line : lines) {
            Line stripped = line.strip();
            if (!stripped.pieces().isEmpty()) {
                parts.add(stripped.html(keepUnderline, keepBold));
            }
        }
        return String.join("<br>", parts);
    }
}
