package vn.edu.lms.api.assessment.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import vn.edu.lms.api.assessment.paper.PrintedVersions;
import vn.edu.lms.api.questionbank.QuestionAssets;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.school.Schools;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;
import vn.edu.lms.content.curriculum.Subject;
import vn.edu.lms.content.curriculum.SubjectCatalogue;
import vn.edu.lms.content.platform.BlockingSchedulers;
import vn.edu.lms.content.platform.LmsProblem;

/**
 * The lettered versions (mã đề 101, 102, …) of a session as one PDF for a paper-based sitting, with
 * each version's answer key at the end: {@code GET /api/v1/test-sessions/{id}/printed-versions}.
 * They are the same versions the students of an online sitting of the session are handed.
 */
@RestController
class PrintedVersionsController {

    private final TestSessions sessions;
    private final Schools schools;
    private final SubjectCatalogue subjects;
    private final QuestionAssets assets;
    private final Scheduler files;

    PrintedVersionsController(TestSessions sessions, Schools schools, SubjectCatalogue subjects, QuestionAssets assets,
            BlockingSchedulers schedulers) {
        this.sessions = sessions;
        this.schools = schools;
        this.subjects = subjects;
        this.assets = assets;
        this.files = schedulers.files();
    }

    @GetMapping("/api/v1/test-sessions/{id}/printed-versions")
    Mono<ResponseEntity<byte[]>> printed(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> sessions.session(user, id))
            .filter(session -> session.papers() == TestSession.PaperMode.LETTERED)
            .switchIfEmpty(Mono.error(() -> new LmsProblem(HttpStatus.CONFLICT, "test-session-not-lettered")))
            .flatMap(session -> Mono.zip(sessions.pool(id), schools.school(session.schoolId()).map(School::name)).flatMap(found -> {
                List<PrintedVersions.Version> versions = new ArrayList<>();
                for (int index = 0; index < session.versions(); index++) {
                    DrawnPaper drawn = DrawnPaper.version(session, found.getT1(), index);
                    versions.add(new PrintedVersions.Version(drawn.code(), drawn.paper()));
                }
                String subject = subjects.subject(session.blueprint().subjectCode()).map(Subject::name).orElse(session.blueprint().subjectCode());
                PrintedVersions.Heading heading = new PrintedVersions.Heading(found.getT2(), session.title(), subject, session.blueprint().grade(),
                    session.durationMinutes());
                return images(versions).publishOn(files).map(images -> pdf(heading, versions, images));
            }))
            .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("ma-de-" + id + ".pdf").build().toString())
                .body(pdf));
    }

    /** The images the versions show (every version has the same questions), fetched once each. */
    private Mono<Map<String, byte[]>> images(List<PrintedVersions.Version> versions) {
        Set<String> ids = new LinkedHashSet<>();
        versions.get(0).paper().items().forEach(item -> ids.addAll(QuestionAssets.idsIn(item.content())));
        return assets.readAll(ids);
    }

    private static byte[] pdf(PrintedVersions.Heading heading, List<PrintedVersions.Version> versions, Map<String, byte[]> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrintedVersions.write(heading, versions, images, out);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return out.toByteArray();
    }

    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/test-sessions/*/printed-versions")
                .hasAnyRole(TestSessions.proctorRoles());
        }
    }
}
