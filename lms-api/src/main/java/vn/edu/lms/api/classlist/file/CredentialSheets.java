package vn.edu.lms.api.classlist.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Printable credential sheets: one row per student with username and one-time password, as XLSX
 * (for schools that edit before printing) and PDF (print as is, Vietnamese text embedded).
 */
public final class CredentialSheets {

    static final String TITLE = "DANH SÁCH TÀI KHOẢN HỌC SINH";
    static final String PASSWORD_CHANGED = "Đã đổi mật khẩu";
    static final String FOOTNOTE =
        "Mật khẩu chỉ dùng cho lần đăng nhập đầu tiên; học sinh sẽ được yêu cầu đổi mật khẩu.";
    static final String[] HEADERS = {"STT", "Họ và tên", "Ngày sinh", "Tên đăng nhập", "Mật khẩu lần đầu"};

    private CredentialSheets() {
    }

    /**
     * One sheet "Tài khoản": title rows, the header, the entries in the given order; A4 portrait,
     * fitted to the page width, header repeated on every printed page. Every text is a string cell,
     * neutralised against formula injection. Does not close {@code out}.
     */
    public static void writeXlsx(CredentialSheet sheet, OutputStream out) {
        try {
            CredentialXlsx.write(sheet, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A4 PDF with Liberation Sans embedded (subset), the title, school, class and year, the table
     * paginated with its header repeated, page numbers and the footnote. Does not close {@code out}.
     */
    public static void writePdf(CredentialSheet sheet, OutputStream out) {
        try {
            CredentialPdf.write(sheet, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Lớp 5A – Năm học 2026–2027". */
    static String classLine(CredentialSheet sheet) {
        return "Lớp " + sheet.className() + " – Năm học " + sheet.yearLabel();
    }
}
