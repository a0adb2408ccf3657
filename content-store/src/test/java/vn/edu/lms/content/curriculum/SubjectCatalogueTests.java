package vn.edu.lms.content.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class SubjectCatalogueTests {

    private final SubjectCatalogue catalogue = catalogue();

    private static SubjectCatalogue catalogue() {
        try {
            return new SubjectCatalogue(JsonMapper.builder().build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gradeFiveStudiesTheScoredPrimarySubjects() {
        assertThat(catalogue.forGrade(5)).extracting(Subject::name)
            .contains("Tiếng Việt", "Toán", "Khoa học", "Lịch sử và Địa lí", "Tin học", "Công nghệ", "Ngoại ngữ 1")
            .doesNotContain("Ngữ văn", "Tự nhiên và Xã hội");
    }

    @Test
    void lowerSecondaryStudiesNguVanNotTiengViet() {
        assertThat(catalogue.forGrade(7)).extracting(Subject::name)
            .contains("Ngữ văn", "Khoa học tự nhiên", "Giáo dục công dân", "Nội dung giáo dục địa phương")
            .doesNotContain("Tiếng Việt", "Khoa học");
    }

    @Test
    void commentOnlySubjectsAreTheOnesTheCircularNames() {
        assertThat(catalogue.forGrade(8)).filteredOn(subject -> subject.assessment() == Subject.Assessment.COMMENT)
            .extracting(Subject::name)
            .containsExactlyInAnyOrder("Giáo dục thể chất", "Âm nhạc", "Mĩ thuật",
                "Hoạt động trải nghiệm – hướng nghiệp", "Nội dung giáo dục địa phương");
    }

    @Test
    void naturalAndSocialSciencesEndAfterGradeThree() {
        assertThat(catalogue.forGrade(3)).extracting(Subject::code).contains("tu-nhien-va-xa-hoi");
        assertThat(catalogue.forGrade(4)).extracting(Subject::code).doesNotContain("tu-nhien-va-xa-hoi");
    }

    @Test
    void aSubjectIsNamedInThePagesLanguageAndAnUnknownCodeAsItself() {
        assertThat(catalogue.name("toan", Locale.forLanguageTag("vi"))).isEqualTo("Toán");
        assertThat(catalogue.name("toan", Locale.ENGLISH)).isEqualTo("Mathematics");
        assertThat(catalogue.name("toan", Locale.UK)).isEqualTo("Mathematics");
        assertThat(catalogue.name("mon-da-bo", Locale.ENGLISH)).isEqualTo("mon-da-bo");
    }
}
