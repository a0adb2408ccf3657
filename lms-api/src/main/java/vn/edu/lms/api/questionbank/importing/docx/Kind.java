package vn.edu.lms.api.questionbank.importing.docx;

/** What a question of a part is, before its key tells a number from a text. */
enum Kind {
    SINGLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, ESSAY
}
