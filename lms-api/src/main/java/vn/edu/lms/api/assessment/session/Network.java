package vn.edu.lms.api.assessment.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An address range in CIDR notation ({@code 10.1.0.0/16}, {@code 2001:db8::/32}), or one address.
 * Only numeric addresses are read, so parsing never waits on a name lookup.
 */
public record Network(byte[] prefix, int bits, String written) {

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The range written as {@code text}, or empty when it is not a numeric address with an optional /bits. */
    public static Optional<Network> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = numeric(address);
        if (bytes == null) {
            return Optional.empty();
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        if (bits < 0 || bits > bytes.length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Network(bytes, bits, trimmed));
    }

    /** Whether {@code address} (numeric, as the connection reports it) is inside the range. */
    public boolean contains(@Nullable String address) {
        byte[] candidate = address == null ? null : numeric(address);
        if (candidate == null || candidate.length != prefix.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF00 >> rest) & 0xFF;
        return (candidate[whole] & mask) == (prefix[whole] & mask);
    }

    private static byte @Nullable [] numeric(String address) {
        if (address.isEmpty() || !NUMERIC.matcher(address).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Network network && network.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    @Override
    public String toString() {
        return written;
    }
}
