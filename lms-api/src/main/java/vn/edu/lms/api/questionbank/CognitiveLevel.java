package vn.edu.lms.api.questionbank;

/**
 * How deep a question asks the student to think (mức độ nhận thức), as test blueprints count them.
 * The 2018 curriculum uses three levels (Biết, Hiểu, Vận dụng); older banks use four (Nhận biết,
 * Thông hiểu, Vận dụng, Vận dụng cao). Both scales live side by side; Vận dụng belongs to both.
 */
public enum CognitiveLevel {
    BIET("Biết"),
    HIEU("Hiểu"),
    VAN_DUNG("Vận dụng"),
    NHAN_BIET("Nhận biết"),
    THONG_HIEU("Thông hiểu"),
    VAN_DUNG_CAO("Vận dụng cao");

    private final String label;

    CognitiveLevel(String label) {
        this.label = label;
    }

    /** The name teachers write ("Thông hiểu"). */
    public String label() {
        return label;
    }

    /** The level a teacher's label names, diacritics and case aside ("van dung cao", "VD"), or null. */
    public static @org.jspecify.annotations.Nullable CognitiveLevel ofLabel(String label) {
        String wanted = vn.edu.lms.search.text.VietnameseText.fold(label.strip()).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        for (CognitiveLevel level : values()) {
            String folded = vn.edu.lms.search.text.VietnameseText.fold(level.label).toLowerCase(java.util.Locale.ROOT);
            if (folded.equals(wanted) || level.name().toLowerCase(java.util.Locale.ROOT).equals(wanted.replace(' ', '_'))) {
                return level;
            }
        }
        return switch (wanted) {
            case "nb" -> NHAN_BIET;
            case "th" -> THONG_HIEU;
            case "vd" -> VAN_DUNG;
            case "vdc" -> VAN_DUNG_CAO;
            default -> null;
        };
    }
}
