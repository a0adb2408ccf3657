package vn.edu.lms.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import vn.edu.lms.api.assessment.attempt.TestTakingFixture;
import vn.edu.lms.api.school.School;
import vn.edu.lms.api.security.Grant;
import vn.edu.lms.api.security.Role;
import vn.edu.lms.api.student.Students;
import vn.edu.lms.api.testing.ApiTestConfiguration;
import vn.edu.lms.api.testing.MutableClock;
import vn.edu.lms.api.testing.TestAccounts;
import vn.edu.lms.api.testing.TestSchools;

/** People are told of what concerns them, each reads and marks only their own, and outbound channels get ids and links only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.messages.basename=i18n/platform,i18n/library,i18n/api", "spring.messages.fallback-to-system-locale=false",
    "lms.security.sign-in.attempts-per-address=100000", "lms.notifications.retry-interval=200ms" })
@AutoConfigureWebTestClient(timeout = "PT60S")
@Import({ ApiTestConfiguration.class, NotificationTests.Channels.class })
class NotificationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TEST_TITLE = "Kiểm tra giữa kỳ I – Toán 7";

    @Autowired
    WebTestClient web;

    @Autowired
    TestAccounts accounts;

    @Autowired
    TestSchools schools;

    @Autowired
    Students students;

    @Autowired
    MutableClock clock;

    @Autowired
    Notifications notifications;

    @Autowired
    FlakyChannel channel;

    @Autowired
    ReactiveMongoTemplate mongo;

    /** A channel that remembers what it delivered, and fails the first delivery to the recipients it is told to. */
    static final class FlakyChannel implements NotificationChannel {

        final Queue<OutboundNotice> delivered = new ConcurrentLinkedQueue<>();
        final Queue<OutboundNotice> failed = new ConcurrentLinkedQueue<>();
        final Set<String> failOnceFor = ConcurrentHashMap.newKeySet();

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public Mono<Void> deliver(OutboundNotice notice) {
            return Mono.defer(() -> {
                if (failOnceFor.remove(notice.recipientAccountId())) {
                    failed.add(notice);
                    return Mono.error(new IllegalStateException("the gateway is away"));
                }
                delivered.add(notice);
                return Mono.empty();
            });
        }

        List<OutboundNotice> deliveredTo(String recipientId) {
            return delivered.stream().filter(notice -> notice.recipientAccountId().equals(recipientId)).toList();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Channels {

        @Bean
        FlakyChannel flakyChannel() {
            return new FlakyChannel();
        }
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String uri, TestAccounts.Caller caller) {
        return web.method(method).uri(uri).headers(h -> h.setBearerAuth(caller.token())).exchange();
    }

    /** A notification as the API shows it. */
    record Shown(String id, String kind, String text, String title, String link, @Nullable String classId, @Nullable String schoolId,
            boolean read) {
    }

    private List<Shown> notificationsOf(TestAccounts.Caller caller, String query) {
        return web.get().uri("/api/v1/notifications" + query).headers(h -> h.setBearerAuth(caller.token())).exchange()
            .expectStatus().isOk().expectBodyList(Shown.class).returnResult().getResponseBody();
    }

    private long unread(TestAccounts.Caller caller) {
        return ((Number) call(HttpMethod.GET, "/api/v1/notifications/unread-count", caller).expectStatus().isOk().expectBody(Map.class)
            .returnResult().getResponseBody().get("unread")).longValue();
    }

    private void send(TestAccounts.Caller recipient, Notice notice) {
        StepVerifier.create(notifications.send(List.of(recipient.id()), notice)).expectComplete().verify(WAIT);
    }

    private static Notice lesson(int number) {
        return new Notice(NotificationKind.LESSON_NEW, "/api/v1/library/items/bai-" + number, "Phân số – bài " + number, null, null);
    }

    private TestAccounts.Caller person() {
        return accounts.caller(web, "Đỗ Thị Thông Báo", List.of(Grant.atSchool(Role.STUDENT, schools.school(School.Level.PRIMARY))));
    }

    @Test
    void eachStudentOfTheClassIsToldWhenATestIsScheduledInTheirLanguage() {
        TestTakingFixture school = new TestTakingFixture(web, accounts, schools, students, 2);
        String first = String.valueOf(school.session(clock.instant().plus(Duration.ofDays(1)), request -> { }).get("id"));

        for (TestAccounts.Caller student : school.students) {
            assertThat(notificationsOf(student, "")).singleElement().satisfies(notice -> {
                assertThat(notice.kind()).isEqualTo("TEST_SCHEDULED");
                assertThat(notice.text()).isEqualTo("Lịch kiểm tra mới: " + TEST_TITLE);
                assertThat(notice.title()).isEqualTo(TEST_TITLE);
                assertThat(notice.link()).isEqualTo("/api/v1/my/test-sessions");
                assertThat(notice.classId()).isEqualTo(school.schoolClass.id());
                assertThat(notice.schoolId()).isEqualTo(school.schoolId);
                assertThat(notice.read()).isFalse();
            });
        }
        web.get().uri("/api/v1/notifications").headers(h -> h.setBearerAuth(school.students.get(0).token())).header("Accept-Language", "en")
            .exchange().expectStatus().isOk().expectBody().jsonPath("$[0].text").isEqualTo("Test scheduled: " + TEST_TITLE);
        assertThat(notificationsOf(school.teacher, "")).isEmpty();

        // Another session links to the same page, yet is a notification of its own.
        String second = String.valueOf(school.session(clock.instant().plus(Duration.ofDays(2)), request -> { }).get("id"));
        assertThat(second).isNotEqualTo(first);
        assertThat(unread(school.students.get(1))).isEqualTo(2);
    }

    @Test
    void aReleasedResultIsToldOnceToEachStudentWhoTookTheTestAndToTheirParents() {
        TestTakingFixture school = new TestTakingFixture(web, accounts, schools, students, 2);
        TestAccounts.Caller taker = school.students.get(0);
        TestAccounts.Caller absent = school.students.get(1);
        TestAccounts.Caller parent = accounts.caller(web, "Nguyễn Văn Phụ Huynh", List.of(Grant.atSchool(Role.PARENT, school.schoolId)));
        StepVerifier.create(students.linkGuardian(parent.id(), taker.id())).expectComplete().verify(WAIT);
        String sessionId = String.valueOf(school.session(clock.instant().minusSeconds(60), request -> { }).get("id"));
        Object attemptId = school.start(sessionId, taker, Map.of()).get("id");

        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/release", school.teacher, null).expectStatus().isOk();
        // Released again (a retried request): nobody is told twice.
        school.call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/release", school.teacher, null).expectStatus().isOk();

        String link = "/api/v1/attempts/" + attemptId + "/result";
        for (TestAccounts.Caller told : List.of(taker, parent)) {
            assertThat(notificationsOf(told, "")).filteredOn(notice -> notice.kind().equals("RESULT_RELEASED")).singleElement()
                .satisfies(notice -> {
                    assertThat(notice.link()).isEqualTo(link);
                    assertThat(notice.text()).isEqualTo("Đã có kết quả: " + TEST_TITLE);
                });
        }
        assertThat(notificationsOf(absent, "")).extracting(Shown::kind).containsExactly("TEST_SCHEDULED");
    }

    @Test
    void readingOneLowersTheUnreadCountAndReadingAllClearsIt() {
        TestAccounts.Caller student = person();
        for (int number = 1; number <= 3; number++) {
            send(student, lesson(number));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(unread(student)).isEqualTo(3);
        List<Shown> newest = notificationsOf(student, "?limit=2");
        assertThat(newest).extracting(Shown::title).containsExactly("Phân số – bài 3", "Phân số – bài 2");

        String read = "/api/v1/notifications/" + newest.get(1).id() + "/read";
        call(HttpMethod.POST, read, student).expectStatus().isNoContent();
        call(HttpMethod.POST, read, student).expectStatus().isNoContent();
        assertThat(unread(student)).isEqualTo(2);
        assertThat(notificationsOf(student, "?unread=true")).extracting(Shown::title)
            .containsExactly("Phân số – bài 3", "Phân số – bài 1");

        call(HttpMethod.POST, "/api/v1/notifications/read-all", student).expectStatus().isNoContent();
        assertThat(unread(student)).isZero();
        assertThat(notificationsOf(student, "?unread=true")).isEmpty();
        assertThat(notificationsOf(student, "")).hasSize(3).allSatisfy(notice -> assertThat(notice.read()).isTrue());

        call(HttpMethod.GET, "/api/v1/notifications?limit=0", student).expectStatus().isBadRequest();
        call(HttpMethod.GET, "/api/v1/notifications?limit=101", student).expectStatus().isBadRequest();
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotification() {
        TestAccounts.Caller owner = person();
        TestAccounts.Caller stranger = person();
        send(owner, lesson(1));
        String id = notificationsOf(owner, "").get(0).id();

        call(HttpMethod.POST, "/api/v1/notifications/" + id + "/read", stranger).expectStatus().isNotFound().expectBody()
            .jsonPath("$.type").isEqualTo("/problems/notification-not-found")
            .jsonPath("$.title").isEqualTo("Không tìm thấy thông báo");
        call(HttpMethod.POST, "/api/v1/notifications/no-such-notification/read", owner).expectStatus().isNotFound();
        call(HttpMethod.POST, "/api/v1/notifications/read-all", stranger).expectStatus().isNoContent();
        assertThat(notificationsOf(stranger, "")).isEmpty();
        assertThat(unread(owner)).isEqualTo(1);
        web.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theSameNoticeSentTwiceIsOneNotificationAndStaysRead() {
        TestAccounts.Caller student = person();
        StepVerifier.create(notifications.send(List.of(student.id(), student.id()), lesson(1))).expectComplete().verify(WAIT);
        send(student, lesson(1));
        assertThat(unread(student)).isEqualTo(1);

        call(HttpMethod.POST, "/api/v1/notifications/read-all", student).expectStatus().isNoContent();
        send(student, lesson(1));
        assertThat(unread(student)).isZero();
        assertThat(notificationsOf(student, "")).hasSize(1);
    }

    @Test
    void aChannelThatFailsIsTriedAgainAndDeliversOnceWithIdsKindAndLinkOnly() {
        assertThat(Arrays.stream(OutboundNotice.class.getRecordComponents()).map(RecordComponent::getName))
            .containsExactly("notificationId", "recipientAccountId", "kind", "link");
        TestAccounts.Caller student = person();
        channel.failOnceFor.add(student.id());
        send(student, lesson(7));
        Awaitility.await().atMost(WAIT).until(() -> channel.failed.stream().anyMatch(notice -> notice.recipientAccountId().equals(student.id())));
        assertThat(channel.deliveredTo(student.id())).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        Awaitility.await().atMost(WAIT).until(() -> !channel.deliveredTo(student.id()).isEmpty());
        String id = notificationsOf(student, "").get(0).id();
        // Delivered, the channel is no longer owed it: no later round sends it again.
        Awaitility.await().atMost(WAIT).untilAsserted(() -> StepVerifier.create(mongo.findById(id, Notification.class))
            .assertNext(stored -> assertThat(stored.pending()).isEmpty()).expectComplete().verify(WAIT));
        clock.advance(Duration.ofMinutes(6));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> channel.deliveredTo(student.id()).size() == 1);

        OutboundNotice sent = channel.deliveredTo(student.id()).get(0);
        assertThat(sent).isEqualTo(new OutboundNotice(id, student.id(), NotificationKind.LESSON_NEW, "/api/v1/library/items/bai-7"));
        assertThat(sent.toString()).doesNotContain("Phân số").doesNotContain("Thông Báo");
    }
}
