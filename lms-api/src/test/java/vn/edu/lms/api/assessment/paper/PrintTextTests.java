package vn.edu.lms.api.assessment.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.lms.api.assessment.paper.PrintText.Picture;
import vn.edu.lms.api.assessment.paper.PrintText.Words;

/** Rich text turned into what a printed paper shows. */
class PrintTextTests {

    @Test
    void tagsGoEntitiesAreDecodedAndLatexStaysAsWritten() {
        List<PrintText.Piece> pieces = PrintText.of("<p>Cho <b>A</b> &amp; B, \\(\\frac{1}{2} &lt; x\\)&nbsp;và<br>dòng mới</p>"
            + "<script>alert(1)</script>", codePoint -> true);

        assertThat(pieces).containsExactly(new Words("Cho A & B, \\(\\frac{1}{2} < x\\)\u00a0và"), new Words("dòng mới"));
    }

    @Test
    void imagesStandBetweenParagraphsByTheirAssetId() {
        assertThat(PrintText.of("Hình 1: <img src=\"asset:abc-1.png\" alt=\"tam giác\"> như hình.<img src=\"http://x.example/a.png\">",
            codePoint -> true)).containsExactly(new Words("Hình 1:"), new Picture("abc-1.png"), new Words("như hình."));
    }

    @Test
    void listsAndTablesBecomeLines() {
        assertThat(PrintText.of("<ol><li>một</li><li>hai</li></ol><ul><li>ba</li></ul>"
            + "<table><tr><th>x</th><th>y</th></tr><tr><td>1</td><td>2</td></tr></table>", codePoint -> true))
            .containsExactly(new Words("1. một"), new Words("2. hai"), new Words("• ba"), new Words("x | y"), new Words("1 | 2"));
    }

    @Test
    void scriptsBecomeUnicodeWhereTheFontHasThemAndCaretsOtherwise() {
        assertThat(PrintText.oneLine("x<sup>2</sup> + H<sub>2</sub>O + 10<sup>-3</sup>", codePoint -> true)).isEqualTo("x² + H₂O + 10⁻³");
        assertThat(PrintText.oneLine("x<sup>2</sup> + e<sup>ix</sup> + a<sub>n+1</sub>", codePoint -> codePoint < 0x80))
            .isEqualTo("x^2 + e^(ix) + a_(n+1)");
    }
}
