package vn.edu.lms.api.questionbank.importing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.edu.lms.api.questionbank.importing.aiken.AikenFormat;
import vn.edu.lms.api.questionbank.importing.docx.DocxFormat;
import vn.edu.lms.api.questionbank.importing.gift.GiftFormat;
import vn.edu.lms.api.questionbank.importing.moodle.MoodleXmlFormat;
import vn.edu.lms.api.questionbank.importing.qti.QtiFormat;

/** The question file formats the import reads. */
@Configuration(proxyBeanMethods = false)
class QuestionFormats {

    @Bean
    QuestionFormat moodleXml() {
        return new MoodleXmlFormat();
    }

    @Bean
    QuestionFormat gift() {
        return new GiftFormat();
    }

    @Bean
    QuestionFormat aiken() {
        return new AikenFormat();
    }

    @Bean
    QuestionFormat qti() {
        return new QtiFormat();
    }

    @Bean
    QuestionFormat docx() {
        return new DocxFormat();
    }
}
