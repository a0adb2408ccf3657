package vn.edu.lms.content.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The subjects of the curriculum, kept as data ({@code curriculum/subjects.json}) rather than code,
 * so a change of curriculum is a change of that file.
 */
@Component
public class SubjectCatalogue {

    private final List<Subject> subjects;

    public SubjectCatalogue(JsonMapper json) throws IOException {
        try (InputStream in = new ClassPathResource("curriculum/subjects.json").getInputStream()) {
            this.subjects = List.copyOf(json.readValue(in, SubjectFile.class).subjects());
        }
    }

    public List<Subject> all() {
        return subjects;
    }

    /** The subject with this code, if the curriculum has one. */
    public Optional<Subject> subject(String code) {
        return subjects.stream().filter(subject -> subject.code().equals(code)).findFirst();
    }

    /** A subject's name in the language of {@code locale}, or the code itself for a subject the curriculum no longer has. */
    public String name(String code, Locale locale) {
        return subject(code).map(subject -> subject.name(locale)).orElse(code);
    }

    /** The subjects taught in {@code grade} (1–9), in the order of the curriculum. */
    public List<Subject> forGrade(int grade) {
        return subjects.stream().filter(subject -> subject.taughtIn(grade)).toList();
    }

    private record SubjectFile(String source, List<Subject> subjects) {
    }
}
