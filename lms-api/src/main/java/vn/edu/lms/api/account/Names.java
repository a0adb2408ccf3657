package vn.edu.lms.api.account;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Vietnamese names: searched without diacritics ("Nguyễn Thị Đào" is found by "nguyen thi dao"),
 * and put in class-list order, by given name (the last word) first, then the rest, with Vietnamese
 * collation (a < ă < â, d < đ, tones after the letter), not by surname.
 */
public final class Names {

    /** Frozen, so one instance serves every thread; its data is read once, at start-up ({@link NamesWarmUp}). */
    private static final Collator VIETNAMESE = vietnamese();

    /** Class-list order: given name, then the family and middle names, then as written. */
    public static final Comparator<String> CLASS_LIST_ORDER = Comparator
        .comparing(Names::givenName, VIETNAMESE::compare)
        .thenComparing(Names::familyAndMiddle, VIETNAMESE::compare)
        .thenComparing(Comparator.naturalOrder());

    private Names() {
    }

    private static Collator vietnamese() {
        Collator collator = Collator.getInstance(ULocale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }

    /** The given name: the last word of a Vietnamese full name. */
    public static String givenName(String fullName) {
        String[] words = fullName.strip().split("\\s+");
        return words[words.length - 1];
    }

    private static String familyAndMiddle(String fullName) {
        String stripped = fullName.strip();
        int last = stripped.lastIndexOf(' ');
        return last < 0 ? "" : stripped.substring(0, last);
    }

    /** Lower case, diacritics removed, đ → d, spaces collapsed. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
            .replaceAll("\\p{M}+", "")
            .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
