package vn.edu.lms.content.library.item;

/**
 * Loại học liệu, as the schools name them (DESIGN.md), with the Dublin Core type (DCMI Type
 * Vocabulary) each maps to. Labels are in the {@code library} message bundle.
 */
public enum ResourceKind {
    /** Bài giảng điện tử. */
    E_LECTURE("InteractiveResource"),
    /** Video bài giảng. */
    VIDEO_LECTURE("MovingImage"),
    /** Giáo án. */
    LESSON_PLAN("Text"),
    /** Bài trình chiếu (PowerPoint and others). */
    SLIDE_DECK("Text"),
    /** Sách giáo khoa điện tử. */
    E_TEXTBOOK("Text"),
    /** Tài liệu tham khảo. */
    REFERENCE("Text"),
    /** Đề kiểm tra. */
    TEST_PAPER("Text"),
    /** Bảng dữ liệu. */
    DATASET("Dataset"),
    /** Âm thanh. */
    AUDIO("Sound"),
    /** Hình ảnh. */
    IMAGE("StillImage"),
    /** Thí nghiệm mô phỏng. */
    SIMULATION("InteractiveResource"),
    /** Tranh, biểu đồ, hình vẽ. */
    ILLUSTRATION("StillImage");

    private final String dublinCoreType;

    ResourceKind(String dublinCoreType) {
        this.dublinCoreType = dublinCoreType;
    }

    public String dublinCoreType() {
        return dublinCoreType;
    }
}
