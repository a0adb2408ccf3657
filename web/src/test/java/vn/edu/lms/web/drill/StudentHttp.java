package vn.edu.lms.web.drill;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * What a student's test page sends, over a non-blocking Reactor Netty client shared by many
 * simulated students (a bounded connection pool, a couple of event-loop threads): sign-in for a
 * token, start or resume, save one answer, ping the clock, read the attempt, submit. Every call
 * completes with a {@link Reply} — status, body and the time from sending to the last byte of the
 * reply — never with an error, so the load can count failures by kind.
 */
final class StudentHttp implements AutoCloseable {

    /** A reply, or a failure to get one ({@code status} -1 with the failure's kind). */
    record Reply(int status, String body, long nanos, String failure) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return ExamSetup.JSON.readTree(body);
        }

        /** The status and, for a problem detail, its type's last segment: "409 attempt-time-up", "-1 timeout". */
        String kind() {
            if (status < 0) {
                return "no reply (" + failure + ")";
            }
            int type = body.indexOf("\"type\":\"");
            if (type < 0) {
                return String.valueOf(status);
            }
            String rest = body.substring(type + 8, body.indexOf('"', type + 8));
            return status + " " + rest.substring(rest.lastIndexOf('/') + 1);
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    /** A response a student gives, in the API's one shape, kept to compare with what the server stored. */
    record Answer(List<String> selected, Map<String, String> entries, String text) {

        String json() {
            StringBuilder json = new StringBuilder("{");
            if (!selected.isEmpty()) {
                json.append("\"selected\":[");
                for (int i = 0; i < selected.size(); i++) {
                    json.append(i == 0 ? "\"" : ",\"").append(selected.get(i)).append('"');
                }
                json.append(']');
            }
            if (!entries.isEmpty()) {
                json.append(json.length() > 1 ? "," : "").append("\"entries\":{");
                boolean first = true;
                for (Map.Entry<String, String> entry : entries.entrySet()) {
                    json.append(first ? "\"" : ",\"").append(entry.getKey()).append("\":\"").append(entry.getValue()).append('"');
                    first = false;
                }
                json.append('}');
            }
            if (text != null) {
                json.append(json.length() > 1 ? "," : "").append("\"text\":\"").append(text).append('"');
            }
            return json.append('}').toString();
        }

        /** The response as the server gives it back in an attempt's {@code answers}. */
        static Answer of(JsonNode response) {
            List<String> selected = new ArrayList<>();
            response.path("selected").forEach(key -> selected.add(key.asString()));
            Map<String, String> entries = new java.util.TreeMap<>();
            response.path("entries").properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue().asString()));
            JsonNode text = response.path("text");
            return new Answer(selected, entries, text.isNull() || text.isMissingNode() ? null : text.asString());
        }

        /**
         * Something a student might answer to the item as shown: one option of a single choice,
         * a judgement of each statement of a true/false group, a number written as the answer sheet's
         * boxes take it for a short answer.
         */
        static Answer randomFor(JsonNode item) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String type = item.path("type").asString();
            switch (type) {
                case "SINGLE_CHOICE", "MULTIPLE_RESPONSE" -> {
                    JsonNode options = item.path("options");
                    return new Answer(List.of(options.get(random.nextInt(options.size())).path("key").asString()), Map.of(), null);
                }
                case "TRUE_FALSE_GROUP" -> {
                    Map<String, String> entries = new java.util.TreeMap<>();
                    item.path("statements").forEach(statement -> entries.put(statement.path("key").asString(), String.valueOf(random.nextBoolean())));
                    return new Answer(List.of(), entries, null);
                }
                default -> {
                    String[] numbers = { "-0,5", "0,5", "1,5", "-1", "2", "12", "-2,5", "0,25" };
                    return new Answer(List.of(), Map.of(), numbers[random.nextInt(numbers.length)]);
                }
            }
        }
    }

    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final HttpClient client;
    /** Connections opened so far: the pool opens one when every open one is busy. */
    final LongAdder connections = new LongAdder();

    StudentHttp(String baseUrl, int maxConnections, int eventLoops, Duration timeout) {
        pool = ConnectionProvider.builder("students").maxConnections(maxConnections).pendingAcquireMaxCount(-1)
            .pendingAcquireTimeout(timeout).maxIdleTime(Duration.ofSeconds(50)).build();
        loops = LoopResources.create("students", eventLoops, true);
        client = HttpClient.create(pool).runOn(loops).baseUrl(baseUrl).responseTimeout(timeout).keepAlive(true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .doOnChannelInit((observer, channel, address) -> connections.increment());
    }

    /** A token for the student ({@code POST /api/v1/auth/tokens}), as a page signs in. */
    Mono<Reply> signIn(String username, String password) {
        return call(HttpMethod.POST, "/api/v1/auth/tokens", null, null,
            "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"name\":\"trang-thi\"}");
    }

    /** Starts the attempt or resumes it (a new device token either way): 201 or 200 with the paper. */
    Mono<Reply> start(String token, String sessionId) {
        return call(HttpMethod.POST, "/api/v1/test-sessions/" + sessionId + "/attempt", token, null, "{}");
    }

    Mono<Reply> save(String token, String attemptId, String device, int number, long seq, Answer answer) {
        return call(HttpMethod.PUT, "/api/v1/attempts/" + attemptId + "/answers/" + number, token, device,
            "{\"seq\":" + seq + ",\"response\":" + answer.json() + "}");
    }

    Mono<Reply> ping(String token, String attemptId) {
        return call(HttpMethod.POST, "/api/v1/attempts/" + attemptId + "/ping", token, null, null);
    }

    Mono<Reply> attempt(String token, String attemptId) {
        return call(HttpMethod.GET, "/api/v1/attempts/" + attemptId, token, null, null);
    }

    Mono<Reply> submit(String token, String attemptId, String device) {
        return call(HttpMethod.POST, "/api/v1/attempts/" + attemptId + "/submit", token, device, null);
    }

    /** One request; the clock starts when it is subscribed (before a pooled connection is acquired) and stops at the reply's last byte. */
    Mono<Reply> call(HttpMethod method, String path, String token, String device, String json) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            HttpClient.RequestSender sender = client.headers(headers -> {
                if (token != null) {
                    headers.set("Authorization", "Bearer " + token);
                }
                if (device != null) {
                    headers.set("X-Attempt-Device", device);
                }
                if (json != null) {
                    headers.set("Content-Type", "application/json");
                }
                headers.set("Accept", "application/json");
            }).request(method).uri(path);
            HttpClient.ResponseReceiver<?> receiver = json == null ? sender : sender.send(ByteBufMono.fromString(Mono.just(json)));
            return receiver.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                    .map(text -> new Reply(response.status().code(), text, System.nanoTime() - started, null)))
                .onErrorResume(failure -> Mono.just(new Reply(-1, "", System.nanoTime() - started, kindOf(failure))));
        });
    }

    private static String kindOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause != cause.getCause()) {
            if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
                break;
            }
            cause = cause.getCause();
        }
        if (failure instanceof ReadTimeoutException || cause instanceof ReadTimeoutException || cause instanceof TimeoutException) {
            return "timeout";
        }
        if (failure instanceof PrematureCloseException || cause instanceof PrematureCloseException) {
            return "connection closed";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(10));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }
}
