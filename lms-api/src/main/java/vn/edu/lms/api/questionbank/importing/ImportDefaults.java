package vn.edu.lms.api.questionbank.importing;

import vn.edu.lms.api.questionbank.CognitiveLevel;

/**
 * What a file does not say and the teacher chose on the import form: every question gets this
 * subject and grade; the topic and level where the file names none (a category names the topic;
 * a tag such as "Nhận biết" or "NB" names the level, see {@link CognitiveLevel#ofLabel}).
 */
public record ImportDefaults(String subjectCode, int grade, String topic, CognitiveLevel level) {
}
