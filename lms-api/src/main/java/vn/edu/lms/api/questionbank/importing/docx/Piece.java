package vn.edu.lms.api.questionbank.importing.docx;

import vn.edu.lms.api.questionbank.RichText;

/**
 * A piece of a paragraph in reading order: formatted text, an equation, an image, or markup made
 * already (a table). Equations, images and markup count as one character of the paragraph's plain
 * text ({@link #OBJECT}), so that markers found in the plain text can cut the pieces.
 */
sealed interface Piece permits Piece.Text, Piece.Equation, Piece.Image, Piece.Markup {

    char OBJECT = '\uFFFC';

    int length();

    String plain();

    String html(boolean keepUnderline, boolean keepBold);

    record Text(String text, Style style) implements Piece {

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public String plain() {
            return text;
        }

        @Override
        public String html(boolean keepUnderline, boolean keepBold) {
            // Escaped first, tags added after: no text of the file becomes markup.
            String html = RichText.ofPlainText(text.replace('\t', ' '));
            if (style.superscript()) {
                html = "<sup>" + html + "</sup>";
            } else if (style.subscript()) {
                html = "<sub>" + html + "</sub>";
            }
            if (style.underline() && keepUnderline) {
                html = "<u>" + html + "</u>";
            }
            if (style.italic()) {
                html = "<i>" + html + "</i>";
            }
            if (style.bold() && keepBold) {
                html = "<b>" + html + "</b>";
            }
            return html;
        }
    }

    /** An equation as LaTeX, without delimiters. */
    record Equation(String latex) implements Piece {

        @Override
        public int length() {
            return 1;
        }

        @Override
        public String plain() {
            return String.valueOf(OBJECT);
        }

        @Override
        public String html(boolean keepUnderline, boolean keepBold) {
            return RichText.ofPlainText("\\(" + latex + "\\)");
        }
    }

    /** An image of the file, by its name in {@code ParsedFile.images()} (made of safe characters only). */
    record Image(String name) implements Piece {

        @Override
        public int length() {
            return 1;
        }

        @Override
        public String plain() {
            return String.valueOf(OBJECT);
        }

        @Override
        public String html(boolean keepUnderline, boolean keepBold) {
            return "<img src=\"import:" + name + "\">";
        }
    }

    /** Markup built from escaped pieces (a table in a stem). */
    record Markup(String markup) implements Piece {

        @Override
        public int length() {
            return 1;
        }

        @Override
        public String plain() {
            return String.valueOf(OBJECT);
        }

        @Override
        public String html(boolean keepUnderline, boolean keepBold) {
            return markup;
        }
    }
}
