package vn.edu.lms.search.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalisation and diacritic folding of Vietnamese (and other Latin-script) text for the search
 * index and for queries.
 *
 * <p>Each text field is indexed twice, as {@link #normalize(String) normalized} and
 * {@link #fold(String) folded}, and queries go to both: "toan lop 5" then finds "Toán lớp 5", and "đ"
 * matches "d". Folding maps every {@code char} to exactly one {@code char} and keeps letter case
 * (the analyzer lowercases), so {@code fold(s).length() == normalize(s).length()} and an offset in the
 * folded field is the same offset in the normalized original: highlights line up.
 *
 * <p>Both methods return the given instance when there is nothing to change, which is the common
 * case for ASCII text and, for {@code normalize}, for nearly all Vietnamese text.
 */
public final class VietnameseText {

    /** First and last character of the lookup table: Latin-1 letters up to Latin Extended Additional. */
    private static final char FIRST = '\u00C0';
    private static final char LAST = '\u1EFF';

    /**
     * No character below this is affected by NFC: the first combining mark is U+0300, and every
     * character below it is its own NFC form.
     */
    private static final char FIRST_NOT_NFC_INERT = '\u0300';

    /** {@code FOLDED[c - FIRST]} is what {@code c} folds to (itself when it does not fold). */
    private static final char[] FOLDED = foldingTable();

    /** The tone marks of Vietnamese (huyền, sắc, hỏi, ngã, nặng); a syllable carries at most one. */
    private static final String TONES = "\u0300\u0301\u0309\u0303\u0323";
    /** The vowel modifiers of Vietnamese (breve, circumflex, horn). */
    private static final String MODIFIERS = "\u0306\u0302\u031B";
    /** Lowercase Vietnamese letters by the letter they fold to: 'a' → à á ả ã ạ ă ằ ắ … ậ; 'd' → đ. */
    private static final Map<Character, List<Character>> VIETNAMESE_LETTERS = vietnameseLetters();

    private VietnameseText() {
    }

    /**
     * The text in Unicode NFC, so that input typed with combining tone marks (NFD, as macOS and some
     * Vietnamese keyboards produce) equals the precomposed form.
     *
     * @return {@code text} itself when it already is NFC
     */
    public static String normalize(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) >= FIRST_NOT_NFC_INERT) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                        ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /**
     * The text {@link #normalize(String) normalized}, then with every Latin letter that carries
     * diacritics replaced by its base letter (all Vietnamese vowels with any tone or modifier, é, ü,
     * ç, …), đ by d and Đ by D. Case is kept. Everything else stays as it is: digits, punctuation,
     * other scripts, surrogate pairs, combining marks that NFC could not compose, and letters that do
     * not decompose into a base letter and marks (ß, ø, æ, ł).
     *
     * <p>The final y of a syllable of one consonant or "qu" becomes i ("Kỳ" and "Kì" both fold to "Ki",
     * "lý" and "lí" to "li"): both spellings are correct and teachers type either.
     *
     * <p>The result has exactly the length of the normalized text, and its i-th {@code char} comes
     * from the i-th {@code char} of the normalized text.
     *
     * @return the normalized text itself when nothing folds
     */
    public static String fold(String text) {
        String normalized = normalize(text);
        int length = normalized.length();
        char[] chars = null;
        for (int i = 0; i < length; i++) {
            char c = normalized.charAt(i);
            char base = folded(c);
            if (base == 'y' || base == 'Y') {
                base = syllableFinalY(normalized, i) ? (char) (base - ('y' - 'i')) : base;
            }
            if (base != c) {
                if (chars == null) {
                    chars = normalized.toCharArray();
                }
                chars[i] = base;
            }
        }
        return chars == null ? normalized : new String(chars);
    }

    /**
     * Whether the y at {@code at} ends a syllable of one consonant (or "qu") and y, where Vietnamese
     * writes i and y alike (kỳ/kì, lý/lí, mỹ/mĩ, quý/quí): folded to i, so either spelling finds both.
     */
    private static boolean syllableFinalY(String text, int at) {
        if (at + 1 < text.length() && Character.isLetter(text.charAt(at + 1))) {
            return false;
        }
        int start = at - 1;
        if (start >= 1 && Character.toLowerCase(folded(text.charAt(start))) == 'u'
                && Character.toLowerCase(text.charAt(start - 1)) == 'q') {
            start--;
        } else if (start < 0 || "hklmstv".indexOf(Character.toLowerCase(folded(text.charAt(start)))) < 0) {
            return false;
        }
        return start == 0 || !Character.isLetter(text.charAt(start - 1));
    }

    /**
     * The lowercase Vietnamese spellings of a word typed with or without diacritics: every string of
     * at most one tone mark (as every Vietnamese syllable has) that {@link #fold folds} to what the
     * word folds to, and the word itself ("toan" gives toan, toán, toàn, toản, toãn, toạn, tôan, …,
     * "ky" gives ky, kỳ, kì, …). Most are not words, which costs nothing where they serve: as the
     * terms to mark in a text that is analyzed as written. When there would be more than
     * {@code limit} (a long foreign word), only the word as typed and folded.
     */
    public static Set<String> spellings(String word, int limit) {
        String typed = normalize(word).toLowerCase(Locale.ROOT);
        String folded = fold(typed);
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(typed);
        spellings.add(folded);
        List<String> candidates = new ArrayList<>();
        if (expand(folded, 0, new StringBuilder(), false, candidates, limit)) {
            for (String candidate : candidates) {
                if (fold(candidate).equals(folded)) {
                    spellings.add(candidate);
                }
            }
        }
        return spellings;
    }

    /** Depth first over the letters' spellings; false when there are more than {@code limit}. */
    private static boolean expand(String folded, int at, StringBuilder prefix, boolean toned, List<String> out, int limit) {
        if (at == folded.length()) {
            out.add(prefix.toString());
            return out.size() <= limit;
        }
        char c = folded.charAt(at);
        List<Character> options = new ArrayList<>();
        options.add(c);
        options.addAll(VIETNAMESE_LETTERS.getOrDefault(c, List.of()));
        if (c == 'i') { // a final y folds to i (kỳ → ki)
            options.add('y');
            options.addAll(VIETNAMESE_LETTERS.get('y'));
        }
        for (char option : options) {
            boolean tone = hasTone(option);
            if (tone && toned) {
                continue;
            }
            prefix.append(option);
            boolean within = expand(folded, at + 1, prefix, toned || tone, out, limit);
            prefix.setLength(prefix.length() - 1);
            if (!within) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasTone(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        for (int i = 1; i < decomposed.length(); i++) {
            if (TONES.indexOf(decomposed.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<Character, List<Character>> vietnameseLetters() {
        Map<Character, List<Character>> letters = new HashMap<>();
        for (char c = FIRST; c <= LAST; c++) {
            char base = baseLetter(c);
            if (base == c || !Character.isLowerCase(c) || "aeiouy".indexOf(base) < 0) {
                continue;
            }
            String marks = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).substring(1);
            int tones = 0;
            int modifiers = 0;
            boolean vietnamese = true;
            for (char mark : marks.toCharArray()) {
                tones += TONES.indexOf(mark) >= 0 ? 1 : 0;
                modifiers += MODIFIERS.indexOf(mark) >= 0 ? 1 : 0;
                vietnamese &= TONES.indexOf(mark) >= 0 || MODIFIERS.indexOf(mark) >= 0;
            }
            if (vietnamese && tones <= 1 && modifiers <= 1) {
                letters.computeIfAbsent(base, b -> new ArrayList<>()).add(c);
            }
        }
        letters.computeIfAbsent('d', b -> new ArrayList<>()).add('\u0111');
        letters.replaceAll((base, list) -> List.copyOf(list));
        return Map.copyOf(letters);
    }

    private static char folded(char c) {
        return c < FIRST || c > LAST ? c : FOLDED[c - FIRST];
    }

    private static char[] foldingTable() {
        char[] table = new char[LAST - FIRST + 1];
        for (int i = 0; i < table.length; i++) {
            char c = (char) (FIRST + i);
            table[i] = baseLetter(c);
        }
        // Đ and đ are letters of their own in Unicode (stroke, no decomposition), but "d" for "đ" is
        // how Vietnamese is typed without diacritics.
        table['\u0110' - FIRST] = 'D';
        table['\u0111' - FIRST] = 'd';
        return table;
    }

    /**
     * The base letter of a Latin letter whose canonical decomposition is that base followed only by
     * combining marks; otherwise the character itself. Greek and Cyrillic letters in the table's range
     * stay as they are (in Russian, й is not a и with a mark).
     */
    private static char baseLetter(char c) {
        if (!Character.isLetter(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN) {
            return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (decomposed.length() < 2) {
            return c;
        }
        char base = decomposed.charAt(0);
        if (!Character.isLetter(base) || Character.UnicodeScript.of(base) != Character.UnicodeScript.LATIN) {
            return c;
        }
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return c;
            }
        }
        return base;
    }
}
