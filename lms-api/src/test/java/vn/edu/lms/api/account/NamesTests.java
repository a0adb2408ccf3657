package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamesTests {

    @Test
    void foldingRemovesDiacriticsAndTurnsDIntoD() {
        assertThat(Names.fold("Nguyễn Thị Thu Hà")).isEqualTo("nguyen thi thu ha");
        assertThat(Names.fold("Đặng  Văn Đức")).isEqualTo("dang van duc");
        assertThat(Names.fold("Toán lớp 5")).isEqualTo("toan lop 5");
    }

    @Test
    void classListsSortByGivenNameThenTheRestTheVietnameseWay() {
        List<String> names = List.of("Nguyễn Văn An", "Trần Thị Ánh", "Lê Minh Đức", "Phạm Thị Dung", "Hoàng Văn Ân",
            "Bùi Thị Ăn", "Đỗ Văn An", "Vũ Thị Bích", "Ngô Văn Dũng");
        assertThat(names.stream().sorted(Names.CLASS_LIST_ORDER).toList()).containsExactly(
            "Đỗ Văn An", "Nguyễn Văn An", "Trần Thị Ánh", "Bùi Thị Ăn", "Hoàng Văn Ân", "Vũ Thị Bích",
            "Phạm Thị Dung", "Ngô Văn Dũng", "Lê Minh Đức");
        assertThat(Names.givenName("  Nguyễn Thị Thu Hà ")).isEqualTo("Hà");
    }

    @Test
    void delaysStartAfterAFewFailuresDoubleAndAreCapped() {
        SignInProperties settings = new SignInProperties(10, java.time.Duration.ofMinutes(15), 3,
            java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(4), 30, java.time.Duration.ofMinutes(5),
            java.time.Duration.ofHours(12), java.time.Duration.ofDays(90));
        assertThat(settings.delayAfter(2)).isZero();
        assertThat(settings.delayAfter(3)).hasMillis(250);
        assertThat(settings.delayAfter(4)).hasMillis(500);
        assertThat(settings.delayAfter(9)).hasSeconds(4);
    }
}
