package vn.edu.lms.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Normalisation and position-keeping diacritic folding of Vietnamese text. */
class VietnameseTextTests {

    /** The twelve Vietnamese vowels as base letter plus modifier (breve, circumflex, horn). */
    private static final String[] VOWELS = {
        "a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y" };

    /** No tone, huyền, sắc, hỏi, ngã, nặng. */
    private static final String[] TONES = { "", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323" };

    /** Every Vietnamese vowel with every tone, written out by hand, in the order of VOWELS and TONES. */
    private static final String ALL_VOWELS_LOWER =
        "aàáảãạ" + "ăằắẳẵặ" + "âầấẩẫậ" + "eèéẻẽẹ" + "êềếểễệ" + "iìíỉĩị"
            + "oòóỏõọ" + "ôồốổỗộ" + "ơờớởỡợ" + "uùúủũụ" + "ưừứửữự" + "yỳýỷỹỵ";

    private static final String ALL_VOWELS_UPPER =
        "AÀÁẢÃẠ" + "ĂẰẮẲẴẶ" + "ÂẦẤẨẪẬ" + "EÈÉẺẼẸ" + "ÊỀẾỂỄỆ" + "IÌÍỈĨỊ"
            + "OÒÓỎÕỌ" + "ÔỒỐỔỖỘ" + "ƠỜỚỞỠỢ" + "UÙÚỦŨỤ" + "ƯỪỨỬỮỰ" + "YỲÝỶỸỴ";

    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
        "aàáảãạ, aaaaaa", "ăằắẳẵặ, aaaaaa", "âầấẩẫậ, aaaaaa",
        "eèéẻẽẹ, eeeeee", "êềếểễệ, eeeeee",
        "iìíỉĩị, iiiiii",
        "oòóỏõọ, oooooo", "ôồốổỗộ, oooooo", "ơờớởỡợ, oooooo",
        "uùúủũụ, uuuuuu", "ưừứửữự, uuuuuu",
        "yỳýỷỹỵ, yyyyyy",
        "AÀÁẢÃẠ, AAAAAA", "ĂẰẮẲẴẶ, AAAAAA", "ÂẦẤẨẪẬ, AAAAAA",
        "EÈÉẺẼẸ, EEEEEE", "ÊỀẾỂỄỆ, EEEEEE",
        "IÌÍỈĨỊ, IIIIII",
        "OÒÓỎÕỌ, OOOOOO", "ÔỒỐỔỖỘ, OOOOOO", "ƠỜỚỞỠỢ, OOOOOO",
        "UÙÚỦŨỤ, UUUUUU", "ƯỪỨỬỮỰ, UUUUUU",
        "YỲÝỶỸỴ, YYYYYY",
        "Đđ, Dd" })
    void everyVietnameseVowelWithEveryToneFoldsToItsBaseLetterKeepingCase(String precomposed, String expected) {
        assertThat(VietnameseText.fold(precomposed)).isEqualTo(expected);
    }

    @Test
    void theWholeAlphabetFoldsLetterForLetter() {
        String lower = "aăâbcdđeêghiklmnoôơpqrstuưvxy";
        assertThat(VietnameseText.fold(lower)).isEqualTo("aaabcddeeghiklmnooopqrstuuvxy");
        assertThat(VietnameseText.fold(lower.toUpperCase(Locale.ROOT)))
            .isEqualTo("AAABCDDEEGHIKLMNOOOPQRSTUUVXY");
    }

    @Test
    void vowelsBuiltFromCombiningMarksAreTheHandWrittenOnesAndFoldTheSame() {
        StringBuilder lower = new StringBuilder();
        StringBuilder upper = new StringBuilder();
        StringBuilder expectedLower = new StringBuilder();
        StringBuilder expectedUpper = new StringBuilder();
        for (String vowel : VOWELS) {
            for (String tone : TONES) {
                lower.append(VietnameseText.normalize(vowel + tone));
                upper.append(VietnameseText.normalize(vowel.toUpperCase(Locale.ROOT) + tone));
                expectedLower.append(vowel.charAt(0));
                expectedUpper.append(Character.toUpperCase(vowel.charAt(0)));
            }
        }
        assertThat(lower.toString()).isEqualTo(ALL_VOWELS_LOWER).hasSize(72);
        assertThat(upper.toString()).isEqualTo(ALL_VOWELS_UPPER).hasSize(72);
        assertThat(ALL_VOWELS_LOWER.codePoints().distinct().count()).isEqualTo(72);
        assertThat(ALL_VOWELS_UPPER.codePoints().distinct().count()).isEqualTo(72);
        assertThat(VietnameseText.fold(ALL_VOWELS_LOWER)).isEqualTo(expectedLower.toString());
        assertThat(VietnameseText.fold(ALL_VOWELS_UPPER)).isEqualTo(expectedUpper.toString());
    }

    @Test
    void decomposedInputFoldsExactlyLikePrecomposedInput() {
        for (String text : List.of(ALL_VOWELS_LOWER, ALL_VOWELS_UPPER, "Toán lớp 5: Phép cộng phân số",
            "Đồng bằng Bắc Bộ", "Luyện từ và câu: Danh từ", "Sự sinh sản của thực vật có hoa")) {
            String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
            assertThat(decomposed).isNotEqualTo(text);
            assertThat(VietnameseText.normalize(decomposed)).isEqualTo(text);
            assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold(text));
        }
    }

    @Test
    void toneMarksTypedAfterAPrecomposedModifierAreComposedFirst() {
        // Some keyboards send the vowel with its modifier precomposed and the tone as a combining mark,
        // and put the two marks of ệ in either order.
        String typed = "Vi\u00EA\u0323t Nam, l\u01A1\u0301p 5, Vie\u0302\u0323t, Vie\u0323\u0302t";
        assertThat(VietnameseText.normalize(typed)).isEqualTo("Việt Nam, lớp 5, Việt, Việt");
        assertThat(VietnameseText.fold(typed)).isEqualTo("Viet Nam, lop 5, Viet, Viet");
    }

    @Test
    void iAndYSpellingsOfTheSameSyllableFoldAlike() {
        for (List<String> same : List.of(List.of("Kỳ thi", "Kì thi", "ki thi", "KY THI"), List.of("Địa lý", "Địa lí", "dia ly"),
                List.of("Mỹ thuật", "Mĩ thuật", "my thuat"), List.of("quý", "quí", "QUY"), List.of("tỷ lệ", "tỉ lệ", "ty le"))) {
            assertThat(same.stream().map(text -> VietnameseText.fold(text).toLowerCase(java.util.Locale.ROOT)).distinct()).as(same.toString())
                .hasSize(1);
        }
        // y inside a longer syllable, or at a word's start, is not the i/y alternation.
        assertThat(VietnameseText.fold("Huy hiệu, thúy, tày, yêu, nguyễn, khuya, Bly")).isEqualTo("Huy hieu, thuy, tay, yeu, nguyen, khuya, Bly");
        assertThat(VietnameseText.fold("Kỳ").length()).isEqualTo(2);
    }

    @Test
    void textTypedWithoutDiacriticsMatchesTheFoldedTitle() {
        assertThat(VietnameseText.fold("Toán lớp 5")).isEqualTo("Toan lop 5");
        assertThat(VietnameseText.fold("Đường đi")).isEqualTo("Duong di");
        assertThat(VietnameseText.fold("Phép cộng phân số")).isEqualTo("Phep cong phan so");
        assertThat(VietnameseText.fold("ĐỀ KIỂM TRA GIỮA HỌC KÌ I – MÔN TIẾNG VIỆT"))
            .isEqualTo("DE KIEM TRA GIUA HOC KI I – MON TIENG VIET");
    }

    @Test
    void otherLatinLettersWithDiacriticsFoldToTheirBaseLetter() {
        assertThat(VietnameseText.fold("Crème brûlée, naïve façade, Ångström, Zürich, señor, Dvořák, Łódź"))
            .isEqualTo("Creme brulee, naive facade, Angstrom, Zurich, senor, Dvorak, Łodz");
    }

    @Test
    void lettersThatDoNotDecomposeAreKept() {
        assertThat(VietnameseText.fold("ß ø Ø æ Æ ł ı ŋ")).isEqualTo("ß ø Ø æ Æ ł ı ŋ");
    }

    @Test
    void nonLatinTextIsUnchanged() {
        List<String> texts = List.of("数学 五年级", "Ελληνικά ά", "Русский йод", "ภาษาไทย", "한국어",
            "العربية", "1/2 + 3,5 = ? (x² – 1) ≥ 0 € © «»", "😀👍🏽 𠀀 𝔸");
        for (String text : texts) {
            assertThat(VietnameseText.fold(text)).isEqualTo(text);
        }
    }

    @Test
    void foldingDoesNothingToFoldedText() {
        String folded = VietnameseText.fold("Nước chảy đá mòn. Ăn quả nhớ kẻ trồng cây.");
        assertThat(folded).isEqualTo("Nuoc chay da mon. An qua nho ke trong cay.");
        assertThat(VietnameseText.fold(folded)).isSameAs(folded);
    }

    @Test
    void textWithNothingToChangeIsReturnedAsTheSameInstance() {
        String ascii = "Toan lop 5 - phan so";
        String otherScripts = "数学 ß ø 😀 Русский";
        String vietnamese = "Tiếng Việt";
        assertThat(VietnameseText.fold(ascii)).isSameAs(ascii);
        assertThat(VietnameseText.fold(otherScripts)).isSameAs(otherScripts);
        assertThat(VietnameseText.normalize(ascii)).isSameAs(ascii);
        assertThat(VietnameseText.normalize(vietnamese)).isSameAs(vietnamese);
        assertThat(VietnameseText.fold("")).isEmpty();
    }

    @Test
    void aWordFoundInTheFoldedTextIsAtTheSameOffsetInTheOriginal() {
        String original = "Bài 12. Để cộng hai phân số khác mẫu số, ta quy đồng mẫu số rồi cộng hai phân số.";
        String folded = VietnameseText.fold(original);
        int at = folded.indexOf("qui dong mau so"); // quy and qui are one syllable
        assertThat(at).isPositive();
        assertThat(original.substring(at, at + "qui dong mau so".length())).isEqualTo("quy đồng mẫu số");
    }

    @Test
    void foldingKeepsLengthAndEveryCharacterInPlaceOverRandomText() {
        Random random = new Random(20180826L);
        for (int round = 0; round < 2_000; round++) {
            String normalized = VietnameseText.normalize(randomText(random, random.nextInt(60)));
            String folded = VietnameseText.fold(normalized);
            assertThat(folded).hasSameSizeAs(normalized);
            for (int i = 0; i < normalized.length(); i++) {
                char in = normalized.charAt(i);
                char out = folded.charAt(i);
                if (in != out) {
                    assertThat(comesFrom(out, in)).as("%s at %d of %s", out, i, normalized).isTrue();
                }
                if (Character.isSurrogate(in)) {
                    assertThat(out).isEqualTo(in);
                }
            }
        }
    }

    @Test
    void aFiveMegabyteExtractedTextFoldsWholly() {
        String paragraph = "Để cộng hai phân số có cùng mẫu số, ta cộng hai tử số với nhau và giữ nguyên mẫu số. "
            + "ĐỒNG BẰNG BẮC BỘ do phù sa sông Hồng và sông Thái Bình bồi đắp. 数学 😀\n";
        StringBuilder text = new StringBuilder(5 * 1024 * 1024 + paragraph.length());
        while (text.length() < 5 * 1024 * 1024) {
            text.append(paragraph);
        }
        String original = text.toString();
        String decomposed = Normalizer.normalize(original, Normalizer.Form.NFD);

        String folded = VietnameseText.fold(original);

        assertThat(folded).hasSameSizeAs(original);
        String foldedParagraph = "De cong hai phan so co cung mau so, ta cong hai tu so voi nhau va giu nguyen mau so. "
            + "DONG BANG BAC BO do phu sa song Hong va song Thai Binh boi dap. 数学 😀\n";
        assertThat(folded).startsWith(foldedParagraph).endsWith(foldedParagraph);
        assertThat(folded.chars().filter(c -> c >= 0x00C0 && c <= 0x1EFF)).isEmpty();
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(folded);
    }

    /** Whether {@code out} is what folding {@code in} should give: its base letter, or d for đ. */
    private static boolean comesFrom(char out, char in) {
        if (in == 'đ' || in == 'Đ') {
            return out == (in == 'đ' ? 'd' : 'D');
        }
        String decomposed = Normalizer.normalize(String.valueOf(in), Normalizer.Form.NFD);
        return Character.isLetter(in) && decomposed.length() > 1 && decomposed.charAt(0) == out;
    }

    @Test
    void theSpellingsOfAWordTypedWithoutDiacriticsIncludeEveryVietnameseWordThatFoldsToIt() {
        assertThat(VietnameseText.spellings("toan", 512)).contains("toan", "toán", "toàn", "toản", "toãn", "toạn");
        assertThat(VietnameseText.spellings("lop", 512)).contains("lớp", "lóp", "lộp");
        assertThat(VietnameseText.spellings("duong", 512)).contains("đường", "dương", "đuống");
        assertThat(VietnameseText.spellings("nguyen", 512)).contains("nguyễn", "nguyên", "nguyện");
        assertThat(VietnameseText.spellings("ki", 512)).contains("kì", "kỳ", "ky", "kỷ");
        assertThat(VietnameseText.spellings("Quy", 512)).contains("quý", "quí", "quỳ");
    }

    @Test
    void aWordTypedWithDiacriticsHasTheSameSpellingsAsWithout() {
        assertThat(VietnameseText.spellings("Toán", 512)).containsAll(VietnameseText.spellings("toan", 512))
            .hasSameSizeAs(VietnameseText.spellings("toan", 512));
        assertThat(VietnameseText.spellings(Normalizer.normalize("đường", Normalizer.Form.NFD), 512)).contains("đường", "duong");
    }

    @Test
    void everySpellingFoldsToTheWordLowercaseNfcWithAtMostOneToneMark() {
        for (String word : List.of("toan", "nguoi", "khuyen", "truong", "ki", "thuy", "d", "x5", "ABC")) {
            for (String spelling : VietnameseText.spellings(word, 512)) {
                assertThat(VietnameseText.fold(spelling)).as(spelling).isEqualTo(VietnameseText.fold(word.toLowerCase(Locale.ROOT)));
                assertThat(spelling).isEqualTo(spelling.toLowerCase(Locale.ROOT)).isEqualTo(Normalizer.normalize(spelling, Normalizer.Form.NFC));
                long tones = Normalizer.normalize(spelling, Normalizer.Form.NFD).chars()
                    .filter(c -> "\u0300\u0301\u0309\u0303\u0323".indexOf(c) >= 0).count();
                assertThat(tones).as(spelling).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aWordWithTooManySpellingsGivesOnlyItselfTypedAndFolded() {
        assertThat(VietnameseText.spellings("photosynthesis", 256)).containsExactly("photosynthesis");
        assertThat(VietnameseText.spellings("Quang hợp", 2)).containsExactly("quang hợp", "quang hop");
        assertThat(VietnameseText.spellings("toan", 512)).hasSizeLessThanOrEqualTo(512);
    }

    private static String randomText(Random random, int parts) {
        List<String> pool = new ArrayList<>(List.of("a", "Z", "5", " ", ".", "đ", "Đ", "ß", "ø", "数", "й", "ά",
            "\uD83D\uDE00", "\uD840\uDC00", "\u0300", "\u0301", "\u0302", "\u0303", "\u0306", "\u0309", "\u031B",
            "\u0323", "e\u0302\u0301", "o\u031B\u0323", "ç", "ü", "Å", "\u212B", "\u1E9B", "ǖ"));
        for (int i = 0; i < ALL_VOWELS_LOWER.length(); i++) {
            pool.add(String.valueOf(ALL_VOWELS_LOWER.charAt(i)));
            pool.add(String.valueOf(ALL_VOWELS_UPPER.charAt(i)));
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (random.nextInt(8) == 0) {
                // Any code point at all, including unpaired surrogates.
                text.appendCodePoint(random.nextInt(0x10000));
            } else {
                text.append(pool.get(random.nextInt(pool.size())));
            }
        }
        return text.toString();
    }
}
