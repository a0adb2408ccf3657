/**
 * The pages of classwork: a class's assignments, setting and editing one, handing in (files over
 * tus) and grading with feedback; the gradebook grid of Thông tư 22 and the primary book of Thông tư
 * 27 with inline editing; and a child's results for their parents and teachers. Pages are rendered
 * from the features' Java API; every change goes through the JSON API, which keeps its own checks.
 */
@NullMarked
package vn.edu.lms.web.classwork;

import org.jspecify.annotations.NullMarked;
