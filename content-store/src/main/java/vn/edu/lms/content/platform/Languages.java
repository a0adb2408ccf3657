package vn.edu.lms.content.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The product speaks Vietnamese, and English when the browser or client asks for it with
 * {@code Accept-Language}; any other language falls back to Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    public static final Locale DEFAULT = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.ENGLISH);

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver resolver = new AcceptHeaderLocaleContextResolver();
        resolver.setSupportedLocales(SUPPORTED);
        resolver.setDefaultLocale(DEFAULT);
        return resolver;
    }
}
