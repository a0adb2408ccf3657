/**
 * The curriculum as reference data: subjects, the grades that study them and how each is
 * assessed. Read by lessons, the library's metadata and the gradebook.
 */
@NullMarked
package vn.edu.lms.api.curriculum;

import org.jspecify.annotations.NullMarked;
