/**
 * Lessons (bài học) of a class's course in one subject, organised by topic (chủ đề): ordered
 * blocks of text, library items by reference, links, a live-class link and a practice quiz drawn
 * from the question bank. Drafts, publishing with a scheduled release, copying to another class.
 * Sub-package {@code participation} keeps the record of who followed each lesson.
 */
@NullMarked
package vn.edu.lms.api.lesson;

import org.jspecify.annotations.NullMarked;
