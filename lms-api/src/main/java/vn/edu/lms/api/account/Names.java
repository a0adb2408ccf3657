package vn.edu.lms.api.account;

import java.text.Normalizer;
import java.util.Locale;

/** Vietnamese names searched without diacritics: "Nguyễn Thị Đào" is found by "nguyen thi dao". */
public final class Names {

    private Names() {
    }

    /** Lower case, diacritics removed, đ → d, spaces collapsed. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
