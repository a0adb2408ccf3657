package vn.edu.lms.content.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;

/**
 * The product speaks Vietnamese, and English when the person chose it on a page (the
 * {@value #COOKIE} cookie) or the browser or client asks for it with {@code Accept-Language}; any
 * other language falls back to Vietnamese.
 */
@Configuration(proxyBeanMethods = false)
public class Languages {

    public static final Locale DEFAULT = Locale.forLanguageTag("vi");
    public static final List<Locale> SUPPORTED = List.of(DEFAULT, Locale.ENGLISH);
    /** The language chosen on a page: {@code vi} or {@code en}. */
    public static final String COOKIE = "lms-lang";

    /** A code no bundle has, so that looking it up walks every bundle of a language. */
    private static final String ABSENT = Languages.class.getName() + ".absent";

    @Bean(WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver() {
        AcceptHeaderLocaleContextResolver header = new AcceptHeaderLocaleContextResolver();
        header.setSupportedLocales(SUPPORTED);
        header.setDefaultLocale(DEFAULT);
        return new LocaleContextResolver() {
            @Override
            public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
                Locale chosen = chosen(exchange);
                return chosen != null ? new SimpleLocaleContext(chosen) : header.resolveLocaleContext(exchange);
            }

            @Override
            public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
                throw new UnsupportedOperationException("the language is chosen with the " + COOKIE + " cookie");
            }
        };
    }

    /** The supported language named by the cookie, if any. */
    public static @Nullable Locale chosen(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie == null) {
            return null;
        }
        return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(cookie.getValue())).findFirst().orElse(null);
    }

    /**
     * Reads every message bundle, ours and the validator's, at start-up. They are otherwise read
     * from disk on first use, which would be on an event-loop thread answering a request.
     */
    @Bean
    SmartInitializingSingleton messageBundlesWarmUp(MessageSource messages, ObjectProvider<Validator> validator) {
        return () -> {
            SUPPORTED.forEach(locale -> messages.getMessage(ABSENT, null, "", locale));
            validator.ifAvailable(v -> v.validate(new Invalid("", 1)));
        };
    }

    /** Fails two constraints, so that the validator interpolates (and so loads) its messages. */
    private record Invalid(@NotBlank String name, @Max(0) int number) {
    }
}
