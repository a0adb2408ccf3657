package vn.edu.lms.content.library.upload;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The optional virus scan: clamd's INSTREAM command over its TCP socket, fed from object storage
 * in chunks (never a whole file in memory). Off unless {@code lms.library.upload.clamd.host} is set.
 * A scanner that cannot be reached fails the upload's finish, which is retried, rather than letting
 * an unscanned file through.
 */
@Component
class VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(VirusScanner.class);

    private final UploadProperties.Clamd clamd;

    VirusScanner(UploadProperties properties) {
        this.clamd = properties.clamd();
        if (clamd.enabled()) {
            log.info("Uploads are scanned by clamd at {}:{}", clamd.host(), clamd.port());
        }
    }

    boolean enabled(long size) {
        return clamd.enabled() && size <= clamd.maxSize().toBytes();
    }

    /** The signature found, or null when clean. Blocking: call on the object-storage scheduler. */
    @Nullable String scan(InputStream content) throws IOException {
        try (Socket socket = new Socket()) {
            int timeout = (int) clamd.timeout().toMillis();
            socket.connect(new InetSocketAddress(clamd.host(), clamd.port()), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            int read;
            while ((read = content.read(chunk)) > 0) {
                out.writeInt(read);
                out.write(chunk, 0, read);
            }
            out.writeInt(0);
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).replace("\0", "").strip();
            if (reply.endsWith("OK")) {
                return null;
            }
            if (reply.endsWith("FOUND")) {
                return reply.substring(reply.indexOf(':') + 1, reply.length() - "FOUND".length()).strip();
            }
            throw new IOException("clamd answered: " + reply);
        }
    }
}
