package vn.edu.lms.api.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

    @Test
    void neutralisesFormulasInExportedCells() {
        assertThat(SpreadsheetText.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"http://x\",\"bấm\")")).isEqualTo(
            "'=HYPERLINK(\"http://x\",\"bấm\")");
        assertThat(SpreadsheetText.neutralise("+84 912 345 678")).isEqualTo("'+84 912 345 678");
        assertThat(SpreadsheetText.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetText.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(SpreadsheetText.neutralise("Nguyễn Thị Thu Hà")).isEqualTo("Nguyễn Thị Thu Hà");
        assertThat(SpreadsheetText.neutralise("001215012345")).isEqualTo("001215012345");
        assertThat(SpreadsheetText.neutralise("a=1")).isEqualTo("a=1");
        assertThat(SpreadsheetText.neutralise("")).isEmpty();
    }
}
