package vn.edu.lms.search.index;

import vn.edu.lms.content.library.item.ResourceKind;

/** What schools call each kind of resource, as teachers type it into the search box. */
final class KindLabels {

    private KindLabels() {
    }

    static String of(ResourceKind kind) {
        return switch (kind) {
            case E_LECTURE -> "Bài giảng điện tử";
            case VIDEO_LECTURE -> "Video bài giảng";
            case LESSON_PLAN -> "Giáo án";
            case SLIDE_DECK -> "Bài trình chiếu";
            case E_TEXTBOOK -> "Sách giáo khoa điện tử";
            case REFERENCE -> "Tài liệu tham khảo";
            case TEST_PAPER -> "Đề kiểm tra";
            case DATASET -> "Bảng dữ liệu";
            case AUDIO -> "Âm thanh";
            case IMAGE -> "Hình ảnh";
            case SIMULATION -> "Thí nghiệm mô phỏng";
            case ILLUSTRATION -> "Tranh, biểu đồ, hình vẽ";
        };
    }
}
