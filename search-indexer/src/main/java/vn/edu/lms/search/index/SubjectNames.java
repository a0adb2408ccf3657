package vn.edu.lms.search.index;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The names of the curriculum's subjects by code, from the curriculum data every module shares. */
@Component
public class SubjectNames {

    private final Map<String, String> names;

    SubjectNames(JsonMapper json) throws IOException {
        try (InputStream in = new ClassPathResource("curriculum/subjects.json").getInputStream()) {
            names = json.readValue(in, SubjectFile.class).subjects().stream()
                .collect(Collectors.toUnmodifiableMap(Subject::code, Subject::name));
        }
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    private record SubjectFile(List<Subject> subjects) {
    }

    private record Subject(String code, String name) {
    }
}
