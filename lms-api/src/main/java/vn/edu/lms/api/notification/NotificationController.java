package vn.edu.lms.api.notification;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.edu.lms.api.questionbank.Wording;
import vn.edu.lms.api.security.Access;
import vn.edu.lms.api.security.EndpointRules;

/** The signed-in person's own notifications: {@code /api/v1/notifications}, the unread count, marking read. */
@RestController
class NotificationController {

    private final Notifications notifications;
    private final MessageSource messages;

    NotificationController(Notifications notifications, MessageSource messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    /** One notification as shown: {@code text} words the kind with the title, in the caller's language. */
    record NotificationView(String id, NotificationKind kind, String text, String title, String link, @Nullable String classId,
            @Nullable String schoolId, Instant createdAt, boolean read) {
    }

    record UnreadCount(long unread) {
    }

    /**
     * Lists the caller's notifications, newest first.
     *
     * @param unread only those not read yet
     * @param limit  at most this many (1–100)
     */
    @GetMapping("/api/v1/notifications")
    Flux<NotificationView> list(@RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int limit, ServerWebExchange exchange) {
        Locale locale = Wording.locale(exchange);
        return Access.currentUser().flatMapMany(user -> notifications.of(user.accountId(), unread, limit))
            .map(found -> new NotificationView(found.id(), found.kind(),
                messages.getMessage("notification." + found.kind().name(), new Object[] {found.title()}, found.title(), locale),
                found.title(), found.link(), found.classId(), found.schoolId(), found.createdAt(), found.readAt() != null));
    }

    /** How many of the caller's notifications are unread: {@code {"unread": n}}. */
    @GetMapping("/api/v1/notifications/unread-count")
    Mono<UnreadCount> unreadCount() {
        return Access.currentUser().flatMap(user -> notifications.unreadCount(user.accountId())).map(UnreadCount::new);
    }

    /** Marks one of the caller's notifications read (again: no change); anyone else's is a 404. */
    @PostMapping("/api/v1/notifications/{id}/read")
    Mono<ResponseEntity<Void>> read(@PathVariable String id) {
        return Access.currentUser().flatMap(user -> notifications.markRead(user.accountId(), id))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** Marks every one of the caller's notifications read. */
    @PostMapping("/api/v1/notifications/read-all")
    Mono<ResponseEntity<Void>> readAll() {
        return Access.currentUser().flatMap(user -> notifications.markAllRead(user.accountId()))
            .thenReturn(ResponseEntity.noContent().build());
    }

    /** Everyone signed in has notifications; which ones is the record-level check (their own). */
    @Component
    static class Rules implements EndpointRules {

        @Override
        public void configure(AuthorizeExchangeSpec exchanges) {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/notifications", "/api/v1/notifications/unread-count").authenticated()
                .pathMatchers(HttpMethod.POST, "/api/v1/notifications/*/read", "/api/v1/notifications/read-all").authenticated();
        }
    }
}
