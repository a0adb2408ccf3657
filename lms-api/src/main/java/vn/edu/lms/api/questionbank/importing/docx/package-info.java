/**
 * Word (.docx) tests as Vietnamese teachers write them: "PHẦN I–IV" headings, "Câu 1." questions,
 * options A–D and statements a)–d) with the key underlined, bold or red, or a key table after
 * "ĐÁP ÁN" (the convention is written up in {@code docs/docx-import.md}). Equations (OMML) become
 * LaTeX, pictures become images of the file.
 */
@NullMarked
package vn.edu.lms.api.questionbank.importing.docx;

import org.jspecify.annotations.NullMarked;
