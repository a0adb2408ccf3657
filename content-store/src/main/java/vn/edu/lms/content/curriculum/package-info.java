/**
 * The curriculum as reference data ({@code curriculum/subjects.json}): subjects, the grades that study
 * them and how each is assessed. One catalogue for every module: the library's metadata and search,
 * schools' subject teachers, lessons and the gradebook.
 */
@NullMarked
package vn.edu.lms.content.curriculum;

import org.jspecify.annotations.NullMarked;
