/**
 * The curriculum as reference data ({@code curriculum/subjects.json}): subjects, the grades that study
 * them and how each is assessed. One catalogue for every module: the library's metadata and search,
 * schools' subject teachers, lessons and the gradebook.
 */
// Its own id: lms-api's endpoint package is also named curriculum.
@ApplicationModule(id = "curriculum-data", displayName = "Curriculum data")
@NullMarked
package vn.edu.lms.content.curriculum;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
