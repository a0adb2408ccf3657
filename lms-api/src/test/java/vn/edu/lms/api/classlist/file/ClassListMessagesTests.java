package vn.edu.lms.api.classlist.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ClassListMessagesTests {

    private static final List<String> SLUGS = List.of("class-list-unreadable", "class-list-not-utf8",
        "class-list-no-header", "class-list-missing-column", "class-list-too-many-rows");

    @Test
    void everyClassListProblemHasATitleAndDetailInVietnameseAndEnglish() throws IOException {
        Properties vietnamese = bundle("/i18n/api.properties");
        Properties english = bundle("/i18n/api_en.properties");

        for (String slug : SLUGS) {
            for (String part : List.of(".title", ".detail")) {
                assertThat(vietnamese.getProperty("problem." + slug + part)).as(slug + part).isNotBlank();
                assertThat(english.getProperty("problem." + slug + part)).as(slug + part).isNotBlank();
            }
        }
        assertThat(new MessageFormat(vietnamese.getProperty("problem.class-list-missing-column.detail"),
            Locale.forLanguageTag("vi")).format(new Object[] {"Ngày sinh"})).contains("“Ngày sinh”");
        assertThat(new MessageFormat(english.getProperty("problem.class-list-too-many-rows.detail"), Locale.ENGLISH)
            .format(new Object[] {500})).contains("more than 500 student rows");
    }

    private static Properties bundle(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ClassListMessagesTests.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
