package vn.edu.lms.content.platform;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random ids (UUID version 4 text) that can be drawn on an event-loop thread. {@code UUID.randomUUID()}
 * reads the operating system's entropy file as it goes; this generator (a DRBG) is seeded once,
 * when the class loads, and never reads a file afterwards. Not MongoDB ObjectIds on purpose: Spring
 * Data would store a String id that looks like one as an ObjectId.
 */
public final class Ids {

    private static final SecureRandom RANDOM = seeded();

    private Ids() {
    }

    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextBytes(new byte[16]);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG", e);
        }
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least).toString();
    }
}
