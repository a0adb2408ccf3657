package vn.edu.lms.content.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before an embedded service binds, so a taken port gives a clear message. */
public final class Ports {

    private Ports() {
    }

    /** Fails with a one-line message naming the service when the loopback port is taken. */
    public static void requireFree(String service, int port, String property) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new EmbeddedServiceException(String.format(
                "%s cannot start: port %d on 127.0.0.1 is already in use (another instance running?). "
                    + "Stop what uses it or set %s to a free port.", service, port, property), e);
        }
    }

    /** A port that is free right now on loopback, for tests and for services that need two. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on loopback", e);
        }
    }
}
