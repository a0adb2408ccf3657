package vn.edu.lms.web.blocking;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one blocking read BlockHound is told to accept: the WebJars locator reads a webjar's version
 * (a few bytes of pom.properties) on the first request for it, then keeps it. It lives inside
 * Spring's resource resolver, where no warm-up can reach.
 */
public class KnownStartupReads implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.webjars.WebJarVersionLocator", "version");
    }
}
