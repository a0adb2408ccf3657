package vn.edu.lms.api.questionbank;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.web.server.ServerWebExchange;

/** Problems of questions, files and blueprints in the caller's language (Vietnamese unless asked otherwise). */
public final class Wording {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private Wording() {
    }

    public static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale == null ? VIETNAMESE : locale;
    }

    /** The message of {@code code}, or the code itself when there is none. */
    public static String message(MessageSource messages, String code, List<Object> args, Locale locale) {
        return messages.getMessage(code, args.toArray(), code, locale);
    }
}
