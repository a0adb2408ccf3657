package vn.edu.lms.api.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Opaque credentials: a session cookie or a bearer token carries a random secret; the server keeps
 * only its SHA-256, so a leaked database cannot be replayed as sessions.
 */
public final class Credentials {

    /** The browser session cookie. */
    public static final String SESSION_COOKIE = "LMS_SESSION";
    private static final String BEARER = "Bearer ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Credentials() {
    }

    /** 256 random bits, URL-safe. Draw it on a blocking-allowed thread: it reads the OS's entropy. */
    public static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A password to hand out once: 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I). */
    public static String newOneTimePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The secret the request presents: its bearer token, else its session cookie. */
    public static @Nullable String presented(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        HttpCookie cookie = request.getCookies().getFirst(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }
}
