/**
 * The question bank (ngân hàng câu hỏi): questions per subject and grade, with topic, cognitive level,
 * tags, author and versions, shared inside a school and, after appraisal, across the district. Each
 * question type knows its own rules: what makes it well formed and how a response to it scores.
 */
@NullMarked
package vn.edu.lms.api.questionbank;

import org.jspecify.annotations.NullMarked;
