package vn.edu.lms.web.classwork;

import java.math.BigDecimal;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Scores as Vietnamese teachers write them: a decimal comma ("8,5"; the English pages write 8.5), as
 * many decimals as the score was recorded with. Templates call {@code ${@marks.score(value, #locale)}}.
 */
@Component("marks")
public class Marks {

    public String score(@Nullable BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.toPlainString();
        return "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
    }
}
