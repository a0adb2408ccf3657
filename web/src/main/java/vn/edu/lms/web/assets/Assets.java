package vn.edu.lms.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.webjars.WebJarVersionLocator;

import reactor.core.publisher.Mono;

/**
 * Long-lived URLs for the pages' static files, so that browsers keep them for a year and still get a
 * new file the moment it changes. Our own files get their content's MD5 in the name
 * ({@code /css/site.css} becomes {@code /css/site-0f3a….css}, the names Spring's content version
 * strategy serves); a browser library becomes its WebJar's versioned path
 * ({@code /webjars/katex/dist/katex.min.js} becomes {@code /webjars/katex/0.18.11/dist/katex.min.js}).
 * Templates write the plain path with {@code @{…}}; the rewriting is an exchange URL transformer,
 * which Thymeleaf applies to every link it builds. Everything is computed once, at start-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class Assets implements WebFilter {

    private static final String STATIC = "classpath:/static/";
    private static final String WEBJARS = "/webjars/";

    private final Map<String, String> fingerprinted;
    private final Map<String, String> webjarVersions = new HashMap<>();

    Assets() throws IOException {
        this.fingerprinted = fingerprints();
        WebJarVersionLocator locator = new WebJarVersionLocator();
        for (String webjar : new String[] {"htmx.org", "katex", "hls.js", "pdfjs-dist", "idb-keyval", "chart.js"}) {
            String version = locator.version(webjar);
            if (version == null) {
                throw new IllegalStateException("the WebJar " + webjar + " is missing from the class path");
            }
            webjarVersions.put(webjar, version);
        }
    }

    /** The long-lived URL of a static file, or the URL itself when it is not one of ours. */
    public String url(String path) {
        String own = fingerprinted.get(path);
        if (own != null) {
            return own;
        }
        if (path.startsWith(WEBJARS)) {
            int slash = path.indexOf('/', WEBJARS.length());
            if (slash > 0) {
                String version = webjarVersions.get(path.substring(WEBJARS.length(), slash));
                if (version != null && !path.startsWith(version + "/", slash + 1)) {
                    return path.substring(0, slash + 1) + version + path.substring(slash);
                }
            }
        }
        return path;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.addUrlTransformer(this::url);
        return chain.filter(exchange);
    }

    private static Map<String, String> fingerprints() throws IOException {
        Map<String, String> urls = new HashMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        String root = resolver.getResource(STATIC).getURL().toString();
        for (Resource resource : resolver.getResources(STATIC + "**/*.*")) {
            String path = "/" + resource.getURL().toString().substring(root.length());
            String md5;
            try (InputStream in = resource.getInputStream()) {
                md5 = DigestUtils.md5DigestAsHex(in);
            }
            int dot = path.lastIndexOf('.');
            urls.put(path, path.substring(0, dot) + "-" + md5 + path.substring(dot));
        }
        return Map.copyOf(urls);
    }
}
