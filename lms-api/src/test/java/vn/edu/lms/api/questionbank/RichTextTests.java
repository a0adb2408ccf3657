package vn.edu.lms.api.questionbank;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTests {

    @Test
    void theAllowedSubsetAndLatexStayAsWritten() {
        String html = "<p>Tính <b>x</b><sup>2</sup> khi \\(x = \\frac{1}{2}\\)</p><ul><li>a</li></ul><img src=\"asset:abc123\" alt=\"hình 1\">";
        assertThat(RichText.sanitize(html)).contains("<b>x</b><sup>2</sup>", "\\(x = \\frac{1}{2}\\)", "<li>a</li>",
            "<img src=\"asset:abc123\" alt=\"hình 1\" />");
    }

    @Test
    void scriptsStylesHandlersLinksAndForeignImagesAreRemoved() {
        String html = "<p onclick=\"steal()\" style=\"color:red\">Câu 1</p><script>alert(1)</script><a href=\"https://x\">xem</a>"
            + "<img src=\"https://evil.example/x.png\"><img src=\"javascript:alert(1)\"><iframe src=\"x\"></iframe>";
        String clean = RichText.sanitize(html);
        assertThat(clean).isEqualTo("<p>Câu 1</p>xem");
    }

    @Test
    void aStemWithOnlyAnImageIsNotBlankButEmptyMarkupIs() {
        assertThat(RichText.isBlank("<p><img src=\"asset:a1\" /></p>")).isFalse();
        assertThat(RichText.isBlank("<p> &nbsp;</p><br>")).isTrue();
        assertThat(RichText.isBlank("x")).isFalse();
    }

    @Test
    void plainTextIsEscaped() {
        assertThat(RichText.ofPlainText("a < b\nc")).isEqualTo("a &lt; b<br>c");
    }
}
