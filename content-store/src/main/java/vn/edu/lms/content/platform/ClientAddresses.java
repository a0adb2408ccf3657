package vn.edu.lms.content.platform;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.web.server.ServerWebExchange;

/** The address a request came from, for rate limits and the audit trail. */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /** The client's IP address, or null when the connection does not tell. */
    public static @Nullable String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }
}
