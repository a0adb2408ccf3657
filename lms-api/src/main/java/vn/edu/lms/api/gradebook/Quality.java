package vn.edu.lms.api.gradebook;

/**
 * What primary teachers rate besides subjects (Thông tư 27/2020, Điều 6; chương trình 2018): the five
 * qualities (phẩm chất), the three general competences (năng lực chung) and the specific
 * competences (năng lực đặc thù), each Tốt, Đạt or Cần cố gắng.
 */
public enum Quality {
    YEU_NUOC("Yêu nước"), NHAN_AI("Nhân ái"), CHAM_CHI("Chăm chỉ"), TRUNG_THUC("Trung thực"), TRACH_NHIEM("Trách nhiệm"),
    TU_CHU_TU_HOC("Tự chủ và tự học"), GIAO_TIEP_HOP_TAC("Giao tiếp và hợp tác"), GIAI_QUYET_VAN_DE("Giải quyết vấn đề và sáng tạo"),
    NGON_NGU("Ngôn ngữ"), TINH_TOAN("Tính toán"), KHOA_HOC("Khoa học"), CONG_NGHE("Công nghệ"), TIN_HOC("Tin học"), THAM_MI("Thẩm mĩ"),
    THE_CHAT("Thể chất");

    private final String label;

    Quality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
