/**
 * The shared library (kho học liệu số): items with Dublin Core metadata and versions
 * ({@code item}), resumable tus uploads ({@code upload}), extraction and renditions as durable jobs
 * ({@code processing}, {@code extraction}, {@code media}), streaming with Range ({@code serving}),
 * appraisal for district sharing ({@code appraisal}) and the change feed for search ({@code feed}).
 */
@NullMarked
package vn.edu.lms.content.library;

import org.jspecify.annotations.NullMarked;
